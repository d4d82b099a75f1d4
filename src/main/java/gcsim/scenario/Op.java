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

    /** isValidPath, which takes no root. */
    record IsValidPath(String path, Pos pos) implements Op {}

    /** Read a path's contents; fails as Nix does when it is gone. */
    record Use(String path, Pos pos) implements Op {}

    /** addTempRoot (§2.6). */
    record AddTempRoot(String path, Pos pos) implements Op {}

    /** addPermRoot: what --add-root and out-links do (§2.10). */
    record AddPermRoot(String path, String link, Pos pos) implements Op {}

    /** BuildPaths of a derivation (§2.3). */
    record Build(String drv, Pos pos) implements Op {}

    /** LocalStore::collectGarbage as nix-collect-garbage runs it (§2.7). */
    record CollectGarbage(long maxFreed, Pos pos) implements Op {}

    /** The disk fills or empties. */
    record SetFreeSpace(long bytes, Pos pos) implements Op {}

    /** Virtual time passes. */
    record Sleep(long nanos, Pos pos) implements Op {}

    /** The daemon connection closes (its worker exits) and a new one opens. */
    record Reconnect(Pos pos) implements Op {}

    /** The process ends; its connections close. */
    record Exit(Pos pos) implements Op {}

    /** A loop. */
    record Repeat(int times, List<Op> ops, Pos pos) implements Op {}
}
