package gcsim.check;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.kernel.ReplayStrategy;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioLoader;
import gcsim.search.Search;
import gcsim.search.SearchStrategy;
import gcsim.search.StrategyKind;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A search's runner reuses the list of choices of an execution that passed for the next one (see
 * {@link gcsim.kernel.Reuse#keep(gcsim.kernel.Kernel, boolean)}): the schedule of a failure,
 * which the search reports and replays, must survive the executions that follow it.
 */
class RunnerReusesChoicesTest {
    @Test
    void aFailuresScheduleStaysAsItWasWhileTheRunnerGoesOnAndStillReplaysTheFailure() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/hosts-drv.yaml"));
        Variant v = VariantLoader.load(Path.of("scenarios/variants.yaml")).stream()
                .filter(x -> x.id().equals("early-return")).findFirst().orElseThrow();
        Runner runner = new Runner(s, v, 100_000);
        SearchStrategy random = StrategyKind.RANDOM.create(1, 3);
        RunResult failure = null;
        for (long i = 0; i < 10_000 && failure == null; i++) {
            random.reseed(Search.seedOf(1, i));
            RunResult r = runner.runForSearch(random);
            if (r.failed()) {
                failure = r;
            }
        }
        assertThat(failure).as("hosts-drv under early-return fails within 10,000 random schedules").isNotNull();
        String choices = failure.schedule().encode();

        for (long i = 0; i < 200; i++) { // executions that pass and fail after it, reusing what they may
            random.reseed(Search.seedOf(7, i));
            runner.runForSearch(random);
        }

        assertThat(failure.schedule().encode()).isEqualTo(choices);
        RunResult replayed = runner.run(new ReplayStrategy(failure.schedule()), false);
        assertThat(replayed.failed()).isTrue();
        assertThat(replayed.failure().kind()).isEqualTo(failure.failure().kind());
    }
}
