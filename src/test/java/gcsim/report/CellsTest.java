package gcsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.Failure;
import gcsim.check.RunResult;
import gcsim.kernel.Outcome;
import gcsim.kernel.Schedule;
import gcsim.kernel.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellsTest {
    private static TraceEvent note(String actor, String text) {
        return new TraceEvent(1, 0, actor, text, false);
    }

    private static TraceEvent story(String actor, String text) {
        return new TraceEvent(1, 0, actor, text, true);
    }

    private static RunResult run(List<TraceEvent> trace, Failure f) {
        return new RunResult(new Outcome(Outcome.End.STOPPED, 10, 0, List.of(), "x"), f, new Schedule(), trace,
                new RunResult.Coverage(0, 0, 0), List.of(), 0);
    }

    @Test
    void theStoryStepsReadExactlyAsStoryPrintsThem() {
        Failure f = new Failure("invalid-path", "check", "/nix/store/abc-hosts.drv", "path is not valid", "Y", 9);
        RunResult r = run(List.of(story("X", "writes hosts.drv"), story("worker-1", "deletes hosts.drv: gone"),
                story("Y", "reads hosts.drv")), f);

        List<Counterexample.StoryStep> steps = Cells.story(r);

        assertThat(steps.stream().map(Counterexample.StoryStep::line).toList()).isEqualTo(Story.lines(r));
        assertThat(steps.get(1).text()).isEqualTo("deletes hosts.drv: gone");
        assertThat(steps.get(steps.size() - 1).failing()).isTrue();
        assertThat(steps.subList(0, steps.size() - 1)).noneMatch(Counterexample.StoryStep::failing);
    }

    @Test
    void aClientAndTheWorkerForkedForItsConnectionTalkButAnotherClientDoesNot() {
        Failure f = new Failure("invalid-path", "check", "/nix/store/abc-a.drv", "path '/nix/store/abc-a.drv' is not valid", "Y", 9);
        RunResult r = run(List.of(
                note("X", "connects to the daemon  [RemoteStore §2.2]"),
                note("Y", "connects to the daemon  [RemoteStore §2.2]"),
                note("nix-daemon", "accepts a connection and forks worker-1 (pid 1003)  [daemon §2.3]"),
                note("nix-daemon", "accepts a connection and forks worker-2 (pid 1004)  [daemon §2.3]"),
                story("X", "writeDerivation(a.drv) sends it"),
                story("worker-1", "temp-roots a.drv"),
                story("Y", "writeDerivation(a.drv) returns early"),
                story("worker-2", "starts an auto-GC for a.drv"),
                story("worker-2/auto-gc", "collector takes gc.lock; a.drv"),
                story("worker-2/auto-gc", "deletes a.drv"),
                story("worker-1", "worker-1 exits; a.drv unprotected")), f);

        List<Counterexample.StoryStep> steps = Cells.story(r);

        assertThat(steps.stream().map(Counterexample.StoryStep::from).toList()).containsExactly(
                null, "X", null, "Y", "worker-2", null, null, null);
        assertThat(Cells.clients(r.trace())).containsEntry("worker-1", "X").containsEntry("worker-2", "Y");
    }

    @Test
    void aTempRootReachesTheCollectorThatRunsNext() {
        Failure f = new Failure("invalid-path", "check", "/nix/store/abc-a.drv", "path '/nix/store/abc-a.drv' is not valid", "Y", 9);
        RunResult r = run(List.of(
                story("worker-1", "temp-roots a.drv"),
                story("gc", "collector takes gc.lock; reads a.drv"),
                story("gc", "deletes a.drv")), f);

        assertThat(Cells.story(r).get(1).from()).isEqualTo("worker-1");
    }
}
