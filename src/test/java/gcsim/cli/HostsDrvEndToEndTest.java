package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The core issue's acceptance, through the real entry point and the real scenario files: the
 * baseline loses hosts.drv, the replay line reproduces it byte for byte, and one seed prints the
 * same bytes in this JVM and in two fresh JVMs.
 */
class HostsDrvEndToEndTest {
    private static final Project PROJECT = Project.standard(Path.of("").toAbsolutePath());

    @Test
    void searchFindsTheHostsDrvRaceUnderTheBaselineAndItsReplayLineReproducesIt() {
        Cli search = Cli.run(PROJECT, "search", "--scenario", "hosts-drv", "--variant", "early-return", "--schedules", "1000");

        assertThat(search.code()).isEqualTo(1);
        assertThat(search.out()).containsPattern("error: path '/nix/store/[0-9a-z]{32}-hosts\\.drv' is not valid");
        assertThat(search.out()).contains("returns early without a temp root", "deletes hosts.drv");
        Cli first = Cli.run(PROJECT, search.replayArgs());
        Cli second = Cli.run(PROJECT, search.replayArgs());
        assertThat(first.code()).isEqualTo(1);
        assertThat(first.out()).isEqualTo(second.out()).contains("hosts.drv' is not valid");
    }

    @Test
    void callerRootFindsNoFailureOnHostsDrv() {
        Cli search = Cli.run(PROJECT, "search", "--scenario", "hosts-drv", "--variant", "caller-root", "--strategy", "random", "--schedules", "3000");

        assertThat(search.code()).isZero();
        assertThat(search.out()).contains("no failure in 3000 schedules");
    }

    @Test
    void theExhaustiveSearchFindsTheRaceUnderTheBaselineAndItsChoicesReplayItWithoutTheStarvationBound() {
        Cli search = Cli.run(PROJECT, "search", "--scenario", "hosts-drv", "--variant", "early-return", "--strategy", "dfs");

        assertThat(search.code()).as(search.err()).isEqualTo(1);
        assertThat(search.out()).contains("returns early without a temp root", "deletes hosts.drv", "(dfs, ");
        Cli replay = Cli.run(PROJECT, search.replayArgs());
        assertThat(replay.code()).as(replay.err()).isEqualTo(1);
        assertThat(replay.out()).containsPattern("error: path '/nix/store/[0-9a-z]{32}-hosts\\.drv' is not valid");
    }

    @Test
    void theExhaustiveSearchVerifiesTheMergedFixOnHostsDrv() {
        Cli search = Cli.run(PROJECT, "search", "--scenario", "hosts-drv", "--variant", "drv-only", "--strategy", "dfs",
                "--json");

        assertThat(search.code()).as(search.err()).isZero();
        assertThat(search.out()).contains("\"verdict\":\"verified\"", "\"complete\":true", "\"cut\":0,",
                "\"preemptionBound\":null", "\"starvationBound\":3");
    }

    @Test
    void oneSeedPrintsByteIdenticalTracesInThisJvmAndInTwoFreshJvms() throws Exception {
        String[] args = {"replay", "--scenario", "hosts-drv", "--variant", "early-return", "--seed", "12345"};
        String inProcess = Cli.run(PROJECT, args).out();
        assertThat(Cli.run(PROJECT, args).out()).isEqualTo(inProcess);

        String jvm1 = runInFreshJvm(args);
        String jvm2 = runInFreshJvm(args);

        assertThat(inProcess).contains("writeDerivation(hosts.drv)", "hosts.drv' is not valid");
        assertThat(jvm1).isEqualTo(inProcess);
        assertThat(jvm2).isEqualTo(inProcess);
    }

    private static String runInFreshJvm(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dgcsim.home=" + Path.of("").toAbsolutePath());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("gcsim.cli.Main");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
