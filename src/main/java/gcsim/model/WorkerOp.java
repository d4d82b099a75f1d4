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

    /** {@link #meaning} of the read that finds end-of-file. */
    int END_OF_FILE = 15 << 20;

    /**
     * What reading {@code op} is about, as a transfer names a worker's read (the subject of its
     * point): the op's kind in the high bits and its path (or a hash of its link or paths) in the low
     * twenty, the same under every variant that sends it. Why: a worker's reads are all one point of
     * its loop, so without it a variant that sends one op more shifts every later read of the
     * recording onto the wrong op, and its end-of-file onto none.
     */
    static int meaning(WorkerOp op) {
        if (op instanceof IsValidPath o) {
            return code(0, o.path());
        } else if (op instanceof AddToStore o) {
            return code(1, o.path());
        } else if (op instanceof AddTempRoot o) {
            return code(2, o.path());
        } else if (op instanceof AddIndirectRoot o) {
            return code(3, o.link().hashCode());
        } else if (op instanceof QueryPathInfo o) {
            return code(4, o.path());
        } else if (op instanceof QueryValidPaths o) {
            return code(5, java.util.Arrays.hashCode(o.paths()));
        } else if (op instanceof AddMultipleToStore o) {
            return code(6, java.util.Arrays.hashCode(o.paths()));
        } else if (op instanceof BuildDerivation o) {
            return code(7, o.drv());
        } else if (op instanceof BuildPaths o) {
            return code(8, o.drv());
        }
        return code(9, 0); // CollectGarbage
    }

    private static int code(int kind, int datum) {
        return (kind << 20) | (datum & 0xFFFFF);
    }
}
