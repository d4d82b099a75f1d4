package gcsim.scenario;

import java.util.List;

/**
 * One operation of a process; each runs the Nix function it names, so its steps interleave with
 * everyone else's. Paths and derivations are short names, links are file paths.
 */
public sealed interface Op {
    Pos pos();

    /** Store::writeDerivation (§2.1). */
    record WriteDerivation(String drv, Pos pos) implements Op {}

    /** addToStoreFromDump of a source (builtins.toFile, a path literal) (§2.4). */
    record AddToStore(String path, Pos pos) implements Op {}

    /** fetchToStore2, taking the cache branch when the source is in the user's fetcher cache (§2.11). */
    record FetchToStore(String path, Pos pos) implements Op {}

    /**
     * {@code builtins.path} without a filter: fetchToStore2 with no memo of its own at the baseline;
     * the process-wide memo serves it on master (§2.11 F1, S4).
     */
    record BuiltinsPath(String path, Pos pos) implements Op {}

    /**
     * {@code nix copy} to the store: copyPaths of the closure of {@code paths}, QueryValidPaths then
     * AddMultipleToStore of the missing ones (§2.3).
     */
    record CopyPaths(List<String> paths, Pos pos) implements Op {}

    /**
     * A remote build: the client copies the derivation's inputs, then sends BuildDerivation with the
     * derivation inline; the builder's operations run as in {@link Build}.
     */
    record BuildDerivation(String drv, List<Op> builder, Pos pos) implements Op {}

    /**
     * {@code import} of an existing .drv: isValidPath, then readDerivation. With {@code
     * tolerateCollected} a drv that the first isValidPath already finds invalid ends the import with
     * Nix's error and the process goes on: the scenario then fails only on the window between a check
     * that saw the drv valid and the read, the one #15795 closes; a drv collected before the import
     * began is the caller's missing root (#15798), not that window.
     */
    record ImportDerivation(String drv, boolean tolerateCollected, Pos pos) implements Op {
        public ImportDerivation(String drv, Pos pos) {
            this(drv, false, pos);
        }
    }

    /** isValidPath, which takes no root. */
    record IsValidPath(String path, Pos pos) implements Op {}

    /** Read a path's contents; fails as Nix does when it is gone. */
    record Use(String path, Pos pos) implements Op {}

    /** addTempRoot (§2.6). */
    record AddTempRoot(String path, Pos pos) implements Op {}

    /** addPermRoot: what --add-root and out-links do (§2.10). */
    record AddPermRoot(String path, String link, Pos pos) implements Op {}

    /**
     * BuildPaths of a derivation (§2.3); the builder's own operations (sleep, signal, wait,
     * set-free-space, use) run while the build holds its temp roots.
     */
    record Build(String drv, List<Op> builder, Pos pos) implements Op {
        public Build(String drv, Pos pos) {
            this(drv, List.of(), pos);
        }
    }

    /**
     * LocalStore::collectGarbage as nix-collect-garbage runs it (§2.7); the optional pauses hold the
     * collector at named points until events, as Nix's _NIX_TEST_GC_SYNC hooks do.
     */
    record CollectGarbage(long maxFreed, List<GcPause> pauses, Pos pos) implements Op {
        public CollectGarbage(long maxFreed, Pos pos) {
            this(maxFreed, List.of(), pos);
        }
    }

    /** Where a collector pauses (§2.7 G4, G9) and the event that releases it. */
    record GcPause(PausePoint at, String until) {}

    /** {@code after-lock}: G4, holding gc.lock before the socket exists; {@code after-roots}: G9. */
    enum PausePoint { AFTER_LOCK, AFTER_ROOTS }

    /** Lets processes waiting for the event go on, as a FIFO write in Nix's tests. */
    record Signal(String event, Pos pos) implements Op {}

    /** Blocks until the event is signalled (at once if it already was). */
    record Wait(String event, Pos pos) implements Op {}

    /** A bare symlink under gcroots with no temp root, as some scripts make. */
    record SymlinkRoot(String path, String link, Pos pos) implements Op {}

    /** Deletes a root link: a name under gcroots, or a link an indirect root points at. */
    record RemoveRoot(String link, Pos pos) implements Op {}

    /** The disk fills or empties. */
    record SetFreeSpace(long bytes, Pos pos) implements Op {}

    /** Virtual time passes. */
    record Sleep(long nanos, Pos pos) implements Op {}

    /** The daemon connection closes (its worker exits) and a new one opens. */
    record Reconnect(Pos pos) implements Op {}

    /**
     * Ctrl-C of another process, a daemon client: it ends at once, its connections close, and its
     * worker's {@code MonitorFdHup} sees the hang-up.
     */
    record Interrupt(String process, Pos pos) implements Op {}

    /** The process ends; its connections close. */
    record Exit(Pos pos) implements Op {}

    /** A loop. */
    record Repeat(int times, List<Op> ops, Pos pos) implements Op {}
}
