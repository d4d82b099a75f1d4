package gcsim.variant;

/** Where fetchToStore2's in-process source memo (§2.11 F1) lives and what fills it (S4). */
public enum SrcMemo {
    /** Baseline: one memo per evaluator state, for path literals only, filled after F3 (and F2 misses). */
    PER_EVAL_STATE("per-eval-state"),
    /**
     * Master (#16021, #16190): one memo per process inside fetchToStore2, for every unfiltered caller,
     * filled by F3 and by F2 cache hits too. A hit still takes no temp root.
     */
    PROCESS("process");

    private final String key;

    SrcMemo(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
