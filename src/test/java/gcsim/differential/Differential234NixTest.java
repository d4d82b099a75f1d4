package gcsim.differential;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.cli.Main;
import gcsim.cli.Project;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The differential check against today's Nix: Debian sid's Nix 2.34.8, run in the chroot that
 * {@code sim/sid-nix} makes, against the model under {@code nix-2.34}: 200 sequential histories, and
 * the concurrent histories that hold the collector at each of its two test hooks. Skipped without
 * the chroot; .ci/run makes it.
 */
@Tag("nix")
class Differential234NixTest {

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Project.standard(Path.of("").toAbsolutePath()));
        String report = out.toString(StandardCharsets.UTF_8);
        System.out.print(report);
        System.out.print(err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.contains("so far"))
                .reduce("", (a, b) -> a + b + "\n"));
        return new String[] {String.valueOf(code), report};
    }

    @Test
    void twoHundredHistoriesOnNix234AndInTheModelAgree() {
        Path chroot = NixTests.sidChrootOrSkip();

        String[] r = run("differential", "--nix", "2.34", "--chroot", chroot.toString());

        assertThat(r[1]).endsWith("200 histories, 0 disagreements\n");
        assertThat(r[0]).isEqualTo("0");
    }

    @Test
    void aCollectorHeldAtEitherHookAgreesWithTheModelsReplay() {
        Path chroot = NixTests.sidChrootOrSkip();

        String[] r = run("differential", "--nix", "2.34", "--chroot", chroot.toString(), "--concurrent");

        assertThat(r[1]).endsWith(ConcurrentHistory.all().size() + " concurrent histories, 0 disagreements\n");
        assertThat(r[1].lines().filter(l -> l.startsWith("sync1-") && l.contains(": agree"))).isNotEmpty();
        assertThat(r[1].lines().filter(l -> l.startsWith("sync2-") && l.contains(": agree"))).isNotEmpty();
        assertThat(r[0]).isEqualTo("0");
    }
}
