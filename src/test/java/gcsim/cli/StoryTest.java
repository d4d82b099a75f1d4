package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.Failure;
import gcsim.check.RunResult;
import gcsim.kernel.Outcome;
import gcsim.kernel.Schedule;
import gcsim.kernel.TraceEvent;
import gcsim.report.Story;
import gcsim.report.TracePrinter;
import gcsim.search.Results;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryTest {
    private static final List<TraceEvent> TRACE = List.of(
            new TraceEvent(1, 0, "eval-X", "writeDerivation(hosts.drv): adds it", true),
            new TraceEvent(1, 0, "eval-X", "a detail", false),
            new TraceEvent(12, 0, "clock", "time advances to 100ms", false),
            new TraceEvent(13, 100_000_000L, "gc", "deletes hosts.drv", true));

    private static RunResult result(Failure f) {
        return Results.of(new Outcome(Outcome.End.STOPPED, 14, 100_000_000L, List.of(), "failure"), f, new Schedule(), TRACE);
    }

    @Test
    void theStoryNumbersOnlyTheStoryEventsAndEndsWithTheError() {
        Failure f = new Failure("invalid-path", "registerValidPaths", "/nix/store/x-hosts.drv",
                "path '/nix/store/x-hosts.drv' is not valid", "eval-Y", 14);
        assertThat(Story.lines(result(f))).containsExactly(
                "1. eval-X: writeDerivation(hosts.drv): adds it",
                "2. gc: deletes hosts.drv",
                "3. eval-Y: error: path '/nix/store/x-hosts.drv' is not valid");
    }

    @Test
    void anErrorTheModelAlreadyToldIsNotRepeated() {
        Failure f = new Failure("invariant", "c", null, "deletes hosts.drv", "gc", 14);
        List<TraceEvent> trace = List.of(new TraceEvent(13, 0, "gc", "error: deletes hosts.drv", true));
        RunResult r = Results.of(new Outcome(Outcome.End.STOPPED, 14, 0, List.of(), "failure"), f, new Schedule(), trace);
        assertThat(Story.lines(r)).containsExactly("1. gc: error: deletes hosts.drv");
    }

    @Test
    void withoutAFailureTheStoryHasNoErrorLine() {
        assertThat(Story.lines(result(null))).hasSize(2);
    }

    @Test
    void theTracePrintsEveryEventInAlignedColumnsWithVirtualTime() {
        assertThat(TracePrinter.lines(TRACE)).containsExactly(
                "#1   0s     eval-X  writeDerivation(hosts.drv): adds it",
                "#1   0s     eval-X  a detail",
                "#12  0s     clock   time advances to 100ms",
                "#13  100ms  gc      deletes hosts.drv");
    }
}
