package gcsim.search;

import gcsim.check.Failure;
import gcsim.check.RunResult;
import gcsim.kernel.Outcome;
import gcsim.kernel.Schedule;
import gcsim.kernel.TraceEvent;
import java.util.List;

/** Builds RunResults for toy systems in one place, so a new RunResult component means one edit here. */
public final class Results {
    private static final RunResult.Coverage NO_COVERAGE = new RunResult.Coverage(0, 0, 0);

    private Results() {}

    public static RunResult of(Outcome outcome, Failure failure, Schedule schedule, List<TraceEvent> trace) {
        return new RunResult(outcome, failure, schedule, trace, NO_COVERAGE, List.of(), 0L);
    }

    /** {@code r} judged as failing with {@code failure}. */
    public static RunResult withFailure(RunResult r, Failure failure) {
        return new RunResult(r.outcome(), failure, r.schedule(), r.trace(), r.coverage(), r.validAtEnd(), r.terminalState());
    }
}
