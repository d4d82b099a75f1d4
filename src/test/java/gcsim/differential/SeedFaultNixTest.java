package gcsim.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The seed fault of PR #15158 injected on real Nix 2.8, deterministically, and gcsim's message for
 * hosts-drv under the baseline: both read {@code path '/nix/store/<32 chars>-hosts.drv' is not valid}.
 *
 * <p>The injection (as in the build notes): X instantiates hosts.drv and exits. Y evaluates a
 * derivation depending on hosts; after writing hosts.drv (and temp-rooting it) Y blocks reading a
 * FIFO, which the expression reads between hosts and its own drv. Then the test removes Y's temproots
 * file, runs {@code nix-store --gc} (which deletes the now unrooted hosts.drv), and writes the FIFO: Y
 * registers dependent.drv and fails. The FIFO makes the window as wide as needed, so no retry is
 * needed. A chroot store ({@code --store DIR}) keeps the logical /nix/store in the message.
 */
@Tag("nix")
class SeedFaultNixTest {
    static final Pattern NOT_VALID = Pattern.compile("path '/nix/store/[0-9abcdfghijklmnpqrsvwxyz]{32}-hosts\\.drv' is not valid");

    @Test
    void realNixAndGcsimReportTheLostHostsDrvInTheSameWords() throws Exception {
        NixInstall nix = NixTests.nixOrSkip();
        NixGuard guard = NixGuard.system();
        String real;
        try (TempStore store = new TempStore(nix, NixTests.TMP, List.of("--option", "substituters", ""), true)) {
            real = injectSeedFault(nix, store);
        }
        NixTests.Verdict gcsim = NixTests.search("hosts-drv", "early-return", 1000);

        System.out.println("real Nix 2.8:               " + real.strip().lines().reduce((a, b) -> b).orElse(""));
        System.out.println("gcsim hosts-drv × early-return: " + gcsim.message());
        assertThat(real).containsPattern(NOT_VALID);
        assertThat(gcsim.kind()).isEqualTo("invalid-path");
        assertThat(gcsim.message()).matches(NOT_VALID.pattern());
        assertThat(NixGuard.system()).as("the machine's /nix").isEqualTo(guard);
    }

    /** Runs X, then Y with the fault injected; returns Y's stderr. */
    private static String injectSeedFault(NixInstall nix, TempStore store) throws Exception {
        Path x = store.dir().resolve("x");
        Path fifo = x.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path expr = x.resolve("hosts.nix");
        Files.writeString(expr, String.join("\n",
                "let",
                "  hosts = derivation { name = \"hosts\"; system = builtins.currentSystem; builder = \"/bin/sh\";",
                "    args = [ \"-c\" \"echo hosts > $out\" ]; };",
                "in {",
                "  inherit hosts;",
                "  dependent = derivation { name = \"dependent\"; system = builtins.currentSystem; builder = \"/bin/sh\";",
                "    args = [ \"-c\" \"echo ${hosts} > $out\" (builtins.readFile " + fifo + ") ]; };",
                "}", ""), StandardCharsets.UTF_8);
        TempStore.Result first = store.nix(nix.nixInstantiate(), List.of(expr.toString(), "-A", "hosts"));
        assertThat(first.code()).as(first.err()).isZero();

        Path out = store.dir().resolve("y.out");
        Path err = store.dir().resolve("y.err");
        Process y = store.startNix(nix.nixInstantiate(), List.of(expr.toString(), "-A", "dependent"), out, err);
        try {
            Path file = awaitTempRootsFileWith(store.stateDir().resolve("temproots"), "-hosts.drv\0", y);
            Files.delete(file);
            TempStore.Result gc = store.nix(nix.nixStore(), List.of("--gc"));
            assertThat(gc.code()).as(gc.err()).isZero();
            assertThat(gc.err()).contains("-hosts.drv'");
            Files.writeString(fifo, "x", StandardCharsets.UTF_8);
            assertThat(y.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            y.destroyForcibly();
        }
        assertThat(y.exitValue()).isNotZero();
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    private static Path awaitTempRootsFileWith(Path dir, String content, Process y) throws Exception {
        for (int i = 0; i < 6000; i++) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        if (Files.readString(f, StandardCharsets.ISO_8859_1).contains(content)) {
                            return f;
                        }
                    }
                }
            }
            assertThat(y.isAlive()).as("the evaluation ended before writing hosts.drv").isTrue();
            Thread.sleep(10);
        }
        throw new AssertionError("no temproots file with " + content.strip() + " after 60 s");
    }
}
