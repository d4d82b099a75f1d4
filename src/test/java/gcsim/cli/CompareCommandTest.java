package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.report.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gcsim compare} end to end on the real scenario files, with small budgets: the report's
 * three renderings, the schedule files and what replaying them does.
 */
class CompareCommandTest {
    private static final Project PROJECT = Project.standard(Path.of("").toAbsolutePath());

    @TempDir
    static Path dir;

    private static Path out;
    private static Cli run;
    private static Object json;

    @BeforeAll
    static void compareFourCells() throws IOException {
        out = dir.resolve("results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("README.md"), "hand-written\n");
        run = Cli.run(PROJECT, "compare", "--scenarios", "hosts-drv,instantiate-add-root-then-realise",
                "--variants", "early-return,drv-only", "--budget", "300", "--dfs-executions", "2000",
                "--out", out.toString());
        json = JsonReader.parse(Files.readString(out.resolve("report.json"), StandardCharsets.UTF_8));
    }

    private static Map<?, ?> cell(String scenario, String variant) {
        for (Object c : (List<?>) JsonReader.at(json, "cells")) {
            Map<?, ?> m = (Map<?, ?>) c;
            if (m.get("scenario").equals(scenario) && m.get("variant").equals(variant)) {
                return m;
            }
        }
        throw new AssertionError("no cell " + scenario + " × " + variant);
    }

    private static String read(String name) throws IOException {
        return Files.readString(out.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void compareExitsZeroAndPrintsWhereTheReportWentAndTheVerdictCounts() {
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("report.md", "report.html", "report.json");
        assertThat(run.out()).containsPattern("cells: 4 \\(1 fail, \\d verified, \\d pass, 0 error\\)");
        assertThat(run.errLines()).anyMatch(l -> l.startsWith("gcsim: [4/4] "));
    }

    @Test
    void theJsonReportHasTheExpectedVerdictKinds() {
        assertThat(cell("hosts-drv", "early-return").get("verdict")).isEqualTo("fail");
        assertThat(cell("hosts-drv", "early-return").get("foundBy")).isIn("random", "pct");
        for (String[] c : new String[][] {{"hosts-drv", "drv-only"}, {"instantiate-add-root-then-realise", "early-return"},
                {"instantiate-add-root-then-realise", "drv-only"}}) {
            assertThat(cell(c[0], c[1]).get("verdict")).as(c[0] + " × " + c[1]).isIn("pass", "verified");
            assertThat(cell(c[0], c[1]).get("dfs")).as("the exhaustive search ran").isNotNull();
        }
        assertThat(JsonReader.at(json, "settings", "budget")).isEqualTo(300L);
    }

    @Test
    void aPassingCellShowsThatCollectorsRanDuringClientOperationsAndDeletedPaths() {
        Map<?, ?> coverage = (Map<?, ?>) cell("hosts-drv", "drv-only").get("coverage");

        assertThat((Long) coverage.get("executions")).isGreaterThanOrEqualTo(600L);
        assertThat((Long) coverage.get("gcDuringClientOps")).isPositive();
        assertThat((Long) coverage.get("deletedSomething")).isPositive();
    }

    @Test
    void theMarkdownReportHasTheMatrixTheStoryTheDiagramAndTheReplayCommand() throws IOException {
        String md = read("report.md");

        assertThat(md).contains("| scenario | early-return | drv-only |");
        assertThat(md).containsPattern("\\| hosts-drv \\| \\[✗ fails \\(schedule \\d+, (random|pct)\\)\\]\\(cells/hosts-drv--early-return\\.md\\) \\| (○ no failure in 600 schedules|✓ verified \\(\\d+ executions\\)) \\|");
        assertThat(md).contains("### hosts-drv × early-return", "returns early without a temp root");
        assertThat(read("cells/hosts-drv--early-return.md")).contains("```mermaid\n%%{init: ", "\nsequenceDiagram\n");
        assertThat(md).contains("sim/gcsim replay --schedule ");
        assertThat(md).contains("gcsim | " + Version.get());
    }

    @Test
    void theHtmlReportIsSelfContainedWithATimeline() throws IOException {
        String html = read("report.html");

        assertThat(html).contains("<svg", "class=\"mark failing\"", "hosts-drv × early-return");
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "src=");
    }

    @Test
    void theHostsDrvCounterexampleIsShrunkToAtMostThreePreemptionsAndTwelveStoryLines() {
        Map<?, ?> ce = (Map<?, ?>) cell("hosts-drv", "early-return").get("counterexample");

        assertThat((Long) JsonReader.at(ce, "shrink", "after", "preemptions")).isLessThanOrEqualTo(3L);
        assertThat((List<?>) ce.get("story")).hasSizeLessThanOrEqualTo(12);
        assertThat(JsonReader.at(ce, "failure", "kind")).isEqualTo("invalid-path");
    }

    @Test
    void theScheduleFileReplaysThroughTheReplayCommandToTheSameFailureAndStory() {
        Map<?, ?> ce = (Map<?, ?>) cell("hosts-drv", "early-return").get("counterexample");
        Path file = out.resolve("failures/hosts-drv--early-return.schedule");
        assertThat(file).exists();
        assertThat(ce.get("scheduleFile").toString()).endsWith("failures/hosts-drv--early-return.schedule");

        Cli replay = Cli.run(PROJECT, "replay", "--schedule", file.toString());

        assertThat(replay.code()).isEqualTo(1);
        assertThat(replay.err()).isEmpty();
        List<String> story = ((List<?>) ce.get("story")).stream()
                .map(s -> ((Map<?, ?>) s).get("number") + ". " + ((Map<?, ?>) s).get("actor") + ": " + ((Map<?, ?>) s).get("text"))
                .toList();
        String printed = replay.out().substring(replay.out().indexOf("story:\n") + "story:\n".length());
        assertThat(printed).startsWith(String.join("\n", story) + "\n");
    }

    @Test
    void onlyFailingCellsGetScheduleFilesAndTheOutputFolderKeepsItsOtherFiles() throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("failures"))) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("hosts-drv--early-return.schedule");
        }
        assertThat(read("README.md")).isEqualTo("hand-written\n");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).as("no staging folder is left").containsExactly("results");
        }
    }

    @Test
    void anUnknownScenarioIsBadInputThatListsTheAcceptedNames() {
        Cli c = Cli.run(PROJECT, "compare", "--scenarios", "hosts-drv,nope", "--out", dir.resolve("unused").toString());

        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).startsWith("gcsim: --scenarios: unknown scenario 'nope' (accepted: ")
                .contains("hosts-drv", "instantiate-then-realise").doesNotContain("variants");
        assertThat(dir.resolve("unused")).doesNotExist();
    }

    @Test
    void anUnknownVariantIsBadInputThatListsTheAcceptedIds() {
        Cli c = Cli.run(PROJECT, "compare", "--variants", "early-return,root-everything");

        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).isEqualTo("gcsim: --variants: unknown variant 'root-everything' (accepted: early-return,"
                + " drv-and-refs, drv-only, no-early-return, caller-root, drv-and-fetch, nix-2.8, nix-2.34, nix-master,"
                + " master-temp-roots-first, master-copy-roots, master-input-roots, master-import-root, master-interrupt-fix)\n");
    }

    @Test
    void badNumbersAreBadInput() {
        assertThat(Cli.run(PROJECT, "compare", "--budget", "0").code()).isEqualTo(2);
        assertThat(Cli.run(PROJECT, "compare", "--budget", "lots").err()).startsWith("gcsim: --budget: 'lots' is not a whole number");
        assertThat(Cli.run(PROJECT, "compare", "--dfs-executions", "-1").err()).startsWith("gcsim: --dfs-executions: '-1'");
        assertThat(Cli.run(PROJECT, "compare", "--max-steps", "x").code()).isEqualTo(2);
        assertThat(Cli.run(PROJECT, "compare", "--frobnicate").err()).startsWith("gcsim: compare: unknown option '--frobnicate'");
    }

    @Test
    void theReportCarriesTheHostsDrvCounterexampleToDrvOnlyWhereTheWindowIsClosed() throws IOException {
        Map<?, ?> row = null;
        for (Object r : (List<?>) JsonReader.at(json, "transfers")) {
            Map<?, ?> m = (Map<?, ?>) r;
            if (m.get("scenario").equals("hosts-drv") && m.get("variant").equals("early-return")) {
                row = m;
            }
        }
        assertThat(row).as("a transfer row for hosts-drv × early-return").isNotNull();
        List<?> cells = (List<?>) row.get("cells");
        assertThat(cells).hasSize(2);
        Map<?, ?> own = (Map<?, ?>) cells.get(0);
        Map<?, ?> other = (Map<?, ?>) cells.get(1);
        assertThat(own.get("outcome")).isEqualTo("counterexample");
        assertThat(other.get("variant")).isEqualTo("drv-only");
        assertThat(other.get("outcome")).isEqualTo("closed");
        assertThat((String) other.get("reason")).contains("temp-roots hosts.drv").contains("keeps hosts.drv");
        assertThat(other.get("searchMissed")).isEqualTo(false);
        assertThat(read("report.md")).contains("## Counterexamples under other variants")
                .containsPattern("\\| hosts-drv × early-return \\| counterexample \\| closed at step \\d+ \\(search: "
                        + "(pass|verified)\\) \\|");
        assertThat(read("report.html")).contains("<h2 id=\"transfers\">")
                .contains("<div class=\"beside\"><div class=\"scroll\">").contains("<div class=\"state\"><table>");
        Map<?, ?> ce = (Map<?, ?>) cell("hosts-drv", "early-return").get("counterexample");
        List<?> states = (List<?>) ce.get("states");
        assertThat(states).hasSameSizeAs((List<?>) ce.get("story"));
        assertThat(((Map<?, ?>) states.get(states.size() - 1)).get("gcLock")).isNotNull();
    }
}
