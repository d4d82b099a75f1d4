package gcsim.differential;

import java.util.List;

/**
 * A concurrent history: a collector that real Nix (2.34 and later) pauses at one of its test hooks,
 * and one client action that runs while it is paused. {@code _NIX_TEST_GC_SYNC_1} pauses the
 * collector after it took {@code gc.lock} and before its socket exists (§2.7 G4);
 * {@code _NIX_TEST_GC_SYNC_2} after it read the permanent and the temporary roots and before the
 * closure walk (§2.7 G9). The store holds two unrooted sources: {@code p}, which the client acts on,
 * and {@code q}, which nobody touches, so every history also shows that the collection ran.
 *
 * <p>These are the interleavings the hooks can force. They cannot place an action between the
 * walk of {@code gcroots} (G7) and the reading of temp roots (G8), nor inside the walk or the
 * deletions, because no hook stops the collector there.
 *
 * @param hook 1 or 2: the hook the client's action runs under
 * @param client what the client does while the collector is paused
 */
public record ConcurrentHistory(String name, int hook, Client client) {

    /** The client's action. */
    public enum Client {
        /** {@code nix-store -r P}: the substitution goal's {@code addTempRoot(P)}, then the process exits. */
        REALISE,
        /** {@code nix-store -r P --add-root L}: as REALISE, then {@code addPermRoot} (§2.10). */
        REALISE_ADD_ROOT,
        /** {@code ln -s P gcroots/l}: a permanent root with no temp root, as {@code gc.sh} makes one. */
        SYMLINK_ROOT,
        /**
         * A process that held a temp root for P in its temproots file since before the collection
         * exits (its flock goes, its file stays), as any Nix command holding a root does at its end.
         */
        HOLDER_EXITS
    }

    /** Every concurrent history: each client action under each hook. */
    public static List<ConcurrentHistory> all() {
        List<ConcurrentHistory> out = new java.util.ArrayList<>();
        for (int hook = 1; hook <= 2; hook++) {
            for (Client c : Client.values()) {
                out.add(new ConcurrentHistory("sync" + hook + "-" + c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        hook, c));
            }
        }
        return List.copyOf(out);
    }

    /** The source paths every history starts with, unrooted. */
    static final List<String> PATHS = List.of("p", "q");
}
