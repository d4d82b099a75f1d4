package gcsim.model;

/** Daemon protocol operations a client sends to its worker (§2.3). */
sealed interface WorkerOp {
    record IsValidPath(int path) implements WorkerOp {}

    record AddToStore(int path) implements WorkerOp {}

    record AddTempRoot(int path) implements WorkerOp {}

    record AddIndirectRoot(String link) implements WorkerOp {}

    record QueryPathInfo(int path) implements WorkerOp {}

    record BuildPaths(int drv, java.util.List<gcsim.scenario.Op> builder) implements WorkerOp {}

    record CollectGarbage(long maxFreed, java.util.List<gcsim.scenario.Op.GcPause> pauses) implements WorkerOp {}

    /** The worker's answer: a value, or the error it raised. */
    record Reply(Object value, NixError error) {}
}
