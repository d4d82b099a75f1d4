package gcsim.differential;

import java.util.List;

/**
 * What one side saw at the end of a history, by short name (the part after {@code <hash>-}), each
 * list sorted: the paths valid just before the final collection, what {@code --print-dead} listed,
 * and the paths left after {@code nix-store --gc}. {@code error} is non-null when the side could not
 * run the history to its end; the lists are then empty.
 */
public record Outcome(List<String> before, List<String> dead, List<String> after, String error) {

    static Outcome failed(String error) {
        return new Outcome(List.of(), List.of(), List.of(), error);
    }

    boolean ok() {
        return error == null;
    }
}
