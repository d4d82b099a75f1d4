package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code replay --schedule FILE --variant OTHER} on the project's own counterexamples: the schedule is
 * followed by meaning under the other variant, and the outcome says whether the window is still open.
 */
class TransferReplayTest {
    private static final Project PROJECT = Project.standard(Path.of("").toAbsolutePath());
    private static final String HOSTS = "results/failures/hosts-drv--early-return.schedule";
    private static final String NON_BLOCKING_VARIANT = "nix-master";
    private static final String NON_BLOCKING = "results/failures/gc-non-blocking--" + NON_BLOCKING_VARIANT + ".schedule";

    @Test
    void theHostsDrvCounterexampleIsClosedUnderDrvOnlyByTheTempRootTheFixTakes() {
        Cli c = Cli.run(PROJECT, "replay", "--schedule", HOSTS, "--variant", "drv-only");
        assertThat(c.code()).as(c.err()).isEqualTo(0);
        String outcome = c.outLines().get(c.outLines().size() - 1);
        assertThat(outcome).startsWith("outcome: closed at step ")
                .containsPattern("step \\d+, worker-2: temp-roots hosts\\.drv .*, is a step the original did not have")
                .containsPattern("worker-2/auto-gc: reads temproots/\\d+: \\[hosts\\.drv")
                .contains(": keeps hosts.drv").contains("deletes hosts.drv");
        assertThat(c.out()).contains("story under early-return (the counterexample):")
                .contains("story under drv-only (transferred):");
    }

    @Test
    void theHostsDrvCounterexampleStillFailsUnderItsOwnVariant() {
        Cli c = Cli.run(PROJECT, "replay", "--schedule", HOSTS, "--variant", "early-return");
        assertThat(c.code()).as(c.err()).isEqualTo(1);
        assertThat(c.out()).contains("verdict: fail: invalid-path");
    }

    @Test
    void theTransferJsonGivesTheOutcome() {
        Cli c = Cli.run(PROJECT, "replay", "--schedule", HOSTS, "--variant", "drv-only", "--json");
        assertThat(c.code()).as(c.err()).isEqualTo(0);
        assertThat(c.outLines()).hasSize(1);
        assertThat(c.out()).startsWith("{\"scenario\":\"hosts-drv\",\"variant\":\"drv-only\",\"from\":\"early-return\","
                + "\"strategy\":\"transfer\",\"verdict\":\"pass\",\"outcome\":{\"kind\":\"closed\",\"step\":");
    }

    @Test
    void theGcNonBlockingCounterexampleIsClosedWhereTheCollectorReadsTempRootsFirst() {
        Cli c = Cli.run(PROJECT, "replay", "--schedule", NON_BLOCKING, "--variant", "master-temp-roots-first");
        assertThat(c.code()).as(c.err()).isEqualTo(0);
        assertThat(c.outLines().get(c.outLines().size() - 1)).startsWith("outcome: closed at step ");
    }

    @Test
    void theGcNonBlockingCounterexampleFailsTheSameWayUnderEveryOtherVariant() throws Exception {
        List<String> others = Target.variants(PROJECT).stream().map(v -> v.id())
                .filter(v -> !v.equals(NON_BLOCKING_VARIANT) && !v.equals("master-temp-roots-first")).toList();
        assertThat(others).contains("nix-2.8", "early-return", "drv-only");
        for (String v : others) {
            Cli c = Cli.run(PROJECT, "replay", "--schedule", NON_BLOCKING, "--variant", v);
            assertThat(c.code()).as(v + ": " + c.err()).isEqualTo(1);
            assertThat(c.outLines().get(c.outLines().size() - 1)).as(v).startsWith("outcome: same failure at step ")
                    .contains("expected '/nix/store/w1asx7jrjjgm96r17x0dh9zzkkfqdbqc-simple' to be valid at the end");
        }
    }

    @Test
    void aCounterexampleDoesNotTransferToAnotherScenario() {
        Cli c = Cli.run(PROJECT, "replay", "--schedule", HOSTS, "--scenario", "gc", "--variant", "drv-only");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.errLines()).hasSize(1);
        assertThat(c.err()).contains("not transferable: the schedule is a counterexample of scenario 'hosts-drv'");
    }

    @Test
    void twoTransfersPrintIdenticalBytesAndStateShowsTheTempRootThatClosedTheWindow() {
        Cli first = Cli.run(PROJECT, "replay", "--schedule", HOSTS, "--variant", "drv-only", "--state");
        Cli second = Cli.run(PROJECT, "replay", "--schedule", HOSTS, "--variant", "drv-only", "--state");
        assertThat(first.code()).as(first.err()).isEqualTo(0);
        assertThat(second.out()).isEqualTo(first.out());
        List<String> out = first.outLines();
        int heading = out.indexOf("story under drv-only, with the state after each step:");
        assertThat(heading).isPositive();
        int keeps = heading;
        while (!out.get(keeps).matches("\\d+\\. worker-2/auto-gc: keeps hosts\\.drv: .*")) {
            keeps++;
        }
        assertThat(out.get(keeps + 2)).matches("     temp roots: temproots/\\d+ \\(worker-2\\) \\[hosts\\.drv.*");
        assertThat(out.get(keeps + 3)).isEqualTo("     gc.lock: exclusive: worker-2; valid: hosts.drv yes");
    }
}
