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
 * The differential check with its defaults: 200 generated histories on real Nix 2.8 and in the model
 * under {@code nix-2.8} agree on what is valid before the final collection, what {@code --print-dead}
 * lists and what survives {@code nix-store --gc}. Skipped without Nix; .ci/run installs it.
 */
@Tag("nix")
class DifferentialNixTest {

    @Test
    void twoHundredHistoriesOnRealNixAndInTheModelAgree() {
        NixTests.nixOrSkip();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"differential"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Project.standard(Path.of("").toAbsolutePath()));

        String report = out.toString(StandardCharsets.UTF_8);
        System.out.print(report);
        System.out.print(err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.contains("so far"))
                .reduce("", (a, b) -> a + b + "\n"));
        assertThat(report).endsWith("200 histories, 0 disagreements\n");
        assertThat(code).isZero();
    }
}
