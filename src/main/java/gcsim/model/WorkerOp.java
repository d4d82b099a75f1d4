package gcsim.model;

/** Daemon protocol operations a client sends to its worker (§2.3). */
sealed interface WorkerOp {
    record IsValidPath(int path) implements WorkerOp {}

    record AddToStore(int path) implements WorkerOp {}

    record AddTempRoot(int path) implements WorkerOp {}

    record AddIndirectRoot(String link) implements WorkerOp {}

    record QueryPathInfo(int path) implements WorkerOp {}

    /** The paths of {@code paths} the store has; the answer is a BitSet, and no root is taken (§2.3). */
    record QueryValidPaths(int[] paths) implements WorkerOp {}

    /** A stream of NARs, each added by {@code LocalStore::addToStore(info)} in the given order (§2.4). */
    record AddMultipleToStore(int[] paths) implements WorkerOp {}

    /** BuildDerivation: the derivation travels inline as a BasicDerivation; its inputs are flattened. */
    record BuildDerivation(int drv, java.util.List<gcsim.scenario.Op> builder) implements WorkerOp {}

    record BuildPaths(int drv, java.util.List<gcsim.scenario.Op> builder) implements WorkerOp {}

    record CollectGarbage(long maxFreed, java.util.List<gcsim.scenario.Op.GcPause> pauses) implements WorkerOp {}

    /** The worker's answer: a value, or the error it raised. */
    record Reply(Object value, NixError error) {}
}
