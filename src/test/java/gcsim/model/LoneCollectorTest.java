package gcsim.model;

import static gcsim.model.ScenarioBuilder.after;
import static gcsim.model.ScenarioBuilder.at;
import static gcsim.model.ScenarioBuilder.await;
import static gcsim.model.ScenarioBuilder.gc;
import static gcsim.model.ScenarioBuilder.signal;
import static gcsim.model.ScenarioBuilder.tempRoot;
import static org.assertj.core.api.Assertions.assertThat;

import gcsim.kernel.TraceEvent;
import gcsim.scenario.Op;
import gcsim.scenario.Scenario;
import gcsim.variant.PathInUse;
import gcsim.variant.Switches;
import gcsim.variant.TempRootClient;
import gcsim.variant.WriteDerivationMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@code collectGarbage} with no client racing it, in every order its readdir may return: it deletes
 * exactly the paths no root keeps (with keep-derivations and keep-outputs as set), referrers before
 * their references, lock files too, counts what it freed, and tells each step in its trace.
 */
class LoneCollectorTest {
    private static final int ORDERS = 60;
    private static final Switches BASELINE = Switches.baseline();
    private static final Switches MASTER = new Switches(WriteDerivationMode.ROOT_DRV, true, false, TempRootClient.RETRY,
            PathInUse.LOG_BUG, true, gcsim.variant.SrcMemo.PROCESS, true, true, gcsim.variant.AutoGcThread.JOINED,
            gcsim.variant.GcRootOrder.ROOTS_FIRST, false, false, false);
    private static final Switches NIX_2_8 = new Switches(WriteDerivationMode.NO_EARLY_RETURN, true, false,
            TempRootClient.NIX_2_8, PathInUse.ABORT);

    /**
     * Garbage: dep ← lib ← app, x.drv → dep, and top → kept, keptdep. Kept: the root kept, the
     * rooted output out and (keep-derivations) its deriver o.drv. 1 MiB per source, 1 KiB per drv.
     */
    private static ScenarioBuilder store() {
        return new ScenarioBuilder()
                .source("dep", 1L << 20, true)
                .source("lib", 1L << 20, true, "dep")
                .source("app", 1L << 20, true, "lib")
                .source("kept", 1L << 20, true)
                .source("keptdep", 1L << 20, true)
                .source("top", 1L << 20, true, "kept", "keptdep")
                .drv("x.drv", List.of(), List.of("dep"), "x", true)
                .built("o.drv", List.of(), "out")
                .gcroot("kept", "kept")
                .gcroot("out", "out")
                .autoGc(0, Long.MAX_VALUE, 10L << 20);
    }

    private static List<String> lines(World w) {
        return w.kernel.trace().stream().map(TraceEvent::text).toList();
    }

    private static int index(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> valid(World w) {
        List<String> out = new ArrayList<>();
        for (int p = 0; p < w.layout.size(); p++) {
            if (w.db.validQuiet(p)) {
                out.add(w.layout.name(p));
            }
            assertThat(w.store.existsQuiet(p)).as("%s is on disk exactly while valid", w.layout.name(p))
                    .isEqualTo(w.db.validQuiet(p));
        }
        return out;
    }

    /** A collector that starts at 1 s, after the probe ran {@code setup} at 0 s. */
    @SafeVarargs
    private static World collect(ScenarioBuilder b, Switches sw, long seed, Consumer<World>... setup) {
        return Probe.run(b.process("gc", false, at(1), gc()).build(), sw, seed, setup);
    }

    @Test
    void itDeletesExactlyTheUnrootedPathsReferrersFirstInEveryReaddirOrder() {
        boolean enqueued = false;
        boolean alive = false;
        for (Switches sw : List.of(BASELINE, MASTER, NIX_2_8)) {
            for (long seed = 0; seed < ORDERS; seed++) {
                World w = collect(store(), sw, seed);
                List<String> t = lines(w);

                assertThat(valid(w)).as("seed %d", seed).containsExactlyInAnyOrder("kept", "out", "o.drv");
                assertThat(w.pathsDeleted()).isEqualTo(6);
                assertThat(w.gcRuns()).isOne();
                assertThat(w.store.freeQuiet()).isEqualTo((10L << 20) + (5L << 20) + 1024);
                for (String[] order : new String[][] {{"app", "lib"}, {"lib", "dep"}, {"x.drv", "dep"}, {"top", "keptdep"}}) {
                    assertThat(index(t, "deletes " + order[0] + " (")).as("%s before %s, seed %d: %s", order[0], order[1], seed, t)
                            .isNotNegative().isLessThan(index(t, "deletes " + order[1] + " ("));
                }
                assertThat(t).contains("collector takes gc.lock exclusively  [collectGarbage §2.7 G3]",
                        "binds gc-socket/socket  [collectGarbage §2.7 G5]",
                        "readdir of the store: 9 entries  [collectGarbage §2.7 G10]",
                        "collector releases gc.lock; freed 5.0M  [collectGarbage §2.7 G13]");
                assertThat(t).anyMatch(l -> l.startsWith("keeps kept: kept is a root"));
                assertThat(t).anyMatch(l -> l.startsWith("visits dep; pending := dep"));
                enqueued |= t.stream().anyMatch(l -> l.matches("(dep|lib|keptdep) is valid; enqueues [a-z.]+(, [a-z.]+)* \\(.*"));
                alive |= t.stream().noneMatch(l -> l.startsWith("visits o.drv"));
                assertThat(t).noneMatch(l -> l.startsWith("BUG"));
            }
        }
        assertThat(enqueued).as("some order visits a referrer from its reference").isTrue();
        assertThat(alive).as("some order reaches o.drv after out made it alive, and does not visit it again").isTrue();
    }

    @Test
    void withoutKeepDerivationsTheDeriverOfALiveOutputIsGarbage() {
        World w = collect(store().keep(false, false), BASELINE, 3);
        assertThat(valid(w)).containsExactlyInAnyOrder("kept", "out");
    }

    @Test
    void withKeepOutputsTheOutputsOfARootedDerivationAreKeptAndItsDerivationIsKeptFromThem() {
        for (long seed = 0; seed < ORDERS; seed++) {
            ScenarioBuilder b = new ScenarioBuilder()
                    .built("r.drv", List.of(), "rout")
                    .built("g.drv", List.of(), "gout")
                    .gcroot("r", "r.drv");
            assertThat(valid(collect(b, BASELINE, seed))).as("keep-outputs off").containsExactly("r.drv");

            World w = collect(b.keep(true, true), BASELINE, seed);
            assertThat(valid(w)).as("seed %d: %s", seed, lines(w)).containsExactlyInAnyOrder("rout", "r.drv");
        }
    }

    @Test
    void lockFilesAreStoreEntriesThatTheCollectorDeletesWithoutCountingThemAsPaths() {
        for (long seed = 0; seed < ORDERS; seed++) {
            World w = collect(store(), BASELINE, seed,
                    x -> x.store.openOrCreateLock(x.layout.id("lib")),
                    x -> x.store.openOrCreateLock(x.layout.id("kept")));
            List<String> t = lines(w);

            assertThat(t).contains("readdir of the store: 11 entries  [collectGarbage §2.7 G10]");
            assertThat(t).anyMatch(l -> l.startsWith("deletes lib.lock  [maybeDeleteReferrersClosure §2.7 B9]"));
            assertThat(t).anyMatch(l -> l.startsWith("deletes kept.lock  [maybeDeleteReferrersClosure §2.7 B9]"));
            assertThat(w.store.lockQuiet(w.layout.id("lib"))).isFalse();
            assertThat(w.store.lockQuiet(w.layout.id("kept"))).isFalse();
            assertThat(valid(w)).containsExactlyInAnyOrder("kept", "out", "o.drv");
            assertThat(w.pathsDeleted()).isEqualTo(6);
        }
    }

    @Test
    void aRootThatReachesTheCollectorAfterItVisitedThePathIsDeletedAnywayAtTheBaseline() {
        int seen = 0;
        for (long seed = 0; seed < ORDERS; seed++) {
            ScenarioBuilder b = store()
                    .process("holder", false, at(0), tempRoot("lib"), await("collected"))
                    .process("after", false, after("gc"), signal("collected"));
            World w = collect(b, BASELINE, seed);
            List<String> t = lines(w);
            if (t.stream().anyMatch(l -> l.startsWith("deletes lib although it has a temp root: recorded after the collector"
                    + " visited it, and the deletion loop does not look at temp roots again"))) {
                seen++;
                assertThat(valid(w)).as("seed %d: %s", seed, t).doesNotContain("lib", "dep");
                assertThat(t).anyMatch(l -> l.startsWith("records temp root lib sent through the socket; pending = "));
            }
        }
        assertThat(seen).as("orders in which the holder's root lands after the collector visited lib").isPositive();
    }

    @Test
    void aTempRootKeepsItsPathAndTheClosureOfItButNotItsReferrers() {
        for (Switches sw : List.of(BASELINE, MASTER, NIX_2_8)) {
            for (long seed = 0; seed < ORDERS; seed++) {
                // the collector starts once the root is taken: a root that reaches the collector after it
                // visited lib is the deletion loop's window (the next test), not this test's subject
                ScenarioBuilder b = store()
                        .process("holder", false, at(0), tempRoot("lib"), signal("rooted"), await("collected"))
                        .process("after", false, after("gc"), signal("collected"))
                        .process("gc", false, at(1), await("rooted"), gc());
                World w = Probe.run(b.build(), sw, seed);
                List<String> t = lines(w);

                assertThat(valid(w)).as("seed %d: %s", seed, t).containsExactlyInAnyOrder("kept", "out", "o.drv", "lib", "dep");
                assertThat(t).contains("lists temproots/: 1 files  [collectGarbage §2.7 G8]");
                assertThat(t).anyMatch(l -> l.matches("keeps (dep|lib): lib has a temp root the collector read from a temproots file.*"));
                assertThat(index(t, "deletes app (")).isNotNegative();
            }
        }
    }

    @Test
    void aCollectorWithNothingToFreeReadsTheRootsButNotTheStore() {
        World w = Probe.run(store().process("gc", false, at(0), gc(0)).build());
        List<String> t = lines(w);

        assertThat(t).contains("collector takes gc.lock exclusively  [collectGarbage §2.7 G3]",
                "collector releases gc.lock; freed 0  [collectGarbage §2.7 G13]");
        assertThat(t).noneMatch(l -> l.startsWith("readdir of the store"));
        assertThat(w.pathsDeleted()).isZero();
    }

    @Test
    void aCollectorStopsAtTheFirstDeletionThatTakesItPastMaxFreed() {
        for (long seed = 0; seed < ORDERS; seed++) {
            ScenarioBuilder b = new ScenarioBuilder()
                    .source("a", 1L << 20, true)
                    .source("b", 1L << 20, true)
                    .source("c", 1L << 20, true)
                    .source("d", 1L << 20, true);
            World exact = Probe.run(b.process("gc", false, at(0), gc(2L << 20)).build(), BASELINE, seed);
            assertThat(exact.pathsDeleted()).as("2M freed is not past 2M").isEqualTo(3);
            assertThat(lines(exact)).contains("deleted more than max-freed; stopping  [collectGarbage §2.7 G10]");
            assertThat(lines(exact)).anyMatch(l -> l.startsWith("collector releases gc.lock; freed 3M"));
        }
    }

    @Test
    void aCollectorPausedAfterTakingTheLockAndAfterTheRootsWaitsForEachEvent() {
        Op paused = new Op.CollectGarbage(Long.MAX_VALUE, List.of(new Op.GcPause(Op.PausePoint.AFTER_LOCK, "locked"),
                new Op.GcPause(Op.PausePoint.AFTER_ROOTS, "rooted")), ScenarioBuilder.P);
        for (long seed = 0; seed < ORDERS; seed++) {
            Scenario s = store()
                    .process("gc", false, at(0), paused)
                    .process("driver", false, at(1), signal("locked"), ScenarioBuilder.sleep(1000), signal("rooted"))
                    .build();
            World w = Probe.run(s, BASELINE, seed);
            List<String> t = lines(w);

            int paused1 = index(t, "pauses until locked");
            int bound = index(t, "binds gc-socket/socket");
            assertThat(paused1).as("%s", t).isNotNegative().isLessThan(bound);
            assertThat(index(t, "pauses until locked")).isNotNegative();
            assertThat(w.pathsDeleted()).as("%s", t).isEqualTo(6);
            assertThat(w.kernel.now()).as("the collection waited for the driver's second event").isGreaterThanOrEqualTo(2_000_000_000L);
        }
    }
}
