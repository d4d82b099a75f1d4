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
import gcsim.scenario.Start;
import gcsim.variant.PathInUse;
import gcsim.variant.Switches;
import gcsim.variant.TempRootClient;
import gcsim.variant.WriteDerivationMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@code addTempRoot} while a collector holds gc.lock (§2.6): the path goes through the collector's
 * socket and waits for its ack; before the collector listens, the client sleeps and retries (or, in
 * 2.8, restarts at once or appends without an ack). Each run ends with the path in the client's
 * temproots file, acknowledged first wherever the client used the socket.
 */
class TempRootAgainstACollectorTest {
    private static final int SEEDS = 80;
    private static final Switches NIX_2_8 = new Switches(WriteDerivationMode.NO_EARLY_RETURN, true, false,
            TempRootClient.NIX_2_8, PathInUse.ABORT);

    /**
     * A collector paused after taking gc.lock until a driver signals at 1 s; at 0.5 s a client roots
     * lib, then app, and holds them until the collector is done.
     */
    private static ScenarioBuilder race() {
        Op paused = new Op.CollectGarbage(Long.MAX_VALUE, List.of(new Op.GcPause(Op.PausePoint.AFTER_LOCK, "go")),
                ScenarioBuilder.P);
        return new ScenarioBuilder()
                .source("dep", 1L << 20, true)
                .source("lib", 1L << 20, true, "dep")
                .source("app", 1L << 20, true, "lib")
                .process("gc", false, at(0), paused)
                .process("client", false, new Start.At(500_000_000L), tempRoot("lib"), tempRoot("app"), await("done"))
                .process("driver", false, at(1), signal("go"))
                .process("after", false, after("gc"), signal("done"));
    }

    /** The client's trace lines. */
    private static List<String> client(World w) {
        List<String> out = new ArrayList<>();
        for (TraceEvent e : w.kernel.trace()) {
            if (e.actor().equals("client")) {
                out.add(e.text());
            }
        }
        return out;
    }

    private static int index(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    @SafeVarargs
    private static List<World> runs(ScenarioBuilder b, Switches sw, Consumer<World>... setup) {
        List<World> out = new ArrayList<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            out.add(Probe.run(b.build(), sw, seed, setup));
        }
        return out;
    }

    @Test
    void aRootSentWhileTheCollectorHoldsTheLockIsAcknowledgedBeforeItIsWrittenAndTheCollectorKeepsIt() {
        List<World> runs = runs(race(), Switches.baseline());
        for (World w : runs) {
            List<String> t = client(w);
            int written = index(t, "temp-roots lib");
            assertThat(written).as("%s", t).isNotNegative();
            for (int i = 0; i < written; i++) {
                if (t.get(i).startsWith("sends lib to the collector")) {
                    // the collector either acknowledges the path or closes the socket (it has finished),
                    // and then the client starts over (step 7); it never writes the path unanswered
                    assertThat(t.get(i + 1)).as("%s", t)
                            .matches("(collector acknowledged lib|collector closed the socket; restarting).*");
                }
            }
            assertThat(w.gcLock.holders()).isEqualTo("free");
        }
        assertThat(runs).anyMatch(w -> {
            List<String> t = client(w);
            int acked = index(t, "collector acknowledged lib");
            return index(t, "sends lib to the collector") >= 0 && acked >= 0 && index(t, "temp-roots lib") > acked;
        });
        assertThat(runs).anyMatch(w -> client(w).contains("ECONNREFUSED on gc-socket; sleeping 100ms  [addTempRoot §2.6 step 5]"));
        assertThat(runs).anyMatch(w -> index(client(w), "sends app to the collector") >= 0);
    }

    @Test
    void withNoSocketFileYetTheClientSleepsOnEnoentAndTriesAgain() {
        List<World> runs = runs(race().noGcSocket(), Switches.baseline());
        assertThat(runs).anyMatch(w -> client(w).contains("ENOENT on gc-socket; sleeping 100ms  [addTempRoot §2.6 step 5]"));
        for (World w : runs) {
            assertThat(index(client(w), "temp-roots lib")).isNotNegative();
        }
    }

    @Test
    void nix28RestartsAtOnceOnARefusedConnection() {
        List<World> runs = runs(race(), NIX_2_8);
        assertThat(runs).anyMatch(w -> client(w).contains("ECONNREFUSED on gc-socket; restarting at once  [addTempRoot §2.6 (2.8)]"));
        for (World w : runs) {
            assertThat(index(client(w), "temp-roots lib")).isNotNegative();
            assertThat(index(client(w), "temp-roots app")).isNotNegative();
        }
    }

    @Test
    void nix28SwallowsEnoentAndThenAppendsEveryLaterRootWithoutAnAck() {
        List<World> runs = runs(race().noGcSocket(), NIX_2_8);
        List<World> swallowed = runs.stream()
                .filter(w -> index(client(w), "ENOENT on gc-socket swallowed; appends lib without an ack") >= 0).toList();

        assertThat(swallowed).isNotEmpty();
        for (World w : swallowed) {
            List<String> t = client(w);
            assertThat(index(t, "temp-roots lib")).isGreaterThan(index(t, "ENOENT on gc-socket swallowed"));
            assertThat(index(t, "collector acknowledged lib")).isNegative();
        }
        assertThat(swallowed).anyMatch(w -> index(client(w), "cached gc-socket descriptor is unconnected; appends app without an ack") >= 0);
    }

    @Test
    void aLeftoverTemprootsFileOfTheSamePidIsUnlinkedBeforeANewOneIsMade() {
        List<World> unlinked = new ArrayList<>();
        for (World w : runs(race(), Switches.baseline(), x -> x.tempRoots.openOrCreate(x.process("client").pid()).paths.add(0))) {
            if (index(client(w), "unlinks leftover temproots/") >= 0) { // the probe made the file before the client looked
                unlinked.add(w);
            }
        }

        assertThat(unlinked).isNotEmpty();
        for (World w : unlinked) {
            List<String> t = client(w);
            int pid = w.process("client").pid();
            int at = index(t, "unlinks leftover temproots/" + pid);
            assertThat(at).as("%s", t).isNotNegative();
            assertThat(t.subList(at, t.size())).as("then a new file is opened and held")
                    .contains("opens temproots/" + pid + "  [createTempRootsFile §2.6 step 1.2]",
                            "holds temproots/" + pid + " exclusively  [createTempRootsFile §2.6 step 1.3]");
            assertThat(index(t, "temp-roots lib")).isGreaterThan(at);
        }
    }

    @Test
    void aTemprootsFileTheCollectorTookForDeadIsMadeAgain() {
        List<World> retried = new ArrayList<>();
        for (long seed = 0; seed < 400 && retried.isEmpty(); seed++) {
            World w = Probe.run(new ScenarioBuilder()
                    .source("lib", 1L << 20, true)
                    .process("gc", false, at(0), gc())
                    .process("client", false, at(0), tempRoot("lib"), await("done"))
                    .process("after", false, after("gc"), signal("done"))
                    .build(), Switches.baseline(), seed);
            if (index(client(w), "temproots file was deleted by a collector; retrying") >= 0) {
                retried.add(w);
            }
        }

        assertThat(retried).isNotEmpty();
        World w = retried.get(0);
        List<String> t = client(w);
        int retry = index(t, "temproots file was deleted by a collector");
        assertThat(index(t, "temp-roots lib")).isGreaterThan(retry);
        assertThat(t.subList(retry, t.size())).as("a new file: opened and held again").anyMatch(l -> l.startsWith("opens temproots/"))
                .anyMatch(l -> l.startsWith("holds temproots/"));
    }
}
