package gcsim.search.dfs;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.ReplayStrategy;
import gcsim.kernel.Schedule;
import gcsim.variant.Variant;
import org.junit.jupiter.api.Test;

/** The search on the Nix model: the hosts.drv race of PR #15158, found for certain and replayable. */
class DfsOnTheNixModelTest {
    private static Variant variant(String id) {
        return NixScenarios.variants().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theSearchFindsTheHostsDrvRaceUnderTheEarlyReturnAndItsScheduleReplaysToTheSameFailure() {
        Runner runner = new Runner(NixScenarios.hostsDrv(), variant("early-return"), 300);

        DfsResult result = new Dfs().explore(runner, DfsOptions.defaults());

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        RunResult failing = result.failure();
        assertThat(failing.failure().kind()).isEqualTo("invalid-path");
        assertThat(failing.failure().message()).matches("path '/nix/store/[0-9a-z]{32}-hosts\\.drv' is not valid");
        assertThat(failing.trace()).as("the failure comes with its trace").isNotEmpty();

        String choices = failing.schedule().encode();
        ReplayStrategy replay = new ReplayStrategy(Schedule.decode(choices));
        RunResult replayed = runner.run(replay, true);
        assertThat(replayed.failure()).isEqualTo(failing.failure());
        assertThat(replayed.trace()).isEqualTo(failing.trace());
        assertThat(replay.exhausted()).isTrue();
    }

    @Test
    void theSearchProvesHostsDrvSafeWithoutTheEarlyReturnWithinTheStepBound() {
        Runner runner = new Runner(NixScenarios.hostsDrv(), variant("no-early-return"), 300);

        DfsResult result = new Dfs().explore(runner, DfsOptions.defaults());

        assertThat(result.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(result.complete()).isTrue();
        assertThat(result.cut()).isZero();
        assertThat(result.failure()).isNull();
        assertThat(result.failureIndex()).isEqualTo(-1);
        assertThat(result.pruned()).isPositive();
    }
}
