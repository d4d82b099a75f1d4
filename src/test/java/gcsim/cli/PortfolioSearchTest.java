package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search} without {@code --strategy}: the portfolio finds the window in which a collector must
 * wait through some 45 steps of a build and a reconnect, names the member that found it, and prints a
 * replay line that reproduces it; options of one strategy alone are refused.
 */
class PortfolioSearchTest {
    private static final Project PROJECT = Project.standard(Path.of("").toAbsolutePath());
    private static final String LONG_WAIT = "src/test/resources/scenarios/collector-after-long-build.yaml";
    private static final String BUDGET = "20000";

    @TempDir
    Path dir;

    @Test
    void theDefaultSearchFindsTheCollectorThatMustWaitThroughALongBuild() {
        Cli c = Cli.run(PROJECT, "search", "--scenario", LONG_WAIT, "--variant", "drv-only", "--schedules", BUDGET,
                "--threads", "2");
        assertThat(c.code()).as(c.out() + c.err()).isEqualTo(1);
        assertThat(c.outLines().get(1)).startsWith("found by pct-").contains("(portfolio: random, pct-2, pct-3, dfs; base seed 1;");
        Cli replay = Cli.run(PROJECT, c.replayArgs());
        assertThat(replay.code()).isEqualTo(1);
        assertThat(replay.out()).contains(c.outLines().get(0).substring("failure: ".length()));

        // Evidence, not an assertion: what the random walk alone does with the same budget.
        Cli random = Cli.run(PROJECT, "search", "--scenario", LONG_WAIT, "--variant", "drv-only", "--strategy", "random",
                "--schedules", BUDGET, "--threads", "2");
        System.out.println("portfolio: " + c.outLines().get(1));
        System.out.println("random alone, same budget: " + random.outLines().get(random.code() == 1 ? 1 : 0));
    }

    @Test
    void withAStartTheSearchChoosesTheRandomWalkAloneFindsTheSameWindow() throws IOException {
        Path f = dir.resolve("any-start.yaml");
        Files.writeString(f, Files.readString(Path.of(LONG_WAIT)).replace("name: collector-after-long-build", "name: any-start")
                .replace("start: 1ms", "start: any"));
        Cli random = Cli.run(PROJECT, "search", "--scenario", f.toString(), "--variant", "drv-only", "--strategy", "random",
                "--schedules", "2000", "--threads", "2");
        assertThat(random.code()).as(random.out()).isEqualTo(1);
        System.out.println("random alone, collector start: any: " + random.outLines().get(1));
    }

    @Test
    void withoutAFailureTheDefaultSearchPrintsEveryMembersFigures() {
        Cli c = Cli.run(PROJECT, "search", "--scenario", "hosts-drv", "--variant", "drv-only", "--schedules", "400",
                "--threads", "2");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.outLines()).hasSize(5);
        assertThat(c.outLines().get(0)).isEqualTo("no failure in 400 runs (portfolio: random, pct-2, pct-3, dfs; base seed 1)");
        assertThat(c.outLines().get(1)).isEqualTo("random: 100 schedules, 0 cut");
        assertThat(c.outLines().get(2)).startsWith("pct-2: 100 schedules, 0 cut; PCT bound: ");
        assertThat(c.outLines().get(4)).startsWith("dfs: 100 executions, incomplete (");
    }

    @Test
    void theDefaultSearchRefusesTheOptionsOfOneStrategyAlone() {
        Cli depth = Cli.run(PROJECT, "search", "--scenario", "hosts-drv", "--variant", "drv-only", "--pct-depth", "2");
        assertThat(depth.code()).isEqualTo(2);
        assertThat(depth.err()).isEqualTo("gcsim: --pct-depth goes with --strategy random or pct only (accepted: name"
                + " --strategy, or leave the option out; the default search runs PCT at depths 2 and 3)\n");
        Cli shard = Cli.run(PROJECT, "search", "--scenario", "hosts-drv", "--variant", "drv-only", "--shard", "1/2");
        assertThat(shard.code()).isEqualTo(2);
        assertThat(shard.err()).startsWith("gcsim: --shard goes with --strategy random or pct only");
        Cli dfs = Cli.run(PROJECT, "search", "--scenario", "hosts-drv", "--variant", "drv-only", "--max-executions", "5");
        assertThat(dfs.code()).isEqualTo(2);
        assertThat(dfs.err()).startsWith("gcsim: --max-executions goes with --strategy dfs only");
    }

    @Test
    void theDefaultSearchInJsonNamesTheMemberThatFoundTheFailure() {
        Cli c = Cli.run(PROJECT, "search", "--scenario", "hosts-drv", "--variant", "early-return", "--json");
        assertThat(c.code()).isEqualTo(1);
        assertThat(c.out()).startsWith("{\"scenario\":\"hosts-drv\",\"variant\":\"early-return\",\"strategy\":\"portfolio\","
                + "\"seed\":2865243701271745,\"schedules\":1,\"cut\":0,\"verdict\":\"fail\",")
                .contains("\"foundBy\":\"random\",\"members\":[{\"name\":\"random\",\"runs\":1,\"cut\":0},");
    }
}
