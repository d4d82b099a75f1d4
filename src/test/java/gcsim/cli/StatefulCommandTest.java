package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code search --strategy stateful} end to end on the library's seed race: a failure found
 * breadth-first is a short ordinary schedule that replay reproduces; a bound on states too small to
 * finish is {@code incomplete} (exit 0) with TLC's figures; a bad order is one line and exit 2.
 */
class StatefulCommandTest {
    private static final Project PROJECT = Project.standard(Path.of("").toAbsolutePath());

    @Test
    void aRaceFoundBreadthFirstIsAShortScheduleThatReplayReproduces() {
        Cli c = Cli.run(PROJECT, "search", "--scenario", "hosts-drv", "--variant", "early-return", "--strategy", "stateful",
                "--order", "bfs");

        assertThat(c.code()).as(c.err()).isEqualTo(1);
        assertThat(c.outLines().get(0)).startsWith("failure: invalid-path");
        assertThat(c.out()).contains("(stateful, bfs)");
        Cli replay = Cli.run(PROJECT, c.replayArgs());
        assertThat(replay.code()).as(replay.err()).isEqualTo(1);
        assertThat(replay.out()).contains("verdict: fail: invalid-path");
    }

    @Test
    void aStateBoundTooSmallToFinishIsIncompleteWithItsFigures() {
        Cli c = Cli.run(PROJECT, "search", "--scenario", "hosts-drv", "--variant", "drv-only", "--strategy", "stateful",
                "--max-states", "50", "--json");

        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("\"strategy\":\"stateful\"", "\"verdict\":\"incomplete\"", "\"distinctStates\":50,",
                "\"maxStates\":50,", "\"failure\":null");
    }

    @Test
    void anOrderItDoesNotKnowIsBadInput() {
        Cli c = Cli.run(PROJECT, "search", "--scenario", "hosts-drv", "--variant", "drv-only", "--strategy", "stateful",
                "--order", "sideways");

        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).isEqualTo("gcsim: --order: 'sideways' is not one of dfs, bfs\n");
    }
}
