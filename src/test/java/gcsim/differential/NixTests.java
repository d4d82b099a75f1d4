package gcsim.differential;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gcsim.cli.Main;
import gcsim.cli.Project;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the nix-tagged tests share: the real Nix on the PATH (or a skip), and gcsim's own verdicts. */
final class NixTests {
    static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));
    private static final Pattern MESSAGE = Pattern.compile("\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern VERDICT = Pattern.compile("\"verdict\":\"(\\w+)\"");
    private static final Pattern KIND = Pattern.compile("\"kind\":\"([\\w-]+)\"");

    private NixTests() {}

    /** Nix on the PATH; the test is skipped (not failed) without it. */
    static NixInstall nixOrSkip() {
        var nix = NixInstall.onPath();
        assumeTrue(nix.isPresent(), "nix-store is not on the PATH (.ci/run installs Debian's nix-bin)");
        return nix.get();
    }

    /**
     * The chroot of {@code sim/sid-nix} ({@code $GCSIM_SID_CHROOT}, else its default) when its Nix runs
     * here and reports 2.34; the test is skipped (not failed) without it, or without the root that
     * running it takes.
     */
    static Path sidChrootOrSkip() {
        String env = System.getenv("GCSIM_SID_CHROOT");
        Path dir = Path.of(env != null && !env.isEmpty() ? env : "/var/cache/gcsim/sid-nix");
        var nix = NixInstall.inChroot(dir);
        assumeTrue(nix.isPresent(), "no Nix in the sid chroot " + dir + " (.ci/run makes it with sim/sid-nix)");
        String version = NixVersion.of(nix.get(), TMP);
        assumeTrue(version.startsWith("2.34."), "the sid chroot " + dir + " does not run Nix 2.34: " + version);
        return dir;
    }

    /** gcsim's verdict on a scenario file under a variant, from {@code search --json}. */
    record Verdict(int code, String verdict, String kind, String message, String json) {
        @Override
        public String toString() {
            return verdict + (kind == null ? "" : " (" + kind + ": " + message + ")");
        }
    }

    static Verdict search(String scenario, String variant, int schedules) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"search", "--scenario", scenario, "--variant", variant,
                "--schedules", String.valueOf(schedules), "--threads", "1", "--json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Project.standard(Path.of("").toAbsolutePath()));
        String json = out.toString(StandardCharsets.UTF_8).strip();
        return new Verdict(code, group(VERDICT, json), group(KIND, json), group(MESSAGE, json), json);
    }

    private static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }
}
