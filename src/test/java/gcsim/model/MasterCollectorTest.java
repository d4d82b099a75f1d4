package gcsim.model;

import static gcsim.model.ScenarioBuilder.*;
import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.TraceEvent;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioException;
import gcsim.scenario.ScenarioLoader;
import gcsim.variant.AutoGcThread;
import gcsim.variant.GcRootOrder;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The collector as on Nix master: the deletion loop's temp-root re-check (§2.7 B9.2a–d), the
 * scheduling points inside G7, and the temp-roots-first order, each shown on seeded schedules.
 */
class MasterCollectorTest {
    private static final int SEEDS = 4_000;

    private static Variant variant(String id) throws ScenarioException {
        return VariantLoader.load(Path.of("scenarios/variants.yaml")).stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow();
    }

    /** dep ← lib ← app, all unrooted garbage; a client roots lib through the daemon while a collector runs. */
    private static Scenario lateRootOnLib() {
        return new ScenarioBuilder()
                .source("dep", 1L << 20, true)
                .source("lib", 1L << 20, true, "dep")
                .source("app", 1L << 20, true, "lib")
                .process("client", true, at(0), tempRoot("lib"))
                .process("gc", false, at(0), gc())
                .build();
    }

    private static List<String> texts(RunResult r) {
        return r.trace().stream().map(TraceEvent::text).toList();
    }

    /** The index of the first trace line that contains {@code s}, or -1. */
    private static int indexOf(List<String> trace, String s) {
        for (int i = 0; i < trace.size(); i++) {
            if (trace.get(i).contains(s)) {
                return i;
            }
        }
        return -1;
    }

    /** Every traced run among the first {@link #SEEDS} seeds whose trace satisfies {@code wanted}. */
    private static List<RunResult> runsWhere(Scenario s, Variant v, Predicate<List<String>> wanted) {
        Runner runner = new Runner(s, v, 100_000);
        List<RunResult> out = new java.util.ArrayList<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            RunResult r = runner.run(new Seeds(seed), true);
            if (wanted.test(texts(r))) {
                out.add(r);
            }
        }
        return out;
    }

    private static final String KEPT_LATE = "not deleting lib because it became a temporary root after initial scan";

    @Test
    void aCollectorThatRechecksTempRootsKeepsALateRootAndMarksItsClosureAlive() throws ScenarioException {
        List<RunResult> kept = runsWhere(lateRootOnLib(), variant("nix-master"), t -> indexOf(t, KEPT_LATE) >= 0);

        assertThat(kept).isNotEmpty();
        for (RunResult r : kept) {
            assertThat(r.failure()).isNull();
            assertThat(r.validAtEnd()).contains("lib", "dep").doesNotContain("app");
        }
        // dep is unrooted and not a temp root: when its own closure comes after lib's, only markAlive(lib)
        // keeps it, without an attempt to delete it (no PathInUse, no "BUG" line)
        assertThat(kept).anyMatch(r -> indexOf(texts(r), "BUG:") < 0);
    }

    @Test
    void withTheRecheckPendingIsHeldOnAPathWhileItIsInvalidatedAndDeletedSoAnAckForItWaits() throws ScenarioException {
        List<RunResult> waited = runsWhere(lateRootOnLib(), variant("nix-master"), t -> {
            int movedOn = indexOf(t, "visits app; pending := app");
            int waits = indexOf(t, "lib is being deleted; the ack waits");
            int deleted = indexOf(t, "deletes lib (");
            int reset = indexOf(t, "resets pending after lib");
            int acked = indexOf(t, "acknowledges lib");
            return movedOn >= 0 && movedOn < waits && waits < deleted && deleted < reset && reset < acked;
        });

        assertThat(waited).isNotEmpty(); // the breadth-first visit had moved pending on to app, yet the ack waited
        for (RunResult r : waited) {
            assertThat(r.validAtEnd()).doesNotContain("lib"); // the client learns of the root only after lib is gone
        }
    }

    @Test
    void withoutTheRecheckAnAckForAPathVisitedBeforeItsReferrerComesAtOnceAndThePathIsDeleted() throws ScenarioException {
        List<RunResult> lost = runsWhere(lateRootOnLib(), variant("drv-only"), t -> {
            int movedOn = indexOf(t, "visits app; pending := app");
            int acked = indexOf(t, "acknowledges lib");
            int deleted = Math.max(indexOf(t, "deletes lib ("), indexOf(t, "deletes lib although")); // the story names the late root
            return movedOn >= 0 && movedOn < acked && acked < deleted;
        });

        assertThat(lost).isNotEmpty();
    }

    @Test
    void aLateRootOnAReferrerKeepsItAndItsReferenceFailsWithTheBugLogAndSurvives() throws ScenarioException {
        String bug = "BUG: cannot delete path '" + "/nix/store/";
        List<RunResult> r1 = runsWhere(lateRootOnLib(), variant("nix-master"), t -> {
            int kept = indexOf(t, KEPT_LATE);
            int bugLine = indexOf(t, bug);
            return kept >= 0 && kept < bugLine && t.get(bugLine).matches(".*-dep' because it is in use by '.*-lib'.*");
        });

        assertThat(r1).isNotEmpty();
        for (RunResult r : r1) {
            assertThat(r.failure()).isNull();
            assertThat(r.validAtEnd()).contains("lib", "dep");
        }
    }

    @Test
    void theNewPointsInG7LetAProcessMakeItsRootPermanentAndExitBetweenG7AndG8() throws ScenarioException {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/perm-root-after-root-scan.yaml"));
        List<RunResult> lost = runsWhere(s, variant("nix-master"), t -> indexOf(t, "deletes hello.drv") >= 0);

        assertThat(lost).isNotEmpty();
        for (RunResult r : lost) {
            List<String> t = texts(r);
            assertThat(r.failure().kind()).isEqualTo("expectation");
            assertThat(indexOf(t, "collector takes gc.lock")).isLessThan(indexOf(t, "walks gcroots"));
            assertThat(indexOf(t, "walks gcroots")).isLessThan(indexOf(t, "adds indirect root gcroots/auto → /home/user/hello-drv"));
            assertThat(indexOf(t, "worker-1 exits")).isLessThan(indexOf(t, "deletes hello.drv"));
            assertThat(indexOf(t, "reads temproots/")).isNegative(); // G8 never read the worker's file
        }
        // the process made the root permanent and exited inside G7, between the gcroots walk and the
        // runtime-roots step that ends it
        assertThat(lost).anyMatch(r -> {
            List<String> t = texts(r);
            int walked = indexOf(t, "walks gcroots");
            int exited = indexOf(t, "nix-instantiate exits");
            return walked < indexOf(t, "adds indirect root") && walked < exited
                    && exited < indexOf(t, "runtime roots are not modelled");
        });
    }

    @Test
    void readingTempRootsFirstClosesThePermRootAfterRootScanWindow() throws ScenarioException {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/perm-root-after-root-scan.yaml"));
        Variant first = variant("master-temp-roots-first");
        assertThat(first.switches().gcRootOrder()).isEqualTo(GcRootOrder.TEMP_ROOTS_FIRST);
        Runner master = new Runner(s, variant("nix-master"), 100_000);
        Runner fixed = new Runner(s, first, 100_000);
        int masterFailures = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            if (master.run(new Seeds(seed), false).failed()) {
                masterFailures++;
            }
            assertThat(fixed.run(new Seeds(seed), false).failure()).as("seed %d", seed).isNull();
        }
        assertThat(masterFailures).isPositive();
    }

    @Test
    void aJoinedAutoGcThreadEndsBeforeItsWorkerReleasesItsTempRoots() throws ScenarioException {
        List<RunResult> ran = runsWhere(hostsDrv(), variant("nix-master"), t -> indexOf(t, "the auto-GC thread ends") >= 0);

        assertThat(ran).isNotEmpty();
        for (RunResult r : ran) {
            List<String> t = texts(r);
            for (String worker : List.of("worker-1", "worker-2")) {
                int started = -1;
                int ended = -1;
                int exited = -1;
                for (int i = 0; i < r.trace().size(); i++) {
                    TraceEvent e = r.trace().get(i);
                    if (e.actor().equals(worker) && e.text().contains("starts an auto-GC")) {
                        started = i;
                    } else if (e.actor().equals(worker + "/auto-gc") && e.text().contains("the auto-GC thread ends")) {
                        ended = i;
                    } else if (e.actor().equals(worker) && e.text().contains(worker + " exits")) {
                        exited = i;
                    }
                }
                if (started >= 0 && exited >= 0) {
                    assertThat(ended).as("%s in %s", worker, t).isBetween(started, exited);
                }
            }
        }
    }

    @Test
    void theVariantsThatPredateMasterKeepTheBaselineValuesOfTheMasterSwitches() throws ScenarioException {
        for (Variant v : VariantLoader.load(Path.of("scenarios/variants.yaml"))) {
            if (v.id().equals("nix-master") || v.id().startsWith("master-")) {
                continue;
            }
            assertThat(v.switches().gcDeleteRecheck()).as(v.id()).isFalse();
            assertThat(v.switches().addRecheckUncached()).as(v.id()).isFalse();
            assertThat(v.switches().autoGcThread()).as(v.id()).isEqualTo(AutoGcThread.DETACHED);
            assertThat(v.switches().gcRootOrder()).as(v.id()).isEqualTo(GcRootOrder.ROOTS_FIRST);
        }
    }
}
