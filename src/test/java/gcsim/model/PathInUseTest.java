package gcsim.model;

import static gcsim.model.ScenarioBuilder.add;
import static gcsim.model.ScenarioBuilder.at;
import static gcsim.model.ScenarioBuilder.gc;
import static org.assertj.core.api.Assertions.assertThat;

import gcsim.kernel.TraceEvent;
import gcsim.scenario.Scenario;
import gcsim.variant.PathInUse;
import gcsim.variant.Switches;
import gcsim.variant.TempRootClient;
import gcsim.variant.WriteDerivationMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A path that gains a valid referrer between the collector's visit and its invalidation (§2.7 B9):
 * Nix ≥ 2.26 logs "BUG" and keeps it; 2.8 aborts the collection, which still stops its server and
 * releases gc.lock on the way out (G13).
 */
class PathInUseTest {
    private static final int SEEDS = 300;

    /** dep is garbage; a client adds fresh, which refers to dep, while a collector runs. */
    private static Scenario race() {
        return new ScenarioBuilder()
                .source("dep", 1L << 20, true)
                .source("fresh", 1L << 20, false, "dep")
                .process("client", false, at(0), add("fresh"))
                .process("gc", false, at(0), gc())
                .build();
    }

    private static List<String> lines(World w) {
        return w.kernel.trace().stream().map(TraceEvent::text).toList();
    }

    private static int index(List<String> t, String part) {
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    private static List<World> runsWith(Switches sw, String part) {
        List<World> out = new ArrayList<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            World w = Probe.run(race(), sw, seed);
            if (index(lines(w), part) >= 0) {
                out.add(w);
            }
        }
        return out;
    }

    @Test
    void sinceNix226APathInUseIsLoggedAsABugAndKeptAndTheCollectionGoesOn() {
        List<World> bug = runsWith(Switches.baseline(), "BUG: cannot delete path");

        assertThat(bug).isNotEmpty();
        for (World w : bug) {
            List<String> t = lines(w);
            assertThat(t.get(index(t, "BUG: "))).contains("-dep' because it is in use by '", "-fresh'", "(logged, path kept)");
            assertThat(w.db.validQuiet(w.layout.id("dep"))).isTrue();
            assertThat(index(t, "collector releases gc.lock")).isGreaterThan(index(t, "BUG: "));
        }
    }

    @Test
    void nix28AbortsTheCollectionButStopsItsServerAndReleasesGcLockFirst() {
        Switches nix28 = new Switches(WriteDerivationMode.NO_EARLY_RETURN, true, false, TempRootClient.NIX_2_8, PathInUse.ABORT);
        List<World> aborted = runsWith(nix28, "the collection aborts");

        assertThat(aborted).isNotEmpty();
        for (World w : aborted) {
            List<String> t = lines(w);
            int abort = index(t, "the collection aborts");
            assertThat(t.get(abort)).contains("cannot delete path '", "-dep' because it is in use by '");
            assertThat(index(t, "collector releases gc.lock")).as("%s", t).isGreaterThan(abort);
            assertThat(w.gcLock.holders()).isEqualTo("free");
            assertThat(w.db.validQuiet(w.layout.id("dep"))).isTrue();
            assertThat(w.collectorRuns).allMatch(r -> r.shutdownRequested() && r.serverDone());
        }
    }
}
