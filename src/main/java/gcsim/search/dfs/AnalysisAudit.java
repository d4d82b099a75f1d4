package gcsim.search.dfs;

import java.util.List;

/**
 * Told of each execution the {@link Explorer}'s race analysis saw, with the step it analysed from:
 * for tests that analyse the same execution again another way (from its first step) and compare.
 */
interface AnalysisAudit {
    void analysed(StepLog log, List<Node> nodes, int from);
}
