package gcsim.model;

import static gcsim.model.ScenarioBuilder.at;
import static gcsim.model.ScenarioBuilder.build;
import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.TraceEvent;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioException;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import gcsim.variant.WorkerExit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code worker-exit} switch (§2.3 "Worker lifecycle"): a 2.34 worker exits without {@code
 * ~LocalStore}, so it neither waits for its own auto-GC nor unlinks its temproots file, while every
 * other variant keeps the destructor. Shown on seeded schedules of a build through the daemon below min-free.
 */
class WorkerExitTest {
    private static final int SEEDS = 400;

    private static Variant variant(String id) throws ScenarioException {
        return VariantLoader.load(Path.of("scenarios/variants.yaml")).stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow();
    }

    /** A client builds a rooted lib.drv through the daemon with the disk below min-free: BuildPaths starts an auto-GC and does not wait for it. */
    private static Scenario buildBelowMinFree() {
        return new ScenarioBuilder()
                .source("nixpkgs", 100L << 20, true)
                .source("old-garbage", 50L << 20, true)
                .gcroot("nixpkgs", "nixpkgs")
                .drv("lib.drv", List.of(), List.of("nixpkgs"), "lib", true)
                .gcroot("lib.drv", "lib.drv")
                .autoGc(1L << 30, 2L << 30, 512L << 20)
                .process("X", true, at(0), build("lib.drv"))
                .build();
    }

    /** For each of the first seeds: did some worker exit while the auto-GC it started had not finished? */
    private static int runsWhereAWorkerExitsDuringItsOwnAutoGc(Scenario s, Variant v, List<String> exitStories) {
        Runner runner = new Runner(s, v, 100_000);
        int count = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunResult r = runner.run(new Seeds(seed), true);
            for (String worker : List.of("worker-1", "worker-2")) {
                boolean running = false;
                for (TraceEvent e : r.trace()) {
                    if (e.actor().equals(worker) && e.text().contains("starts an auto-GC")) {
                        running = true;
                    } else if (e.actor().equals(worker + "/auto-gc") && e.text().contains("auto-GC finished")) {
                        running = false;
                    } else if (e.actor().equals(worker) && e.text().contains(worker + " exits")) {
                        exitStories.add(e.text());
                        if (running) {
                            count++;
                        }
                    }
                }
            }
        }
        return count;
    }

    @Test
    void aTwoThirtyFourWorkerCanExitWhileItsOwnAutoGcStillRuns() throws ScenarioException {
        List<String> stories = new java.util.ArrayList<>();
        int early = runsWhereAWorkerExitsDuringItsOwnAutoGc(buildBelowMinFree(), variant("nix-2.34"), stories);

        assertThat(early).isPositive();
        assertThat(stories).isNotEmpty().allMatch(t -> t.contains("exits without ~LocalStore"));
    }

    @Test
    void aWorkerWithItsDestructorNeverExitsBeforeItsOwnAutoGcFinished() throws ScenarioException {
        List<String> stories = new java.util.ArrayList<>();
        int early = runsWhereAWorkerExitsDuringItsOwnAutoGc(buildBelowMinFree(), variant("drv-and-fetch"), stories);

        assertThat(early).isZero();
        assertThat(stories).isNotEmpty().noneMatch(t -> t.contains("without ~LocalStore"));
    }

    @Test
    void onlyTheTwoThirtyFourVariantLeavesOutTheDestructor() throws ScenarioException {
        for (Variant v : VariantLoader.load(Path.of("scenarios/variants.yaml"))) {
            assertThat(v.switches().workerExit()).as(v.id())
                    .isEqualTo(v.id().equals("nix-2.34") ? WorkerExit.NO_DESTRUCTOR : WorkerExit.DESTRUCTOR);
        }
    }
}
