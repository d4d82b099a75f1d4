package gcsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * How a transfer names a worker's read ({@link WorkerOp#meaning}): by the op's kind and what it is
 * about, so that a variant sending one op more does not shift the recording's later reads.
 */
class WorkerOpMeaningTest {
    @Test
    void everyKindOfOpAndEndOfFileHaveDifferentMeaningsForTheSamePath() {
        List<WorkerOp> ops = List.of(new WorkerOp.IsValidPath(3), new WorkerOp.AddToStore(3), new WorkerOp.AddTempRoot(3),
                new WorkerOp.AddIndirectRoot("/home/user/result"), new WorkerOp.QueryPathInfo(3),
                new WorkerOp.QueryValidPaths(new int[] {3}), new WorkerOp.AddMultipleToStore(new int[] {3}),
                new WorkerOp.BuildDerivation(3, List.of()), new WorkerOp.BuildPaths(3, List.of()),
                new WorkerOp.CollectGarbage(0, List.of()));
        TreeSet<Integer> meanings = new TreeSet<>();
        for (WorkerOp op : ops) {
            meanings.add(WorkerOp.meaning(op));
        }
        meanings.add(WorkerOp.END_OF_FILE);

        assertThat(meanings).hasSize(ops.size() + 1).allMatch(m -> m >= 0);
    }

    @Test
    void theSameOpMeansTheSameAndAnotherPathSomethingElse() {
        assertThat(WorkerOp.meaning(new WorkerOp.AddTempRoot(5))).isEqualTo(WorkerOp.meaning(new WorkerOp.AddTempRoot(5)))
                .isNotEqualTo(WorkerOp.meaning(new WorkerOp.AddTempRoot(6)));
        assertThat(WorkerOp.meaning(new WorkerOp.QueryValidPaths(new int[] {1, 2})))
                .isEqualTo(WorkerOp.meaning(new WorkerOp.QueryValidPaths(new int[] {1, 2})));
    }
}
