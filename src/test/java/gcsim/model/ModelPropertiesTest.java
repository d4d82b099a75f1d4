package gcsim.model;

import static gcsim.model.ScenarioBuilder.*;
import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.TraceEvent;
import gcsim.scenario.Scenario;
import gcsim.variant.Switches;
import gcsim.variant.Variant;
import gcsim.variant.WriteDerivationMode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Property tests over many seeded schedules: the model never breaks its own invariants. */
class ModelPropertiesTest {
    static List<Variant> variants() {
        return List.of(
                new Variant("early-return", "", Switches.baseline()),
                new Variant("drv-and-refs", "", new Switches(WriteDerivationMode.ROOT_DRV_AND_REFS, false, false)),
                new Variant("drv-only", "", new Switches(WriteDerivationMode.ROOT_DRV, false, false)),
                new Variant("no-early-return", "", new Switches(WriteDerivationMode.NO_EARLY_RETURN, false, false)),
                new Variant("caller-root", "", new Switches(WriteDerivationMode.EARLY_RETURN, false, true)),
                new Variant("drv-and-fetch", "", new Switches(WriteDerivationMode.ROOT_DRV, true, false)));
    }

    /** A busier world: a concurrent nix-collect-garbage, builds, fetches and a second writer. */
    static Scenario busy() {
        return new ScenarioBuilder()
                .source("nixpkgs", 100L << 20, true)
                .source("old-garbage", 50L << 20, true)
                .source("make-symlinks-relative.sh", 4096, true)
                .gcroot("nixpkgs", "nixpkgs")
                .cached("user", "make-symlinks-relative.sh")
                .drv("hosts.drv", List.of(), List.of("nixpkgs"), "hosts", false)
                .drv("dependent.drv", List.of("hosts.drv"), List.of("nixpkgs", "make-symlinks-relative.sh"), "dependent", false)
                .autoGc(1L << 30, 2L << 30, 512L << 20)
                .process("X", true, at(0), write("hosts.drv"), build("hosts.drv"))
                .process("Y", true, after("X"), fetch("make-symlinks-relative.sh"), write("hosts.drv"), write("dependent.drv"), build("dependent.drv"))
                .process("gc", false, at(0), gc())
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void noScheduleBreaksTheStoreInvariantOrDeadlocksOrHitsAModelFault(Variant v) {
        for (Scenario s : List.of(hostsDrv(), busy())) {
            Runner runner = new Runner(s, v, 100_000);
            for (long seed = 0; seed < 3_000; seed++) {
                RunResult r = runner.run(new Seeds(seed), false);
                assertThat(r.cut()).as("seed %d cut", seed).isFalse();
                if (r.failed()) {
                    assertThat(r.failure().kind()).as("seed %d: %s", seed, r.failure())
                            .isNotIn(forbidden(v));
                }
            }
        }
    }

    @Test
    void earlyReturnLosesHostsDrvOnceTheFirstWritersWorkerHasExited() {
        Runner runner = new Runner(hostsDrv(), variants().get(0), 100_000);
        RunResult failing = null;
        for (long seed = 0; seed < 200 && failing == null; seed++) {
            RunResult r = runner.run(new Seeds(seed), false);
            if (r.failed()) {
                failing = runner.run(new Seeds(seed), true);
            }
        }
        assertThat(failing).isNotNull();
        assertThat(failing.failure().kind()).isEqualTo("invalid-path");
        assertThat(failing.failure().message()).matches("path '/nix/store/[0-9a-df-np-sv-z]{32}-hosts\\.drv' is not valid");
        assertThat(failing.failure().check()).startsWith("registerValidPaths §2.5 step 4");
        assertThat(failing.failure().actor()).isEqualTo("Y");
        String story = failing.trace().stream().filter(TraceEvent::story).map(TraceEvent::text).collect(Collectors.joining("\n"));
        assertThat(story).contains("returns early without a temp root", "worker-1 exits", "deletes hosts.drv");
    }

    @Test
    void callerRootNeverFailsOnHostsDrv() {
        Runner runner = new Runner(hostsDrv(), variants().get(4), 100_000);
        for (long seed = 0; seed < 5_000; seed++) {
            assertThat(runner.run(new Seeds(seed), false).failure()).as("seed %d", seed).isNull();
        }
    }

    @Test
    void oneSeedGivesTheSameTraceTwice() {
        Runner runner = new Runner(busy(), variants().get(0), 100_000);
        for (long seed = 0; seed < 50; seed++) {
            assertThat(runner.run(new Seeds(seed), true).trace()).isEqualTo(runner.run(new Seeds(seed), true).trace());
        }
    }

    /**
     * What no schedule may end in. Under 2.8's temp-root client a deadlock is Nix's own: addTempRoot
     * holds the state mutex while it waits for its own auto-GC's acknowledgement (#3224, fixed in
     * 2.13), and compare finds it in gc-auto.
     */
    private static String[] forbidden(Variant v) {
        return v.switches().tempRootClient() == gcsim.variant.TempRootClient.NIX_2_8
                ? new String[] {"invariant", "internal"} : new String[] {"invariant", "deadlock", "internal"};
    }
}
