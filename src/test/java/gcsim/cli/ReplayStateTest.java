package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code replay --state}: each story line with the state after its step, as a TLC trace gives one. */
class ReplayStateTest {
    private static final Project PROJECT = Project.standard(Path.of("").toAbsolutePath());
    private static final String HOSTS = "results/failures/hosts-drv--early-return.schedule";

    private static int line(List<String> out, String regex) {
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).matches(regex)) {
                return i;
            }
        }
        throw new AssertionError("no line matches " + regex + " in\n" + String.join("\n", out));
    }

    @Test
    void theDeletionLineShowsTheCollectorHoldingGcLockWithHostsDrvPendingAndNoLongerValid() {
        Cli c = Cli.run(PROJECT, "replay", "--schedule", HOSTS, "--state");
        assertThat(c.code()).as(c.err()).isEqualTo(1);
        List<String> out = c.outLines();
        int deletes = line(out, "\\d+\\. worker-2/auto-gc: deletes hosts\\.drv .*");
        assertThat(out.get(deletes + 1)).isEqualTo("     roots: gcroots/nixpkgs → nixpkgs");
        assertThat(out.get(deletes + 2)).startsWith("     temp roots: ")
                .matches(".*collector worker-2: shared \\[[^]]*\\], pending hosts\\.drv");
        assertThat(out.get(deletes + 2)).doesNotContainPattern("shared \\[[^]]*hosts\\.drv");
        assertThat(out.get(deletes + 3)).isEqualTo("     gc.lock: exclusive: worker-2; valid: hosts.drv no");
        int exits = line(out, "\\d+\\. worker-1: worker-1 exits; .*");
        assertThat(out.get(exits + 2)).as("the exiting worker's temproots file is gone").doesNotContain("(worker-1)");
    }

    @Test
    void theJsonCarriesOneStateObjectPerStoryLine() {
        Cli c = Cli.run(PROJECT, "replay", "--schedule", HOSTS, "--state", "--json");
        assertThat(c.code()).as(c.err()).isEqualTo(1);
        assertThat(c.out()).contains(",\"states\":[{\"line\":\"1. worker-1: temp-roots hosts.drv")
                .contains("\"gcLock\":\"exclusive: worker-2\"")
                .contains("\"collectors\":[{\"process\":\"worker-2\",\"shared\":[")
                .contains("\"valid\":[{\"path\":\"hosts.drv\",\"valid\":false}]");
        Cli plain = Cli.run(PROJECT, "replay", "--schedule", HOSTS, "--json");
        assertThat(plain.out()).doesNotContain("\"states\"");
    }
}
