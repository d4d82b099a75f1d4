package gcsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.TraceEvent;
import gcsim.report.Story;
import gcsim.scenario.Scenario;
import gcsim.search.RandomWalk;
import gcsim.scenario.ScenarioException;
import gcsim.scenario.ScenarioLoader;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * #15962's other trigger (docs/model.md §2.3, "Interrupts"): no Ctrl-C at all, only a client that
 * ends normally while the auto-GC its worker's build loop started still runs. With
 * {@code monitor-hangup} the worker's MonitorFdHup turns that hang-up into an interrupt, and a
 * GC-socket client thread that meets it aborts the worker unless it catches BaseError.
 */
class HangupMonitorTest {
    private static final String SCENARIO = "client-exit-during-auto-gc";
    private static final int SEEDS = 3000;

    private static Variant variant(String id) throws ScenarioException {
        return VariantLoader.load(Path.of("scenarios/variants.yaml")).stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow();
    }

    private static Scenario library() throws ScenarioException {
        return ScenarioLoader.load(Path.of("scenarios/" + SCENARIO + ".yaml"));
    }

    private static boolean says(RunResult r, String text) {
        return r.trace().stream().map(TraceEvent::text).anyMatch(t -> t.contains(text));
    }

    /** The first failing run of seeds 1, 2, …, traced; random walks, since the evaluation's start is chosen. */
    private static RunResult firstFailure(Runner runner) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunResult r = runner.run(new RandomWalk(seed), false);
            if (r.failed()) {
                return runner.run(new RandomWalk(seed), true);
            }
        }
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"early-return", "nix-2.8", "nix-2.34", "nix-master"})
    void aBuildClientThatExitsWhileItsWorkersAutoGcRunsAbortsTheWorker(String id) throws ScenarioException {
        RunResult crash = firstFailure(new Runner(library(), variant(id), 100_000));
        assertThat(crash).as("a failure within %d seeds", SEEDS).isNotNull();
        assertThat(crash.failure().kind()).isEqualTo("crash");
        assertThat(crash.failure().actor()).matches("worker-\\d+/gc-client-\\d+");
        assertThat(says(crash, "nix-build exits")).isTrue();
        assertThat(says(crash, "is interrupted (Ctrl-C)")).as("no interrupt op is involved").isFalse();
        assertThat(says(crash, "starts an auto-GC")).isTrue();
    }

    @Test
    void theCrashStoryTellsTheHangupAndTheSocketThreadNotTheTempRootsOfTheBuild() throws ScenarioException {
        RunResult crash = firstFailure(new Runner(library(), variant("nix-master"), 100_000));
        assertThat(crash).isNotNull();
        assertThat(Story.lines(crash))
                .anyMatch(l -> l.contains("nix-build exits"))
                .anyMatch(l -> l.contains("triggerInterrupt sets its interrupt flag"))
                .anyMatch(l -> l.contains("accepts worker-") && l.contains("connection to the GC socket"))
                .noneMatch(l -> l.contains(": temp-roots "))
                .last().asString().contains("error: Nix crashed (std::terminate)");
    }

    @Test
    void catchingBaseErrorLetsTheHungUpWorkersCollectionEndWithoutACrash() throws ScenarioException {
        Runner runner = new Runner(library(), variant("master-interrupt-fix"), 100_000);
        int threadEnded = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunResult r = runner.run(new RandomWalk(seed), true);
            assertThat(r.failed()).as("seed %d: %s", seed, r.failure()).isFalse();
            threadEnded += says(r, "the read is interrupted; the client thread ends and closes its connection") ? 1 : 0;
        }
        assertThat(threadEnded).as("runs where a socket thread met the interrupt and ended").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nix-2.8", "nix-master"})
    void onlyNix28sWorkerCanStopItsMonitorBeforeTheMonitorSeesTheHangup(String id) throws ScenarioException {
        Runner runner = new Runner(library(), variant(id), 100_000);
        int cancelled = 0;
        for (long seed = 1; seed <= 1000; seed++) {
            RunResult r = runner.run(new RandomWalk(seed), true);
            if (says(r, "~MonitorFdHup cancels")) {
                cancelled++;
                assertThat(says(r, "triggerInterrupt sets its interrupt flag")).as("seed %d", seed).isFalse();
                assertThat(r.failed()).as("seed %d: no flag, no crash", seed).isFalse();
            }
        }
        if (id.equals("nix-2.8")) {
            assertThat(cancelled).as("runs where pthread_cancel came first").isPositive();
        } else {
            assertThat(cancelled).as("the notification pipe always lets the monitor report the hang-up").isZero();
        }
    }

    /**
     * The cancel and the monitor's trigger race; the exhaustive search prunes schedules by footprints,
     * so unless the two steps look dependent it would explore only one of the orders.
     */
    @Test
    void theExhaustiveSearchExploresBothTheCancelAndTheTriggerUnder28(@TempDir Path dir) throws IOException, ScenarioException {
        Path file = Files.writeString(dir.resolve("one-client.yaml"), """
                description: a daemon client adds a source and exits; its worker watches for the hang-up
                store:
                  paths:
                    - {name: src, kind: source, size: 1K, present: false}
                processes:
                  - name: eval
                    monitor-hangup: true
                    ops: [{add-to-store: src}, exit]
                """);
        Runner runner = new Runner(ScenarioLoader.load(file), variant("nix-2.8"), 100_000, 3);
        int[] cancelled = {0};
        int[] triggered = {0};
        gcsim.check.Executor watching = (strategy, trace) -> {
            RunResult r = runner.run(strategy, true);
            cancelled[0] += says(r, "~MonitorFdHup cancels") ? 1 : 0;
            triggered[0] += says(r, "triggerInterrupt sets its interrupt flag") ? 1 : 0;
            return r;
        };
        gcsim.search.ExhaustiveResult dfs = new gcsim.search.DfsExhaustive(null).explore(watching, 10_000);
        assertThat(dfs.complete()).isTrue();
        assertThat(dfs.failure()).isNull();
        assertThat(cancelled[0]).as("executions where pthread_cancel came first").isPositive();
        assertThat(triggered[0]).as("executions where the monitor woke first").isPositive();
    }

    @Test
    void withoutMonitorHangupTheWorkerRunsNoMonitorAndNothingCrashes(@TempDir Path dir) throws IOException, ScenarioException {
        String text = Files.readString(Path.of("scenarios/" + SCENARIO + ".yaml"));
        assertThat(text).contains("    monitor-hangup: true\n");
        Path plain = Files.writeString(dir.resolve(SCENARIO + ".yaml"), text.replace("    monitor-hangup: true\n", ""));
        Runner runner = new Runner(ScenarioLoader.load(plain), variant("nix-master"), 100_000);
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunResult r = runner.run(new RandomWalk(seed), seed <= 200);
            assertThat(r.failed()).as("seed %d: %s", seed, r.failure()).isFalse();
            if (seed <= 200) {
                assertThat(r.trace()).noneMatch(e -> e.actor().contains("monitor-fd-hup"));
            }
        }
    }
}
