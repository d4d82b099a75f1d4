package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code search} killed right after it found a failure keeps it: the schedule is on disk, whole,
 * and replays to the failure. The child ({@link StallTheStory}) is held between saving the failure
 * and printing its story, and says so in a marker file, so each signal lands at that moment on
 * every run, not by luck of timing.
 */
class SearchKilledAfterAFailureTest {
    private static final Path HOME = Path.of("").toAbsolutePath();
    private static final Project PROJECT = Project.standard(HOME);
    /** hosts-drv fails under the early return within a few random schedules. */
    private static final String[] SEARCH = {"search", "--scenario", "hosts-drv", "--variant", "early-return",
            "--strategy", "random", "--schedules", "1000000", "--threads", "1"};

    @TempDir
    Path dir;

    @Test
    void aSearchKilledRightAfterFindingAFailureLeavesItsScheduleOnDiskWholeAndItReplays() throws Exception {
        Path saved = dir.resolve("out/found.schedule");
        Process p = start(with(SEARCH, "--save-schedule", saved.toString()));
        awaitTheFailure(p);

        p.destroyForcibly(); // SIGKILL: no handler runs
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(137);
        try (Stream<Path> s = Files.list(saved.getParent())) {
            assertThat(s.map(f -> f.getFileName().toString())).as("no temporary file beside it").containsExactly("found.schedule");
        }
        Cli replay = Cli.run(PROJECT, "replay", "--schedule", saved.toString());
        assertThat(replay.code()).as("the saved schedule replays to the failure; %s", replay.err()).isOne();
        assertThat(replay.out()).contains("hosts.drv", "is not valid");
    }

    @Test
    void aSearchTerminatedRightAfterFindingAFailureSaysWhereItSavedItAndExits143() throws Exception {
        Path saved = dir.resolve("out/found.schedule");
        Process p = start(with(SEARCH, "--save-schedule", saved.toString()));
        awaitTheFailure(p);

        p.destroy(); // SIGTERM
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(143);
        assertThat(lastLineOfStderr()).matches("gcsim: search interrupted after finding a failure in schedule \\d+ "
                + "\\(random, base seed 1\\); saved to " + Pattern.quote(saved.toString()) + " \\(SIGTERM\\)");
        assertThat(Cli.run(PROJECT, "replay", "--schedule", saved.toString()).code()).isOne();
    }

    @Test
    void aSearchInterruptedAfterFindingAFailureWithNowhereToSaveItPrintsAReplayCommandThatReproducesIt() throws Exception {
        Process p = start(SEARCH);
        awaitTheFailure(p);

        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(130);
        String line = lastLineOfStderr();
        assertThat(line).startsWith("gcsim: search interrupted after finding a failure in schedule ")
                .contains("; replay: sim/gcsim replay --scenario hosts-drv --variant early-return --choices ")
                .endsWith(" (SIGINT)");
        String command = line.substring(line.indexOf("replay --scenario"), line.length() - " (SIGINT)".length());
        Cli replay = Cli.run(PROJECT, command.split(" "));
        assertThat(replay.code()).as("%s: %s", command, replay.err()).isOne();
        assertThat(replay.out()).contains("hosts.drv", "is not valid");
    }

    /** Waits until the child has found a failure (and saved it, if asked) and is held before printing it. */
    private void awaitTheFailure(Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            assertThat(p.isAlive()).as("the search still runs; stderr: %s", stderr()).isTrue();
            if (Files.exists(dir.resolve("stalled"))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the search found no failure within 30 s; stderr: " + stderr());
    }

    private String stderr() throws IOException {
        return Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
    }

    private String lastLineOfStderr() throws IOException {
        return stderr().lines().reduce((a, b) -> b).orElse("");
    }

    private Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(StallTheStory.class.getName());
        cmd.add(HOME.toString());
        cmd.add(dir.resolve("stalled").toString());
        cmd.addAll(Arrays.asList(args));
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr").toFile()).start();
    }

    private static String[] with(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
