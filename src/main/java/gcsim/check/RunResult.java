package gcsim.check;

import gcsim.kernel.Outcome;
import gcsim.kernel.Schedule;
import gcsim.kernel.TraceEvent;
import gcsim.model.WorldState;
import java.util.List;

/**
 * The judged result of one execution.
 *
 * @param outcome how the kernel's run loop ended
 * @param failure the first failure seen, or null
 * @param schedule every choice made, enough to replay it
 * @param trace every step's events when tracing was on, else empty
 * @param coverage what the execution exercised, so that a pass is not empty
 * @param validAtEnd short names of the paths valid when the execution ended, when tracing was on, else empty
 * @param terminalState a digest of the final state (store, roots, failure), for counting distinct outcomes; 0 from
 *     {@link Executor#runForSearch}, whose searches do not count them
 * @param states when tracing: the state after each step that told part of the story, in step order; else empty
 */
public record RunResult(Outcome outcome, Failure failure, Schedule schedule, List<TraceEvent> trace, Coverage coverage,
                        List<String> validAtEnd, long terminalState, List<WorldState> states) {

    /** A result without state snapshots. */
    public RunResult(Outcome outcome, Failure failure, Schedule schedule, List<TraceEvent> trace, Coverage coverage,
                     List<String> validAtEnd, long terminalState) {
        this(outcome, failure, schedule, trace, coverage, validAtEnd, terminalState, List.of());
    }

    public boolean failed() {
        return failure != null;
    }

    public boolean cut() {
        return outcome.end() == Outcome.End.CUT;
    }

    /**
     * @param gcRuns collector runs that started
     * @param gcDuringClientOps runs that took gc.lock while some client operation was in flight
     * @param pathsDeleted store paths the collectors deleted
     */
    public record Coverage(int gcRuns, int gcDuringClientOps, int pathsDeleted) {}
}
