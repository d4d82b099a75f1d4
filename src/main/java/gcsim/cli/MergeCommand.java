package gcsim.cli;

import gcsim.compare.Carry;
import gcsim.compare.CellJob;
import gcsim.compare.Transfers;
import gcsim.report.Cell;
import gcsim.report.CompareReport;
import gcsim.report.Counterexample;
import gcsim.report.Expected;
import gcsim.report.ReportJsonReader;
import gcsim.variant.Variant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gcsim merge DIR…}: combines the outputs of {@code compare --shard I/N} runs into the report
 * a single {@code compare} writes, byte for byte: the cells are put back in scenario-major order,
 * each counterexample's schedule path and replay command are named for the new output folder, and
 * the files are written by the same code as compare's. The shards must come from the same gcsim,
 * settings, scenarios (same content) and variants, and hold every cell exactly once.
 *
 * <p>Exit codes as for compare: 0 written, 1 when {@code --check} found a changed cell, 2 for bad
 * input (a folder without a report, shards that do not fit together), 3 when a cell is an error.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false, sortSynopsis = false,
        versionProvider = Version.Provider.class,
        description = "Merges the output folders of compare --shard runs into one report (results/ by default).")
final class MergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Output folders of compare --shard I/N runs.")
    List<String> dirs;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/ in the project).")
    String out;

    @Mixin
    Gate gate = new Gate();

    private final Context ctx;

    MergeCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Project project = ctx.project();
        Path outDir = out == null ? project.home().resolve("results") : Path.of(out).toAbsolutePath().normalize();
        String shownOut = ShownPath.shown(project.home(), outDir);
        Expected fromFile = gate.load(project);
        List<CompareReport> parts = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        for (String d : dirs) {
            Path folder = Target.locate(project, d);
            folders.add(folder);
            parts.add(read(folder.resolve("report.json")));
        }
        CompareReport first = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            CompareReport p = parts.get(i);
            String what = !p.header().version().equals(first.header().version()) ? "gcsim version"
                    : !p.header().settings().equals(first.header().settings()) ? "settings"
                    : !p.scenarios().equals(first.scenarios()) ? "scenarios (names or contents)"
                    : !p.variants().equals(first.variants()) ? "variants" : null;
            if (what != null) {
                throw new BadInput("merge: " + dirs.get(i) + " and " + dirs.get(0) + " differ in their " + what
                        + " (accepted: shards of one compare command)");
            }
        }
        Map<String, Cell> byKey = new TreeMap<>();
        Map<String, Path> from = new TreeMap<>();
        for (int i = 0; i < parts.size(); i++) {
            for (Cell c : parts.get(i).cells()) {
                if (byKey.containsKey(c.key())) {
                    throw new BadInput("merge: cell " + c.scenario() + " × " + c.variant() + " is in both "
                            + ShownPath.shown(project.home(), from.get(c.key())) + " and " + dirs.get(i)
                            + " (accepted: each shard once)");
                }
                byKey.put(c.key(), c);
                from.put(c.key(), folders.get(i));
            }
        }
        List<Cell> cells = new ArrayList<>();
        Map<String, String> schedules = new TreeMap<>();
        for (CompareReport.ScenarioInfo s : first.scenarios()) {
            for (CompareReport.VariantInfo v : first.variants()) {
                String key = s.name() + "--" + v.id();
                Cell c = byKey.get(key);
                if (c == null) {
                    throw new BadInput("merge: no shard holds cell " + s.name() + " × " + v.id() + " (accepted: the"
                            + " output folders of all N shards)");
                }
                if (c.counterexample() != null) {
                    schedules.put(key, schedule(from.get(key), key));
                    c = renamed(c, ReportOutput.scheduleFile(shownOut, key));
                }
                cells.add(c);
            }
        }
        // carrying and transfers need every variant's verdict, so the shards leave them to the merge, which runs them as compare would
        CompareSelection sel = CompareSelection.resolve(project,
                String.join(",", first.scenarios().stream().map(CompareReport.ScenarioInfo::name).toList()),
                String.join(",", first.variants().stream().map(CompareReport.VariantInfo::id).toList()));
        List<CellJob> jobs = new ArrayList<>();
        for (int s = 0; s < sel.names().size(); s++) {
            for (Variant v : sel.variants()) {
                jobs.add(new CellJob(sel.scenarios().get(s), sel.names().get(s),
                        Target.designation(project, sel.files().get(s)), first.scenarios().get(s).sha256(), v));
            }
        }
        Carry.Result carried = Carry.of(project, ReportOutput.scheduleFiles(shownOut), jobs, cells,
                first.header().settings().maxSteps(), null);
        cells = carried.cells();
        schedules.putAll(carried.schedules());
        CompareReport merged = new CompareReport(first.header().withoutProvenance(), first.scenarios(), first.variants(),
                cells, null, null);
        merged = merged.withTransfers(Transfers.of(project, sel.names(), sel.scenarios(), sel.variants(), cells,
                first.header().settings().maxSteps()));
        Expected expected = gate.forReport(project, merged, fromFile);
        ReportOutput.write(outDir, merged, schedules, expected, gate.shown(project));
        ctx.out().println("report: " + shownOut + "/summary.md, " + shownOut + "/report.md, " + shownOut + "/report.html, "
                + shownOut + "/report.json (merged from " + parts.size() + " folder(s))");
        int code = gate.apply(ctx, merged, expected, shownOut + "/cells");
        return Math.max(code, CompareSummary.summarize(ctx, merged));
    }

    private static CompareReport read(Path json) throws BadInput {
        String text;
        try {
            text = Files.readString(json, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInput("merge: no report at '" + json + "' (accepted: output folders of compare --shard I/N)");
        } catch (IOException e) {
            throw new BadInput("merge: cannot read '" + json + "': " + e.getMessage());
        }
        try {
            return ReportJsonReader.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInput(json + ": " + e.getMessage() + " (accepted: report.json written by compare)");
        }
    }

    private static String schedule(Path folder, String key) throws BadInput {
        Path f = folder.resolve(ReportOutput.FAILURES).resolve(key + ".schedule");
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInput("merge: no schedule file '" + f + "' for failing cell " + key
                    + " (accepted: complete output folders of compare --shard I/N)");
        }
    }

    /** The cell with its schedule file and replay command named for the merged output folder. */
    private static Cell renamed(Cell c, String file) {
        Counterexample ce = c.counterexample();
        Counterexample moved = new Counterexample(ce.failure(), ce.foundSeed(), ce.foundPctK(), ce.choices(), file,
                ReportOutput.replay(file), ce.shrink(), ce.story(), ce.states());
        return new Cell(c.scenario(), c.variant(), c.verdict(), c.random(), c.pct(), c.dfs(), c.coverage(), moved);
    }
}
