package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search --strategy dfs} and {@code replay --strategy dfs} end to end on the toy systems:
 * the three verdicts with their exit codes, the JSON keys, and the replay line of a failure.
 */
class DfsCommandTest {
    @TempDir
    Path dir;
    ToyProject project;

    @BeforeEach
    void setUp() {
        project = ToyProject.create(dir);
    }

    @Test
    void aRaceFoundByTheExhaustiveSearchIsToldAndItsChoicesReplayIt() {
        Cli c = Cli.run(project, "search", "--scenario", "claim", "--variant", "unlocked", "--strategy", "dfs");

        assertThat(c.code()).as(c.err()).isEqualTo(1);
        List<String> lines = c.outLines();
        assertThat(lines.get(0)).isEqualTo("failure: invariant seen by claim slot");
        assertThat(lines).anyMatch(l -> l.matches("\\d+\\. (locked|unlocked): error: the slot was claimed twice"));
        assertThat(lines.get(lines.size() - 2)).startsWith("found in execution ").contains("(dfs, ");
        Cli replay = Cli.run(project, c.replayArgs());
        assertThat(replay.code()).as(replay.err()).isEqualTo(1);
        assertThat(replay.out()).contains("verdict: fail: invariant seen by claim slot");
    }

    @Test
    void aRaceFreeVariantIsVerifiedWithItsFiguresAndExitsZero() {
        Cli c = Cli.run(project, "search", "--scenario", "claim", "--variant", "locked", "--strategy", "dfs");

        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.outLines().get(0)).isEqualTo("verdict: verified: no schedule fails, within executions of at most"
                + " 100000 steps (--max-steps), no preemption bound, at most 3 retry-loop turns (clock advance or busy"
                + " retry) in a row past an actor that can run (--starvation)");
        assertThat(c.out()).containsPattern("executions: [1-9]\\d* ").containsPattern("pruned: \\d+ ")
                .contains("cut: 0 ").containsPattern("terminal states: [1-9]");
    }

    @Test
    void aBudgetTooSmallToExhaustTheSpaceIsIncompleteAndExitsZero() {
        Cli c = Cli.run(project, "search", "--scenario", "claim", "--variant", "locked", "--strategy", "dfs",
                "--max-executions", "1", "--json");

        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("\"verdict\":\"incomplete\"", "\"executions\":1,", "\"complete\":false",
                "\"preemptionBound\":null", "\"failure\":null");
    }

    @Test
    void theJsonOfABoundedSearchCarriesTheIssuesKeys() {
        Cli c = Cli.run(project, "search", "--scenario", "claim", "--variant", "locked", "--strategy", "dfs",
                "--preemptions", "1", "--json");

        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.outLines()).hasSize(1);
        assertThat(c.out()).startsWith("{\"scenario\":\"claim\",\"variant\":\"locked\",\"strategy\":\"dfs\",\"seed\":null,")
                .contains("\"verdict\":\"verified\"", "\"complete\":true", "\"preemptionBound\":1", "\"starvationBound\":3")
                .containsPattern("\"executions\":[1-9]\\d*,\"pruned\":\\d+,\"terminalStates\":[1-9]\\d*,");
    }

    @Test
    void replayWithTheExhaustiveSearchPrintsTheSameFailuresWholeTraceTwiceAlike() {
        Cli search = Cli.run(project, "search", "--scenario", "claim", "--variant", "unlocked", "--strategy", "dfs");
        Cli first = Cli.run(project, "replay", "--scenario", "claim", "--variant", "unlocked", "--strategy", "dfs");
        Cli second = Cli.run(project, "replay", "--scenario", "claim", "--variant", "unlocked", "--strategy", "dfs");

        assertThat(first.code()).as(first.err()).isEqualTo(1);
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(first.out()).contains("#1  ", "\nstory:\n", "verdict: fail: invariant seen by claim slot");
        List<String> searchStory = search.outLines().stream().filter(l -> l.matches("\\d+\\. .*")).toList();
        List<String> replayStory = first.outLines().stream().filter(l -> l.matches("\\d+\\. .*")).toList();
        assertThat(replayStory).isEqualTo(searchStory);
        assertThat(first.outLines().get(first.outLines().size() - 1)).isEqualTo(search.outLines().get(search.outLines().size() - 1));
    }

    @Test
    void dfsOptionsWithAnotherStrategyAndBadBoundsAreOneLineErrors() {
        Cli c = Cli.run(project, "search", "--scenario", "claim", "--variant", "locked", "--preemptions", "2");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).isEqualTo("gcsim: --preemptions goes with --strategy dfs only (accepted: --strategy dfs,"
                + " or leave it out)\n");

        c = Cli.run(project, "search", "--scenario", "claim", "--variant", "locked", "--strategy", "dfs", "--preemptions", "-1");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).startsWith("gcsim: --preemptions: '-1' is not a whole number from 0 up (accepted: 0 ");

        c = Cli.run(project, "search", "--scenario", "claim", "--variant", "locked", "--strategy", "dfs", "--max-executions", "0");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).isEqualTo("gcsim: --max-executions: '0' is not positive (accepted: a positive whole number)\n");

        c = Cli.run(project, "search", "--scenario", "claim", "--variant", "locked", "--strategy", "dfs", "--starvation", "x");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).startsWith("gcsim: --starvation: 'x' is not a whole number from 0 up or none (accepted: ");

        c = Cli.run(project, "replay", "--scenario", "claim", "--variant", "locked", "--seed", "1", "--max-executions", "5");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("--max-executions goes with --strategy dfs only");
    }

    @Test
    void theStarvationBoundCanBeLiftedAndTheJsonSaysSo() {
        Cli c = Cli.run(project, "search", "--scenario", "claim", "--variant", "locked", "--strategy", "dfs",
                "--starvation", "none", "--json");

        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("\"starvationBound\":null", "\"verdict\":\"verified\"");
    }

    @Test
    void aRaceThatNeedsOnePreemptionIsVerifiedUnderBoundZeroAndFoundUnderBoundOne() {
        Cli none = Cli.run(project, "search", "--scenario", "claim", "--variant", "unlocked", "--strategy", "dfs",
                "--preemptions", "0", "--json");
        Cli one = Cli.run(project, "search", "--scenario", "claim", "--variant", "unlocked", "--strategy", "dfs",
                "--preemptions", "1", "--json");

        assertThat(none.code()).as(none.out()).isZero();
        assertThat(none.out()).contains("\"verdict\":\"verified\"", "\"preemptionBound\":0");
        assertThat(one.code()).as(one.out()).isEqualTo(1);
        assertThat(one.out()).contains("\"verdict\":\"fail\"", "\"preemptionBound\":1", "the slot was claimed twice");
    }
}
