package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.report.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search --strategy stateful-dpor} end to end: the DFS with a visited set verifies the
 * library's seed race under the merged fix with fewer executions than the DFS and says how many of
 * them stopped at a visited state; finds the race under the early return with a replayable schedule;
 * refuses a preemption bound in one line; and runs as compare's exhaustive phase when asked to.
 */
class StatefulDporCommandTest {
    private static final Project PROJECT = Project.standard(Path.of("").toAbsolutePath());

    @Test
    void theSeedRaceUnderTheMergedFixIsVerifiedWithFewerExecutionsThanTheDfsNeeds() {
        Cli dfs = Cli.run(PROJECT, "search", "--scenario", "hosts-drv", "--variant", "drv-only", "--strategy", "dfs",
                "--json");
        Cli c = Cli.run(PROJECT, "search", "--scenario", "hosts-drv", "--variant", "drv-only", "--strategy",
                "stateful-dpor", "--json");

        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("\"strategy\":\"stateful-dpor\"", "\"verdict\":\"verified\"");
        assertThat(dfs.out()).contains("\"verdict\":\"verified\"");
        assertThat(number(c.out(), "executions")).isLessThan(number(dfs.out(), "executions"));
        assertThat(number(c.out(), "stoppedAtVisited")).isPositive();
        assertThat(number(c.out(), "visitedStates")).isPositive();
    }

    @Test
    void theSeedRaceUnderTheEarlyReturnFailsWithAScheduleThatReplayReproduces() {
        Cli c = Cli.run(PROJECT, "search", "--scenario", "hosts-drv", "--variant", "early-return", "--strategy",
                "stateful-dpor");

        assertThat(c.code()).as(c.err()).isEqualTo(1);
        assertThat(c.outLines().get(0)).startsWith("failure: invalid-path");
        assertThat(c.out()).contains("(stateful-dpor, ");
        Cli replay = Cli.run(PROJECT, c.replayArgs());
        assertThat(replay.code()).as(replay.err()).isEqualTo(1);
        assertThat(replay.out()).contains("verdict: fail: invalid-path");
    }

    @Test
    void aPreemptionBoundIsBadInput() {
        Cli c = Cli.run(PROJECT, "search", "--scenario", "hosts-drv", "--variant", "drv-only", "--strategy",
                "stateful-dpor", "--preemptions", "1");

        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).isEqualTo("gcsim: --preemptions does not go with --strategy stateful-dpor"
                + " (accepted: --strategy dfs)\n");
    }

    @Test
    void compareVerifiesTheMergedFixWithItsExhaustivePhaseInFewerExecutionsThanTheDfsNeeds(@TempDir Path dir)
            throws IOException {
        Cli c = Cli.run(PROJECT, "compare", "--scenarios", "hosts-drv", "--variants", "drv-only", "--budget", "200",
                "--exhaustive", "stateful-dpor", "--max-states", "0", "--threads", "1", "--out", dir.toString());

        assertThat(c.code()).as(c.err()).isZero();
        Object json = JsonReader.parse(Files.readString(dir.resolve("report.json"), StandardCharsets.UTF_8));
        Map<?, ?> cell = (Map<?, ?>) ((List<?>) JsonReader.at(json, "cells")).get(0);
        assertThat(cell.get("verdict")).isEqualTo("verified");
        assertThat((Long) JsonReader.at(cell, "dfs", "executions")).isPositive().isLessThan(1412L);
    }

    @Test
    void anExhaustiveSearchCompareDoesNotKnowIsBadInput() {
        Cli c = Cli.run(PROJECT, "compare", "--exhaustive", "bfs");

        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).isEqualTo("gcsim: --exhaustive: 'bfs' is not one of dfs, stateful-dpor\n");
    }

    private static long number(String json, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as(key + " in " + json).isTrue();
        return Long.parseLong(m.group(1));
    }
}
