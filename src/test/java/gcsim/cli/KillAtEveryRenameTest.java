package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.report.Publication;
import gcsim.report.Staging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code compare} (in a child JVM, with no shutdown work, as SIGKILL does) just before each
 * rename of its publication in turn, lets the next run repair the output folder, and checks that it
 * holds the whole previous report or the whole new one, never a mix, and no staging folder.
 */
class KillAtEveryRenameTest {
    @TempDir
    Path dir;

    /** The previous report: claim under both variants, so it has a failing schedule under failures/. */
    private static final String[] OLD = {"compare", "--scenarios", "claim", "--variants", "unlocked,locked", "--budget", "50",
            "--dfs-executions", "0", "--threads", "1"};
    /** The new report: claim under the locked variant only, so it has no failures/ at all. */
    private static final String[] NEW = {"compare", "--scenarios", "claim", "--variants", "locked", "--budget", "60",
            "--dfs-executions", "0", "--threads", "1"};

    @Test
    void aKillAtAnyRenameOfThePublicationLeavesTheWholeOldOrTheWholeNewReportOnceTheNextRunStarts() throws Exception {
        ToyProject toy = ToyProject.create(dir);
        Path out = dir.resolve("results");
        int oldSeen = 0;
        int newSeen = 0;
        for (int haltAt = 1; haltAt < 40; haltAt++) {
            deleteTree(out);
            Files.createDirectories(out);
            Files.writeString(out.resolve("README.md"), "kept");
            assertThat(Cli.run(toy, with(OLD, "--out", out.toString())).code()).isZero();
            assertThat(kind(out)).isEqualTo("old");

            int code = child(toy.home(), haltAt, with(NEW, "--out", out.toString()));
            try (Staging next = Staging.create(out)) { // what the next run does first
                assertThat(next.dir()).exists();
            }

            String k = kind(out);
            assertThat(k).as("after a kill before rename %d", haltAt).isIn("old", "new");
            assertThat(Files.readString(out.resolve("README.md"))).isEqualTo("kept");
            assertThat(hidden(dir)).as("staging folders left beside the output").isEmpty();
            assertThat(out.resolve(Publication.JOURNAL)).doesNotExist();
            if (code != 137) { // the run had fewer renames than haltAt: it finished
                assertThat(code).isZero();
                assertThat(k).isEqualTo("new");
                break;
            }
            oldSeen += k.equals("old") ? 1 : 0;
            newSeen += k.equals("new") ? 1 : 0;
        }
        assertThat(oldSeen).as("kills that left the old report").isPositive();
        assertThat(newSeen).as("kills that the next run rolled forward to the new report").isGreaterThan(2);
    }

    /** "old" or "new" when every file of the report agrees; a description of the mix otherwise. */
    private static String kind(Path out) throws IOException {
        List<String> seen = new ArrayList<>();
        for (String f : List.of("report.json", "report.md", "report.html")) {
            Path p = out.resolve(f);
            seen.add(!Files.exists(p) ? "missing" : Files.readString(p).contains("unlocked") ? "old" : "new");
        }
        Path schedule = out.resolve("failures/claim--unlocked.schedule");
        seen.add(Files.exists(schedule) ? "old" : Files.exists(out.resolve("failures")) ? "empty failures" : "new");
        return seen.stream().distinct().count() == 1 ? seen.get(0) : String.join(",", seen);
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private static List<String> hidden(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".results")).toList();
        }
    }

    private static int child(Path home, int haltAt, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(HaltAtRename.class.getName());
        cmd.add(home.toString());
        cmd.add(Integer.toString(haltAt));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the child finished").isTrue();
        return p.exitValue();
    }

    private static String[] with(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
