package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schedule files and scenario files named so that they work from any directory, and that notice an edited scenario. */
class ScheduleAnywhereTest {
    @TempDir
    Path dir;

    ToyProject project;

    @BeforeEach
    void setUp() {
        project = ToyProject.create(dir.resolve("project"));
    }

    @Test
    void aScheduleSavedOutsideTheProjectNamesTheScenarioSoItReplaysFromTheProjectRoot() throws Exception {
        Path file = dir.resolve("elsewhere/claim.schedule");
        Cli search = Cli.run(project, "search", "--scenario", dir.resolve("project/scenarios/claim.yaml").toString(),
                "--variant", "unlocked", "--save-schedule", file.toString());
        assertThat(search.code()).isEqualTo(1);
        assertThat(Files.readAllLines(file)).contains("scenario: claim");
        assertThat(Cli.run(project, "replay", "--schedule", file.toString()).code()).isEqualTo(1);
    }

    @Test
    void anEditedScenarioMakesReplayWarnAndStrictReplayRefuse() throws Exception {
        Path file = dir.resolve("claim.schedule");
        Cli.run(project, "search", "--scenario", "claim", "--variant", "unlocked", "--save-schedule", file.toString());
        Cli same = Cli.run(project, "replay", "--schedule", file.toString(), "--strict");
        assertThat(same.code()).isEqualTo(1);
        assertThat(same.err()).doesNotContain("warning");

        Path scenario = dir.resolve("project/scenarios/claim.yaml");
        Files.writeString(scenario, Files.readString(scenario) + "An edit.\n");
        Cli warned = Cli.run(project, "replay", "--schedule", file.toString());
        assertThat(warned.code()).isEqualTo(1);
        assertThat(warned.err()).contains("gcsim: warning: scenario 'claim' changed since the schedule was saved (sha256 ");
        Cli strict = Cli.run(project, "replay", "--schedule", file.toString(), "--strict");
        assertThat(strict.code()).isEqualTo(2);
        assertThat(strict.err()).startsWith("gcsim: --strict: scenario 'claim' changed since the schedule was saved");
    }

    @Test
    void compareTakesAScenarioFileBesideTheLibraryNames() throws Exception {
        Path extra = Files.createDirectories(dir.resolve("mine")).resolve("race.yaml");
        Files.copy(dir.resolve("project/scenarios/claim.yaml"), extra);
        Cli c = Cli.run(project, "compare", "--scenarios", "window," + extra, "--variants", "unlocked", "--budget", "50",
                "--dfs-executions", "0", "--out", dir.resolve("out").toString());
        assertThat(c.code()).as(c.err()).isZero();
        String json = Files.readString(dir.resolve("out/report.json"));
        assertThat(json).contains("\"name\": \"window\"", "\"name\": \"race\"");
        assertThat(json.indexOf("\"name\": \"window\"")).isLessThan(json.indexOf("\"name\": \"race\""));
        assertThat(Files.readString(dir.resolve("out/failures/race--unlocked.schedule")))
                .contains("scenario: " + extra.toAbsolutePath().normalize());
    }

    @Test
    void aBadShardIsBadInputThatSaysWhatIsAccepted() {
        Cli c = Cli.run(project, "compare", "--shard", "3/2");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).isEqualTo("gcsim: --shard: '3/2' is not I/N (accepted: two whole numbers with 1 <= I <= N <= 10000,"
                + " such as 1/4)\n");
    }

    @Test
    void aMalformedExpectedFileIsBadInputBeforeAnyCellRuns() throws Exception {
        Path expected = dir.resolve("expected.yaml");
        Files.writeString(expected, "claim:\n  unlocked: broken\n");
        Cli c = Cli.run(project, "compare", "--scenarios", "claim", "--variants", "unlocked", "--expected", expected.toString(),
                "--check", "--out", dir.resolve("out").toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains(":2:13: unknown verdict 'broken' (accepted: fail, verified, pass, error)");
        assertThat(c.err()).doesNotContain("[1/1]");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
