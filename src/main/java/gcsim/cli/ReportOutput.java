package gcsim.cli;

import gcsim.compare.CellJob;
import gcsim.compare.CompareRun;
import gcsim.compare.ScheduleFiles;
import gcsim.report.AtomicFiles;
import gcsim.report.Cell;
import gcsim.report.CellPage;
import gcsim.report.CompareReport;
import gcsim.report.Expected;
import gcsim.report.HtmlReport;
import gcsim.report.MarkdownReport;
import gcsim.report.ReportJson;
import gcsim.report.Staging;
import gcsim.report.SummaryReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a compare report's files into the output folder, all or none: {@code report.json|md|html},
 * {@code summary.md}, one page per counterexample under {@code cells/} and one schedule file per
 * counterexample under {@code failures/}. {@code compare} and {@code merge} both write through here,
 * which is why a merge of shards is byte-identical to a single run.
 */
final class ReportOutput {
    static final String FAILURES = CompareRun.FAILURES;
    static final List<String> REPORT_FILES = List.of("report.json", "report.md", "report.html", "summary.md");

    private ReportOutput() {}

    /**
     * @param schedules each failing cell's schedule file text, by {@link Cell#key()}
     * @param expected the expected verdicts for the summary, or null
     */
    static void write(Path outDir, CompareReport report, Map<String, String> schedules, Expected expected,
                      String expectedName) throws BadInput {
        try (Staging staging = Staging.create(outDir)) {
            write(staging, report, schedules, expected, expectedName);
        } catch (IOException e) {
            throw new BadInput("--out: cannot write the report to '" + outDir + "': " + AtomicFiles.describe(e)
                    + " (accepted: a folder whose parent is writable)");
        }
    }

    /** Writes everything into {@code staging} and publishes it in one publication (see results/README.md). */
    static void write(Staging staging, CompareReport report, Map<String, String> schedules, Expected expected,
                      String expectedName) throws IOException {
        for (Cell c : report.cells()) {
            if (c.counterexample() != null) {
                String text = schedules.get(c.key());
                if (text == null) {
                    throw new IllegalStateException("no schedule file for failing cell " + c.key());
                }
                staging.write(FAILURES + "/" + c.key() + ".schedule", text);
                staging.write(SummaryReport.CELLS + "/" + c.key() + ".md", CellPage.render(report, c));
            }
        }
        staging.write("report.json", ReportJson.render(report));
        staging.write("report.md", MarkdownReport.render(report));
        staging.write("report.html", HtmlReport.render(report));
        staging.write("summary.md", SummaryReport.render(report, expected, expectedName));
        List<String> items = new ArrayList<>(List.of(FAILURES, SummaryReport.CELLS));
        items.addAll(REPORT_FILES);
        staging.publish(items);
    }

    /** {@code shown/failures/KEY.schedule}: where the schedule file of cell {@code key} goes, as replay names it. */
    static String scheduleFile(String shownOut, String key) {
        return shownOut + "/" + FAILURES + "/" + key + ".schedule";
    }

    static String replay(String scheduleFile) {
        return "sim/gcsim replay --schedule " + Shell.quote(scheduleFile);
    }

    /** The compare engine's view of the schedule files written under {@code shownOut}. */
    static ScheduleFiles scheduleFiles(String shownOut) {
        return new ScheduleFiles() {
            @Override
            public String path(String key) {
                return scheduleFile(shownOut, key);
            }

            @Override
            public String replayCommand(String path) {
                return replay(path);
            }

            @Override
            public String text(CellJob job, String choices, int maxSteps) {
                return new ScheduleFile(Version.get(), job.designation(), job.variant().id(), choices,
                        maxSteps == Reports.DEFAULT_MAX_STEPS ? null : maxSteps, job.sha256()).text();
            }
        };
    }
}
