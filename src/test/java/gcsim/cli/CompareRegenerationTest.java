package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.report.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed {@code results/report.json} still says what gcsim computes: a few of its cells are
 * run again, with the committed seed and step bound, and must reach the same verdicts. A failing
 * cell that the random walk found early is rerun with the committed budget, so it must fail at the
 * same schedule; a cell without failure is rerun with a small budget, and a prefix of a search that
 * found nothing finds nothing. A verified cell whose exhaustive search was short is rerun with the
 * committed exhaustive budget: the search is deterministic, so it must verify it again in as many
 * executions. When this fails, the model changed: run {@code sim/gcsim compare}
 * and commit {@code results/} again.
 */
class CompareRegenerationTest {
    private static final Path COMMITTED = Path.of("results", "report.json");
    private static final Project PROJECT = Project.standard(Path.of("").toAbsolutePath());
    private static final long MOST_SCHEDULES_TO_RERUN = 2_000;

    @TempDir
    Path dir;

    @Test
    void aFewCellsOfTheCommittedReportReachTheSameVerdictsWhenRunAgain() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(COMMITTED),
                "results/report.json is not committed yet: run sim/gcsim compare and commit results/ to enable this test");
        Object committed = JsonReader.parse(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        String seed = JsonReader.at(committed, "settings", "seed").toString();
        String maxSteps = JsonReader.at(committed, "settings", "maxSteps").toString();
        String budget = JsonReader.at(committed, "settings", "budget").toString();

        List<Map<?, ?>> failing = new ArrayList<>();
        List<Map<?, ?>> clean = new ArrayList<>();
        List<Map<?, ?>> verified = new ArrayList<>();
        for (Object o : (List<?>) JsonReader.at(committed, "cells")) {
            Map<?, ?> c = (Map<?, ?>) o;
            if (c.get("verdict").equals("fail") && "random".equals(c.get("foundBy"))
                    && (Long) c.get("schedulesToFailure") <= MOST_SCHEDULES_TO_RERUN) {
                failing.add(c);
            } else if (c.get("verdict").equals("verified") && (Long) JsonReader.at(c, "dfs", "executions") <= MOST_SCHEDULES_TO_RERUN) {
                verified.add(c);
            } else if (c.get("verdict").equals("pass")) {
                clean.add(c);
            }
        }
        failing.sort(Comparator.comparingLong((Map<?, ?> c) -> (Long) c.get("schedulesToFailure")));
        List<Map<?, ?>> chosen = new ArrayList<>(failing.subList(0, Math.min(3, failing.size())));
        chosen.addAll(clean.subList(0, Math.min(2, clean.size())));
        chosen.addAll(verified.subList(0, Math.min(2, verified.size())));
        String dfsBudget = JsonReader.at(committed, "settings", "dfsExecutions").toString();
        Assumptions.assumeFalse(chosen.isEmpty(), "the committed report has no cell cheap enough to rerun");

        for (Map<?, ?> c : chosen) {
            boolean fails = c.get("verdict").equals("fail");
            boolean proved = c.get("verdict").equals("verified");
            String label = c.get("scenario") + " × " + c.get("variant");
            Path out = dir.resolve(c.get("scenario") + "--" + c.get("variant"));

            Cli run = Cli.run(PROJECT, "compare", "--scenarios", (String) c.get("scenario"), "--variants", (String) c.get("variant"),
                    "--seed", seed, "--max-steps", maxSteps, "--budget", fails ? budget : "200", "--dfs-executions", proved ? dfsBudget : "0",
                    "--threads", "2", "--out", out.toString());

            assertThat(run.code()).as(label + ": " + run.err()).isZero();
            Map<?, ?> again = (Map<?, ?>) JsonReader.at(JsonReader.parse(Files.readString(out.resolve("report.json"))), "cells", 0);
            if (fails) {
                assertThat(again.get("verdict")).as(label).isEqualTo("fail");
                assertThat(again.get("foundBy")).as(label).isEqualTo(c.get("foundBy"));
                assertThat(again.get("schedulesToFailure")).as(label).isEqualTo(c.get("schedulesToFailure"));
                assertThat(JsonReader.at(again, "counterexample", "failure", "kind")).as(label)
                        .isEqualTo(JsonReader.at(c, "counterexample", "failure", "kind"));
            } else if (proved) {
                assertThat(again.get("verdict")).as(label).isEqualTo("verified");
                assertThat(JsonReader.at(again, "dfs", "executions")).as(label).isEqualTo(JsonReader.at(c, "dfs", "executions"));
            } else {
                assertThat(again.get("verdict")).as(label).isEqualTo("pass");
            }
        }
    }
}
