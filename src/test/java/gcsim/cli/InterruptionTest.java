package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.report.Staging;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGINT, SIGTERM and SIGKILL during a search or compare (in a child JVM on a {@link ToyProject}):
 * a one-line summary and exit 130 or 143, and every failure found so far kept on disk, replayable.
 */
class InterruptionTest {
    @TempDir
    Path dir;

    /** claim × unlocked fails at once; window × locked then runs for a long time. */
    private static final String[] LONG_COMPARE = {"compare", "--scenarios", "claim,window", "--variants", "unlocked,locked",
            "--budget", "2000000000", "--dfs-executions", "0", "--threads", "1"};

    @Test
    void sigintDuringCompareKeepsTheFailuresFoundSoFarAndSaysWhere() throws Exception {
        ToyProject toy = ToyProject.create(dir);
        Path out = dir.resolve("results");
        Process p = start(toy.home(), with(LONG_COMPARE, "--out", out.toString()));
        awaitStagedFailure(p);

        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        String err = Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(130);
        String last = err.lines().reduce((a, b) -> b).orElse("");
        assertThat(last).startsWith("gcsim: compare interrupted: ").contains("failed", "results.interrupted", "(SIGINT)");
        Path kept = dir.resolve("results.interrupted/failures/claim--unlocked.schedule");
        assertThat(kept).exists();
        assertThat(Cli.run(toy, "replay", "--schedule", kept.toString()).code()).as("the kept schedule replays").isOne();
        assertThat(out.resolve("report.json")).as("no report was published").doesNotExist();
        assertThat(last).contains("nothing was written to");
    }

    @Test
    void theInterruptedLineCountsCellsAsTheyFinishAndLeavesAPreviousReportAlone() throws Exception {
        ToyProject toy = ToyProject.create(dir);
        Path out = dir.resolve("results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.json"), "{\"previous\": true}\n");
        // claim × locked comes first in the report and runs for long; claim × crashing, beside it, ends at once
        Process p = start(toy.home(), "compare", "--scenarios", "claim", "--variants", "locked,crashing",
                "--budget", "2000000000", "--dfs-executions", "0", "--threads", "2", "--out", out.toString());
        awaitStderrLine(p, "gcsim: [1/2] claim ");

        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        String last = Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8).lines().reduce((x, y) -> y).orElse("");
        assertThat(p.exitValue()).isEqualTo(130);
        assertThat(last).contains("1 of 2 cells ran, 0 failed", "the previous report in ", " is unchanged");
        assertThat(out.resolve("report.json")).hasContent("{\"previous\": true}");
    }

    @Test
    void aCompareKilledAfterFindingAFailureLeavesItForTheNextRunToKeep() throws Exception {
        ToyProject toy = ToyProject.create(dir);
        Path out = dir.resolve("results");
        Process p = start(toy.home(), with(LONG_COMPARE, "--out", out.toString()));
        awaitStagedFailure(p);

        new ProcessBuilder("kill", "-KILL", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (Staging next = Staging.create(out)) {
            assertThat(next.dir()).exists();
        }

        Path kept = dir.resolve("results.interrupted/failures/claim--unlocked.schedule");
        assertThat(kept).exists();
        assertThat(Cli.run(toy, "replay", "--schedule", kept.toString()).code()).isOne();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(f -> f.getFileName().toString()).filter(n -> n.contains(".staging-")).toList()).isEmpty();
        }
    }

    @Test
    void sigtermDuringSearchSaysHowFarItGotAndExits143() throws Exception {
        ToyProject toy = ToyProject.create(dir);
        Process p = start(toy.home(), "search", "--scenario", "claim", "--variant", "locked", "--strategy", "random", "--schedules", "2000000000",
                "--threads", "1");
        awaitStarted(p); // the search runs: a fixed sleep lost the race to a slow JVM start on a loaded machine

        p.destroy(); // SIGTERM
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        String err = Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(143);
        assertThat(err.lines().reduce((a, b) -> b).orElse("")).matches(
                "gcsim: search interrupted after \\d+ schedules \\(random, base seed 1\\); no failure found \\(SIGTERM\\)");
    }

    /** Waits until the child's search has run its first execution, so its summary is set. */
    private void awaitStarted(Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(p.isAlive()).as("the search still runs").isTrue();
            if (Files.exists(dir.resolve("started"))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the search ran no execution within 60 s");
    }

    /** Waits until the child's stderr has a line starting with {@code prefix}. */
    private void awaitStderrLine(Process p, String prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(p.isAlive()).as("the compare still runs").isTrue();
            if (Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8).lines().anyMatch(l -> l.startsWith(prefix))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line starting with '" + prefix + "' within 60 s");
    }

    /** Waits until the child has written claim × unlocked's schedule into its staging folder. */
    private void awaitStagedFailure(Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            assertThat(p.isAlive()).as("the compare still runs").isTrue();
            if (stagedFailure()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no failure was staged within 30 s");
    }

    private boolean stagedFailure() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().startsWith(".results.staging-"))
                    .anyMatch(f -> Files.exists(f.resolve("failures/claim--unlocked.schedule")));
        }
    }

    private Process start(Path home, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Dgcsim.test.started=" + dir.resolve("started"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(HaltAtRename.class.getName());
        cmd.add(home.toString());
        cmd.add("0");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr").toFile()).start();
    }

    private static String[] with(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
