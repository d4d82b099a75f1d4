package gcsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.ReplayStrategy;
import gcsim.kernel.Schedule;
import gcsim.kernel.TraceEvent;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioException;
import gcsim.scenario.ScenarioLoader;
import gcsim.search.RandomWalk;
import gcsim.search.dfs.Dfs;
import gcsim.search.dfs.DfsOptions;
import gcsim.search.dfs.DfsResult;
import gcsim.search.dfs.FootprintAudit;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the search chooses: every strategy's start falls in its window, time waits at the window's
 * end for it, the exhaustive search explores several starts, and a schedule replays its start exactly.
 */
class ChosenStartTest {
    private static final long MS = 1_000_000L;
    private static final String STORE = """
            description: a writer that sleeps, and a reader whose start the search chooses
            store:
              paths:
                - {name: src, kind: source, size: 1K, present: false}
            processes:
              - name: writer
                via-daemon: false
                ops: [{add-to-store: src}, {sleep: 10s}, {is-valid-path: src}]
            """;

    @TempDir
    Path dir;

    private Runner runner(String late, int starvation) throws IOException, ScenarioException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, STORE + late);
        Scenario s = ScenarioLoader.load(f);
        Variant v = VariantLoader.load(Path.of("scenarios/variants.yaml")).get(0);
        return starvation < 0 ? new Runner(s, v, 10_000) : new Runner(s, v, 10_000, starvation);
    }

    private static final String WINDOW = """
              - name: late
                via-daemon: false
                start: {after: 1ms, within: 2s}
                ops: [{is-valid-path: src}]
            """;

    /** The virtual time at which {@code late} started in a traced run. */
    private static long startOf(RunResult traced) {
        for (TraceEvent e : traced.trace()) {
            if (e.actor().equals("late") && e.text().startsWith("late starts at ")) {
                return e.time();
            }
        }
        throw new AssertionError("late never started: " + traced.outcome());
    }

    @Test
    void aRandomWalksStartsFallInTheWindowAndTimeWaitsAtItsEnd() throws Exception {
        Runner runner = runner(WINDOW, -1);
        TreeSet<Long> starts = new TreeSet<>();
        RandomWalk walk = new RandomWalk(1);
        for (long seed = 0; seed < 300; seed++) {
            walk.reseed(seed);
            starts.add(startOf(runner.run(walk, true)));
        }
        assertThat(starts.first()).isGreaterThanOrEqualTo(MS);
        assertThat(starts.last()).isLessThanOrEqualTo(2_001 * MS);
        // the writer's only timer is at 10s: a start after 1ms that did not come at once came at the window's end
        assertThat(starts).contains(MS, 2_001 * MS);
    }

    @Test
    void theExhaustiveSearchExploresStartingNowAndStartingLater() throws Exception {
        Runner runner = runner(WINDOW, 3);
        List<Schedule> schedules = new ArrayList<>();
        DfsResult r = new Dfs().explore(runner, DfsOptions.defaults(), run -> schedules.add(run.schedule()));
        assertThat(r.complete()).as(r.summary()).isTrue();
        TreeSet<Long> starts = new TreeSet<>();
        for (Schedule s : schedules) {
            starts.add(startOf(runner.run(new ReplayStrategy(s), true)));
        }
        assertThat(starts).contains(MS, 2_001 * MS);
        assertThat(starts.last()).isLessThanOrEqualTo(2_001 * MS);
    }

    @Test
    void aWindowAfterAnExitClosesItsLengthAfterThatExit() throws Exception {
        Runner runner = runner("""
                  - name: late
                    via-daemon: false
                    start: {after: writer, within: 3s}
                    ops: [{is-valid-path: src}]
                """, -1);
        RandomWalk walk = new RandomWalk(1);
        TreeSet<Long> starts = new TreeSet<>();
        for (long seed = 0; seed < 100; seed++) {
            walk.reseed(seed);
            starts.add(startOf(runner.run(walk, true)));
        }
        // the writer exits at 10s, after its sleep; nothing else waits on time, so 10s and 13s are the two starts
        assertThat(starts).containsExactly(10_000 * MS, 13_000 * MS);
    }

    @Test
    void aStartAtAnyPointCanComeAfterEveryOtherProcessHasEnded() throws Exception {
        Runner runner = runner("""
                  - name: late
                    via-daemon: false
                    start: any
                    ops: [{is-valid-path: src}]
                """, -1);
        RandomWalk walk = new RandomWalk(1);
        TreeSet<Long> starts = new TreeSet<>();
        for (long seed = 0; seed < 300; seed++) {
            walk.reseed(seed);
            starts.add(startOf(runner.run(walk, true)));
        }
        assertThat(starts).contains(0L, 10_000 * MS);
    }

    @Test
    void aScheduleWithAChosenStartReplaysToTheSameTrace() throws Exception {
        Runner runner = runner(WINDOW, -1);
        RandomWalk walk = new RandomWalk(1);
        for (long seed = 0; seed < 20; seed++) {
            walk.reseed(seed);
            RunResult first = runner.run(walk, true);
            RunResult again = runner.run(new ReplayStrategy(first.schedule()), true);
            assertThat(again.trace()).isEqualTo(first.trace());
            assertThat(again.schedule().encode()).isEqualTo(first.schedule().encode());
        }
    }

    @Test
    void theFootprintsAroundAChosenStartHideNothingTheReductionReliesOn() throws Exception {
        Runner window = runner(WINDOW, -1);
        Runner any = runner(WINDOW.replace("start: {after: 1ms, within: 2s}", "start: any"), -1);
        RandomWalk walk = new RandomWalk(1);
        for (long seed = 0; seed < 50; seed++) {
            for (Runner r : List.of(window, any)) {
                walk.reseed(seed);
                Schedule s = r.run(walk, false).schedule();
                assertThat(FootprintAudit.audit(r, s, 5)).as("seed %d: %s", seed, s).isEmpty();
            }
        }
    }
}
