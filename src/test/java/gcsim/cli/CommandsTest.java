package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end on toy systems: what search prints, and that its replay line reproduces the failure. */
class CommandsTest {
    @TempDir
    Path dir;
    ToyProject project;

    @BeforeEach
    void setUp() {
        project = ToyProject.create(dir);
    }

    @Test
    void searchTellsTheStoryOfTheFailureAndEndsWithAReplayLine() {
        Cli c = Cli.run(project, "search", "--scenario", "claim", "--variant", "unlocked", "--strategy", "random", "--seed", "7");
        assertThat(c.code()).as(c.err()).isEqualTo(1);
        List<String> lines = c.outLines();
        assertThat(lines.get(0)).isEqualTo("failure: invariant seen by claim slot");
        assertThat(lines.get(1)).startsWith("found in schedule ").contains("(random, base seed 7): seed ");
        List<String> story = lines.subList(2, lines.size() - 1);
        assertThat(story).hasSize(5);
        assertThat(story.get(0)).matches("1\\. (locked|unlocked): sees the slot free");
        assertThat(story.get(1)).matches("2\\. (locked|unlocked): sees the slot free");
        assertThat(story.get(2)).matches("3\\. (locked|unlocked): claims the slot");
        assertThat(story.get(3)).matches("4\\. (locked|unlocked): claims the slot");
        assertThat(story.get(4)).matches("5\\. (locked|unlocked): error: the slot was claimed twice");
        assertThat(lines.get(lines.size() - 1))
                .matches("replay: sim/gcsim replay --scenario claim --variant unlocked --choices g1\\.[a-z0-9A-Z_-]+");
    }

    @Test
    void theReplayLineReproducesTheFailureAndTwoReplaysPrintIdenticalBytes() {
        Cli search = Cli.run(project, "search", "--scenario", "claim", "--variant", "unlocked", "--seed", "3");
        String[] replay = search.replayArgs();
        Cli first = Cli.run(project, replay);
        Cli second = Cli.run(project, replay);
        assertThat(first.code()).as(first.err()).isEqualTo(1);
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(first.out()).contains("#1  ").contains("\nstory:\n").contains("verdict: fail: invariant seen by claim slot");
        List<String> searchStory = search.outLines().stream().filter(l -> l.matches("\\d+\\. .*")).toList();
        List<String> replayStory = first.outLines().stream().filter(l -> l.matches("\\d+\\. .*")).toList();
        assertThat(replayStory).isEqualTo(searchStory);
    }

    @Test
    void theSameSearchFindsTheSameFailureWhateverTheNumberOfThreads() {
        Cli one = Cli.run(project, "search", "--scenario", "claim", "--variant", "unlocked", "--seed", "11", "--threads", "1");
        Cli two = Cli.run(project, "search", "--scenario", "claim", "--variant", "unlocked", "--seed", "11", "--threads", "2");
        assertThat(two.out()).isEqualTo(one.out());
    }

    @Test
    void searchJsonIsOneLineWithTheDocumentedKeys() {
        Cli c = Cli.run(project, "search", "--scenario", "claim", "--variant", "unlocked", "--strategy", "random", "--seed", "3", "--json");
        assertThat(c.code()).isEqualTo(1);
        assertThat(c.outLines()).hasSize(1);
        String json = c.out().strip();
        assertThat(json).startsWith("{\"scenario\":\"claim\",\"variant\":\"unlocked\",\"strategy\":\"random\",\"seed\":")
                .contains(",\"verdict\":\"fail\",\"failure\":{\"kind\":\"invariant\",\"check\":\"claim slot\",\"path\":null,"
                        + "\"message\":\"the slot was claimed twice\",\"actor\":")
                .contains(",\"replay\":\"sim/gcsim replay --scenario claim --variant unlocked --choices g1.")
                .contains(",\"schedulesPerSecond\":").contains(",\"elapsedMs\":").endsWith("}");
    }

    @Test
    void theSeedInTheJsonReplaysTheSameFailure() {
        Cli c = Cli.run(project, "search", "--scenario", "claim", "--variant", "unlocked", "--seed", "5", "--json");
        String seed = c.out().replaceAll(".*\"seed\":(\\d+),.*\\s*", "$1");
        Cli byChoices = Cli.run(project, c.out().replaceAll(".*\"replay\":\"sim/gcsim ([^\"]*)\".*\\s*", "$1").split(" "));
        Cli bySeed = Cli.run(project, "replay", "--scenario", "claim", "--variant", "unlocked", "--seed", seed);
        assertThat(bySeed.code()).isEqualTo(1);
        assertThat(bySeed.out()).isEqualTo(byChoices.out());
    }

    @Test
    void withoutAFailureSearchPrintsTheCountsAndExitsZero() {
        Cli c = Cli.run(project, "search", "--scenario", "claim", "--variant", "locked", "--strategy", "random", "--schedules", "300");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.outLines()).hasSize(3);
        assertThat(c.outLines().get(0)).isEqualTo("no failure in 300 schedules (random, base seed 1)");
        assertThat(c.outLines().get(1)).isEqualTo("cut: 0 (executions that reached --max-steps 100000)");
        assertThat(c.outLines().get(2)).matches("schedules per second: \\d+\\.\\d");
    }

    @Test
    void aPassingSearchInJsonReportsTheBaseSeedAndNulls() {
        Cli c = Cli.run(project, "search", "--scenario", "claim", "--variant", "locked", "--strategy", "random", "--schedules", "50", "--seed", "42", "--json");
        assertThat(c.code()).isZero();
        assertThat(c.out()).startsWith("{\"scenario\":\"claim\",\"variant\":\"locked\",\"strategy\":\"random\",\"seed\":42,"
                + "\"schedules\":50,\"cut\":0,\"verdict\":\"pass\",\"failure\":null,\"replay\":null,\"schedulesPerSecond\":");
    }

    @Test
    void pctSearchPrintsItsBoundAndItsFailureReplaysFromTheSeed() {
        Cli c = Cli.run(project, "search", "--scenario", "window", "--variant", "unlocked", "--strategy", "pct",
                "--pct-depth", "2", "--schedules", "20000");
        assertThat(c.code()).as(c.err()).isEqualTo(1);
        assertThat(c.out()).containsPattern("PCT bound: 1/\\(n·k\\^\\(d-1\\)\\) = 1/\\(2·\\d+\\^1\\) = ");
        String found = c.outLines().get(1);
        String seed = found.replaceAll(".*: seed (\\d+), pct-k (\\d+);.*", "$1");
        String k = found.replaceAll(".*: seed (\\d+), pct-k (\\d+);.*", "$2");
        Cli bySeed = Cli.run(project, "replay", "--scenario", "window", "--variant", "unlocked", "--seed", seed,
                "--strategy", "pct", "--pct-depth", "2", "--pct-k", k);
        Cli byChoices = Cli.run(project, c.replayArgs());
        assertThat(bySeed.code()).isEqualTo(1);
        assertThat(bySeed.out()).isEqualTo(byChoices.out());
    }

    @Test
    void aSavedScheduleFileReplaysAloneRefusesAnotherScenarioAndCarriesOverToAnotherVariant() throws Exception {
        Path file = dir.resolve("out/claim.schedule");
        Cli search = Cli.run(project, "search", "--scenario", "claim", "--variant", "unlocked", "--save-schedule", file.toString());
        assertThat(search.code()).isEqualTo(1);
        List<String> saved = Files.readAllLines(file);
        assertThat(saved).hasSize(6);
        assertThat(saved.get(0)).isEqualTo("gcsim-schedule 1");
        assertThat(saved.get(1)).matches("gcsim-version: \\S+");
        assertThat(saved.subList(2, 4)).containsExactly("scenario: claim", "variant: unlocked");
        assertThat(saved.get(4)).startsWith("choices: g1.");
        assertThat(saved.get(5)).matches("scenario-sha256: [0-9a-f]{64}");

        Cli alone = Cli.run(project, "replay", "--schedule", file.toString());
        Cli byChoices = Cli.run(project, search.replayArgs());
        assertThat(alone.code()).isEqualTo(1);
        assertThat(alone.out()).isEqualTo(byChoices.out());

        Cli matching = Cli.run(project, "replay", "--schedule", file.toString(), "--scenario", "claim", "--variant", "unlocked");
        assertThat(matching.out()).isEqualTo(alone.out());

        Cli other = Cli.run(project, "replay", "--schedule", file.toString(), "--variant", "locked");
        assertThat(other.code()).as("carried to the locked variant, the race is closed").isEqualTo(0);
        assertThat(other.outLines().get(other.outLines().size() - 1)).startsWith("outcome: closed at step ");

        Cli elsewhere = Cli.run(project, "replay", "--schedule", file.toString(), "--scenario", "window", "--variant",
                "unlocked");
        assertThat(elsewhere.code()).isEqualTo(2);
        assertThat(elsewhere.err()).isEqualTo("gcsim: --scenario 'window' does not match the schedule file's 'claim'"
                + " (accepted: 'claim', or leave --scenario out)\n");
    }

    @Test
    void replayJsonCarriesTheTraceAndTheStoryAndNoTimings() {
        Cli search = Cli.run(project, "search", "--scenario", "claim", "--variant", "unlocked");
        String[] args = search.replayArgs();
        String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
        withJson[args.length] = "--json";
        Cli c = Cli.run(project, withJson);
        assertThat(c.code()).isEqualTo(1);
        assertThat(c.outLines()).hasSize(1);
        assertThat(c.out()).contains("\"strategy\":\"choices\",\"seed\":null,\"schedules\":1,\"cut\":0,\"verdict\":\"fail\"")
                .contains("\"schedulesPerSecond\":null,\"elapsedMs\":null,\"trace\":[{\"step\":")
                .contains("\"story\":[\"1. ");
        assertThat(Cli.run(project, withJson).out()).isEqualTo(c.out());
    }

    @Test
    void aPassingReplayExitsZeroAndSaysHowItEnded() {
        Cli c = Cli.run(project, "replay", "--scenario", "claim", "--variant", "locked", "--seed", "1");
        assertThat(c.code()).isZero();
        assertThat(c.outLines().get(c.outLines().size() - 1)).matches("verdict: pass: completed after \\d+ steps, virtual time 0s");
    }

    @Test
    void aScenarioCanBeGivenAsAFilePathAndTheReplayLineNamesItSoItWorksFromAnywhere() throws Exception {
        String path = dir.resolve("scenarios/claim.yaml").toString();
        Cli c = Cli.run(project, "search", "--scenario", path, "--variant", "unlocked");
        assertThat(c.code()).isEqualTo(1);
        assertThat(c.out()).contains("replay: sim/gcsim replay --scenario claim --variant unlocked --choices g1.");

        Files.createDirectories(dir.resolve("more"));
        Files.copy(dir.resolve("scenarios/claim.yaml"), dir.resolve("more/other.yaml"));
        Cli inProject = Cli.run(project, "search", "--scenario", dir.resolve("more/other.yaml").toString(), "--variant", "unlocked");
        assertThat(inProject.out()).as("a project file is named relative to the project root")
                .contains("replay: sim/gcsim replay --scenario more/other.yaml --variant unlocked --choices g1.");
        assertThat(Cli.run(project, inProject.replayArgs()).code()).isEqualTo(1);
    }

    @Test
    void aNonDefaultStepBoundIsPartOfTheReplayLine() {
        Cli c = Cli.run(project, "search", "--scenario", "claim", "--variant", "unlocked", "--max-steps", "5000");
        assertThat(c.outLines().get(c.outLines().size() - 1)).endsWith(" --max-steps 5000");
        assertThat(Cli.run(project, c.replayArgs()).code()).isEqualTo(1);
    }

    @Test
    void aBugInTheModelIsAnInternalErrorOnOneLine() {
        Cli c = Cli.run(project, "search", "--scenario", "claim", "--variant", "crashing", "--strategy", "random");
        assertThat(c.code()).isEqualTo(3);
        assertThat(c.errLines()).hasSize(1);
        assertThat(c.err()).startsWith("gcsim: internal error: schedule 1 (seed ")
                .contains("threw java.lang.IllegalStateException: toy model bug; reproduce with: sim/gcsim replay --scenario claim"
                        + " --variant crashing --seed ");
    }

    @Test
    void listReportsABrokenScenarioFileAsBadInput() {
        Cli c = Cli.run(project, "list");
        assertThat(c.code()).as(c.err()).isEqualTo(2);
        assertThat(c.err()).contains("unknown key 'proceses'");
    }

    @Test
    void listShowsEveryScenarioWithTheFirstLineOfItsDescriptionAndEveryVariantsSwitches() throws Exception {
        Files.delete(dir.resolve("scenarios/broken.yaml"));
        Cli c = Cli.run(project, "list");
        assertThat(c.code()).as(c.err()).isZero();
        List<String> lines = c.outLines();
        assertThat(lines).hasSize(11);
        assertThat(lines.subList(0, 8)).containsExactly(
                "scenarios (--scenario NAME):",
                "  claim   Two actors claim one slot.",
                "  window  A reader hits a one-step window.",
                "variants (--variant ID):",
                "  unlocked  only one actor takes the lock",
                "  locked    both actors take the lock",
                "  crashing  every execution throws",
                "switches:");
        assertThat(lines.get(8)).startsWith("  unlocked  write-derivation=early-return fetch-cache-temp-root=false caller-roots=false");
        assertThat(lines.get(9)).startsWith("  locked    write-derivation=root-drv fetch-cache-temp-root=true caller-roots=false");
        assertThat(lines.get(10)).startsWith("  crashing  write-derivation=early-return fetch-cache-temp-root=false caller-roots=false");
        assertThat(lines.subList(8, 11)).allMatch(l -> l.matches("  \\S+ +([a-z-]+=[a-z0-9.-]+)( [a-z-]+=[a-z0-9.-]+)*"));
    }

    @Test
    void versionPrintsGcsimAndTheVersion() {
        Cli c = Cli.run(project, "--version");
        assertThat(c.code()).isZero();
        assertThat(c.out()).matches("gcsim \\d+\\.\\d+\\.\\d+\\S*\n");
    }

    @Test
    void helpGoesToStdoutAndExitsZero() {
        Cli c = Cli.run(project, "search", "--help");
        assertThat(c.code()).isZero();
        assertThat(c.out()).contains("--scenario=NAME|FILE").contains("--pct-depth=D");
    }
}
