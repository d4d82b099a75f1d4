package gcsim.cli;

/**
 * The user asked for something gcsim cannot do: exit code 2 and one line on stderr. The message says
 * what is wrong and what is accepted; the CLI prefixes it with {@code gcsim: }.
 */
final class BadInput extends Exception {
    BadInput(String message) {
        super(message, null, false, false);
    }
}
