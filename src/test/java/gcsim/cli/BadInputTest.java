package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad input ends with exit code 2 and exactly one line on stderr, never a stack trace. */
class BadInputTest {
    @TempDir
    Path dir;
    ToyProject project;

    @BeforeEach
    void setUp() {
        project = ToyProject.create(dir);
    }

    private Cli badInput(String... args) {
        Cli c = Cli.run(project, args);
        assertThat(c.code()).as("exit code of %s; stderr %s", String.join(" ", args), c.err()).isEqualTo(2);
        assertThat(c.errLines()).as("stderr").hasSize(1);
        assertThat(c.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(c.out()).isEmpty();
        return c;
    }

    @Test
    void anUnknownOptionIsNamedWithTheOptionsTheCommandAccepts() {
        Cli c = badInput("search", "--scenario", "claim", "--variant", "unlocked", "--foo");
        assertThat(c.err()).startsWith("gcsim: search: unknown option '--foo' (accepted: --scenario, --variant, --strategy,");
    }

    @Test
    void anUnknownCommandIsNamedWithTheCommandsThatExist() {
        Cli c = badInput("serch");
        assertThat(c.err()).isEqualTo("gcsim: unknown command 'serch' (accepted: list, search, replay, compare, merge, differential, bench)\n");
    }

    @Test
    void noCommandAtAllIsBadInput() {
        Cli c = badInput();
        assertThat(c.err()).startsWith("gcsim: missing command (accepted: list, search, replay");
    }

    @Test
    void anUnknownScenarioNameListsTheScenariosThatExist() {
        Cli c = badInput("search", "--scenario", "nope", "--variant", "unlocked");
        assertThat(c.err()).isEqualTo("gcsim: unknown scenario 'nope' (accepted: broken, claim, window; or a path to a .yaml file)\n");
    }

    @Test
    void aScenarioPathThatDoesNotExistIsBadInput() {
        Cli c = badInput("search", "--scenario", "no/such.yaml", "--variant", "unlocked");
        assertThat(c.err()).startsWith("gcsim: --scenario: no such file 'no/such.yaml' (accepted: broken, claim, window");
    }

    @Test
    void anUnknownVariantListsTheVariantIds() {
        Cli c = badInput("search", "--scenario", "claim", "--variant", "nope");
        assertThat(c.err()).isEqualTo("gcsim: unknown variant 'nope' (accepted: unlocked, locked, crashing)\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--schedules", "--max-steps", "--pct-depth", "--threads", "--pct-k"})
    void aNegativeCountIsBadInput(String option) {
        Cli c = badInput("search", "--scenario", "claim", "--variant", "unlocked", "--strategy", "pct", option, "-5");
        assertThat(c.err()).startsWith("gcsim: " + option + ": '-5' is not positive (accepted: a positive whole number");
    }

    @Test
    void zeroSchedulesAndWordsForNumbersAreBadInput() {
        badInput("search", "--scenario", "claim", "--variant", "unlocked", "--schedules", "0");
        Cli c = badInput("search", "--scenario", "claim", "--variant", "unlocked", "--max-steps", "lots");
        assertThat(c.err()).contains("'lots' is not a whole number");
    }

    @Test
    void anUnknownStrategyNamesTheStrategiesThatExist() {
        Cli c = badInput("search", "--scenario", "claim", "--variant", "unlocked", "--strategy", "bfs");
        assertThat(c.err()).isEqualTo("gcsim: --strategy: 'bfs' is not one of random, pct, dfs, stateful, stateful-dpor\n");
    }

    @Test
    void aMissingRequiredOptionIsNamed() {
        Cli c = badInput("search", "--scenario", "claim");
        assertThat(c.err()).startsWith("gcsim: search: missing --variant ID (accepted: ");
    }

    @Test
    void anOptionWithoutItsValueIsNamed() {
        Cli c = badInput("search", "--variant", "unlocked", "--scenario");
        assertThat(c.err()).isEqualTo("gcsim: search: --scenario needs a value (accepted: NAME|FILE)\n");
    }

    @Test
    void anOptionGivenTwiceIsBadInput() {
        Cli c = badInput("search", "--scenario", "claim", "--variant", "unlocked", "--seed", "1", "--seed", "2");
        assertThat(c.err()).isEqualTo("gcsim: search: --seed is given twice (accepted: each option once)\n");
    }

    @Test
    void aBrokenScenarioFileIsReportedExactlyAsTheLoaderWroteIt() {
        Cli c = badInput("search", "--scenario", "broken", "--variant", "unlocked");
        assertThat(c.err()).isEqualTo(dir.resolve("scenarios/broken.yaml")
                + ":3:5: unknown key 'proceses' (accepted: name, description, processes)\n");
    }

    @Test
    void replayNeedsExactlyOneScheduleSource() {
        badInput("replay", "--scenario", "claim", "--variant", "unlocked");
        Cli c = badInput("replay", "--scenario", "claim", "--variant", "unlocked", "--seed", "3", "--choices", "g1.bc");
        assertThat(c.err()).contains("exactly one of --seed, --choices, --schedule, --strategy dfs");
    }

    @Test
    void aMalformedChoicesStringIsBadInput() {
        Cli c = badInput("replay", "--scenario", "claim", "--variant", "unlocked", "--choices", "x1.abc");
        assertThat(c.err()).startsWith("gcsim: --choices: a choices string starts with 'g1.'");
    }

    @Test
    void aScheduleThatDoesNotFitTheScenarioIsBadInput() {
        Cli c = badInput("replay", "--scenario", "claim", "--variant", "unlocked", "--choices", "g1.zzz");
        assertThat(c.err()).startsWith("gcsim: the schedule cannot be followed: ");
    }

    @Test
    void aScheduleWithChoicesLeftOverIsBadInput() {
        Cli c = badInput("replay", "--scenario", "claim", "--variant", "unlocked", "--choices", "g1." + "b".repeat(200));
        assertThat(c.err()).startsWith("gcsim: the schedule cannot be followed: the execution ended");
    }

    @Test
    void strategyOptionsWithoutASeedAreBadInput() {
        Cli c = badInput("replay", "--scenario", "claim", "--variant", "unlocked", "--choices", "g1.b", "--strategy", "pct");
        assertThat(c.err()).contains("go with --seed only");
    }

    @Test
    void aMissingScheduleFileIsBadInput() {
        Cli c = badInput("replay", "--schedule", dir.resolve("none.schedule").toString());
        assertThat(c.err()).startsWith("gcsim: --schedule: no such file");
    }

    @Test
    void aProjectWithoutAVariantsFileIsBadInput(@TempDir Path empty) {
        Cli c = Cli.run(new ToyProject(empty), "list");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.errLines()).hasSize(1);
        assertThat(c.err()).startsWith("gcsim: no variants file at ");
    }
}
