package gcsim.cli;

/**
 * A bug in gcsim found while searching: an execution threw. It ends the command with exit code 3 and
 * its message as written, which already holds the command that reproduces it, so a user can file it.
 */
final class SearchBug extends RuntimeException {
    SearchBug(String message, Throwable cause) {
        super(message, cause);
    }
}
