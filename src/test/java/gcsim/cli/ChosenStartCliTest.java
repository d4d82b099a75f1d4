package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the search chooses, through the commands: a saved schedule that holds a chosen start replays
 * byte for byte, and a bad start is bad input with its place in the file.
 */
class ChosenStartCliTest {
    private static final Project PROJECT = Project.standard(Path.of("").toAbsolutePath());
    private static final Path LONG_WAIT = Path.of("src/test/resources/scenarios/collector-after-long-build.yaml");

    @TempDir
    Path dir;

    private Path withStart(String name, String start) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, Files.readString(LONG_WAIT).replace("name: collector-after-long-build", "name: " + name)
                .replace("start: 1ms", "start: " + start));
        return f;
    }

    @Test
    void aSavedScheduleWithAStartChosenInAWindowReplaysTheSameBytesEveryTime() throws IOException {
        Path scenario = withStart("window", "{after: 1ms, within: 5s}");
        Path saved = dir.resolve("found.schedule");
        Cli search = Cli.run(PROJECT, "search", "--scenario", scenario.toString(), "--variant", "drv-only", "--strategy",
                "random", "--schedules", "2000", "--save-schedule", saved.toString());
        assertThat(search.code()).as(search.out() + search.err()).isEqualTo(1);
        Cli first = Cli.run(PROJECT, "replay", "--schedule", saved.toString());
        Cli second = Cli.run(PROJECT, "replay", "--schedule", saved.toString());
        assertThat(first.code()).isEqualTo(1);
        assertThat(first.out()).contains("nix-collect-garbage starts at ").contains("(start within 5s of 1ms, chosen by the search)");
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void aStartThatIsNeitherADurationNorAChoiceIsBadInputWithItsPlace() throws IOException {
        Path scenario = withStart("bad", "whenever");
        Cli c = Cli.run(PROJECT, "search", "--scenario", scenario.toString(), "--variant", "drv-only");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).startsWith(scenario + ":33:12: start 'whenever' is neither a duration nor any");
        assertThat(c.err().lines()).hasSize(1);
    }
}
