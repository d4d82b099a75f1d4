package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.Executor;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioException;
import gcsim.variant.Variant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The habits of CI and of reviewers, on a small subset of the real library (two scenarios × two
 * variants, small budgets): a run's files are the same bytes every time, shards merged equal a
 * single run, {@code --check} catches a changed verdict, and the summary's links resolve. The
 * project root is a temporary folder (scenarios are read from the real library), so the report's
 * paths are project-relative as in {@code results/}.
 */
class ShardMergeTest {
    private static final String[] SUBSET = {"--scenarios", "hosts-drv,gc", "--variants", "early-return,drv-only",
            "--budget", "200", "--dfs-executions", "0"};

    @TempDir
    static Path home;

    static Project project;
    static Cli single;

    /** The standard project with its root at {@code home} and the real scenarios. */
    record Elsewhere(Path home, Project real) implements Project {
        @Override
        public Path scenariosDir() {
            return real.scenariosDir();
        }

        @Override
        public Scenario loadScenario(Path file) throws ScenarioException {
            return real.loadScenario(file);
        }

        @Override
        public List<Variant> loadVariants(Path file) throws ScenarioException {
            return real.loadVariants(file);
        }

        @Override
        public Executor executor(Scenario scenario, Variant variant, int maxSteps, int starvationBound) {
            return real.executor(scenario, variant, maxSteps, starvationBound);
        }
    }

    @BeforeAll
    static void runOnceWholeAndOnceInTwoShards() throws IOException {
        project = new Elsewhere(home, Project.standard(Path.of("").toAbsolutePath()));
        single = Cli.run(project, args("--out", home.resolve("results").toString(), "--threads", "2"));
        assertThat(single.code()).as(single.err()).isZero();
        Files.move(home.resolve("results"), home.resolve("single"));
        for (int i = 1; i <= 2; i++) {
            Cli shard = Cli.run(project, args("--shard", i + "/2", "--out", home.resolve("shard-" + i).toString(), "--threads", "1"));
            assertThat(shard.code()).as(shard.err()).isZero();
        }
    }

    private static String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of("compare"));
        all.addAll(List.of(SUBSET));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void twoRunsWriteByteIdenticalFilesWithoutDateCommitMachineOrTimings() throws IOException {
        Path otherHome = Files.createDirectories(home.resolve("other-checkout"));
        Project other = new Elsewhere(otherHome, Project.standard(Path.of("").toAbsolutePath()));
        Cli again = Cli.run(other, args("--out", otherHome.resolve("results").toString(), "--threads", "1"));
        assertThat(again.code()).isZero();
        assertSameFiles(home.resolve("single"), otherHome.resolve("results"));
        String json = Files.readString(home.resolve("single/report.json"));
        assertThat(json).doesNotContain("\"date\"", "\"commit\"", "\"machine\"", "\"timings\"");
        assertThat(single.out()).contains("provenance: gcsim ");
    }

    @Test
    void theMergeOfTwoShardsIsByteIdenticalToASingleRun() throws IOException {
        Cli merge = Cli.run(project, "merge", home.resolve("shard-1").toString(), home.resolve("shard-2").toString(),
                "--out", home.resolve("results").toString());
        assertThat(merge.code()).as(merge.err()).isZero();
        assertSameFiles(home.resolve("single"), home.resolve("results"));
    }

    @Test
    void aMergeMissingAShardIsBadInputNamingTheMissingCell() {
        Cli merge = Cli.run(project, "merge", home.resolve("shard-1").toString(), "--out", home.resolve("partial").toString());
        assertThat(merge.code()).isEqualTo(2);
        assertThat(merge.err()).startsWith("gcsim: merge: no shard holds cell ");
        assertThat(home.resolve("partial")).doesNotExist();
    }

    @Test
    void checkExitsOneOnAChangedExpectedVerdictAndWritesJunitThatAParserReads() throws Exception {
        Path expected = home.resolve("expected.yaml");
        Cli write = Cli.run(project, args("--out", home.resolve("w").toString(), "--expected", expected.toString(),
                "--write-expected"));
        assertThat(write.code()).isZero();
        assertThat(Files.readString(expected)).contains("hosts-drv:\n  early-return: fail\n  drv-only: pass\n");
        Cli clean = Cli.run(project, args("--out", home.resolve("w").toString(), "--expected", expected.toString(), "--check"));
        assertThat(clean.code()).isZero();
        assertThat(clean.out()).contains("check: every cell has its expected verdict");

        Files.writeString(expected, Files.readString(expected).replace("early-return: fail", "early-return: verified"));
        Path junit = home.resolve("junit/gcsim.xml");
        Cli changed = Cli.run(project, args("--out", home.resolve("w").toString(), "--expected", expected.toString(), "--check",
                "--junit", junit.toString(), "--github"));
        assertThat(changed.code()).isEqualTo(1);
        assertThat(changed.out()).contains("changed: hosts-drv × early-return: expected verified, now ✗ fails");
        assertThat(changed.out()).containsPattern("::error file=[^,]*expected.yaml,line=\\d+,title=gcsim%3A hosts-drv × early-return");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        NodeList failures = doc.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        assertThat(failures.item(0).getParentNode().getAttributes().getNamedItem("name").getNodeValue())
                .isEqualTo("hosts-drv × early-return");
        assertThat(Files.readString(home.resolve("w/summary.md"))).contains("1 cell differs from its expected verdict");
    }

    @Test
    void theSummaryIsShortAndEveryLinkInItAndInTheCellPagesResolves() throws IOException {
        Path out = home.resolve("single");
        String summary = Files.readString(out.resolve("summary.md"), StandardCharsets.UTF_8);
        assertThat(summary.length()).isLessThan(15_000);
        List<Path> pages = new ArrayList<>(List.of(out.resolve("summary.md"), out.resolve("report.md")));
        try (Stream<Path> cells = Files.list(out.resolve("cells"))) {
            cells.forEach(pages::add);
        }
        assertThat(pages).hasSizeGreaterThan(2);
        Pattern link = Pattern.compile("\\]\\(([^)#]+)\\)");
        int links = 0;
        for (Path page : pages) {
            Matcher m = link.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                links++;
                assertThat(page.getParent().resolve(m.group(1))).as(page + " links to " + m.group(1)).exists();
            }
        }
        assertThat(links).isGreaterThan(3);
    }

    @Test
    void aScheduleFileNamedRelativeToTheProjectReplaysFromAnotherDirectory() {
        String relative = "single/failures/hosts-drv--early-return.schedule";
        assertThat(Path.of(relative)).as("not there from the current directory").doesNotExist();
        Cli replay = Cli.run(project, "replay", "--schedule", relative, "--strict");
        assertThat(replay.code()).as(replay.err()).isEqualTo(1);
        assertThat(replay.out()).contains("verdict: fail: ");
    }

    private static void assertSameFiles(Path a, Path b) throws IOException {
        List<Path> left = files(a);
        assertThat(files(b)).isEqualTo(left);
        for (Path rel : left) {
            assertThat(Files.readString(b.resolve(rel))).as(rel.toString()).isEqualTo(Files.readString(a.resolve(rel)));
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
