package gcsim.cli;

import gcsim.check.RunResult;
import gcsim.kernel.ReplayStrategy;
import gcsim.kernel.Schedule;
import gcsim.kernel.ScheduleMismatch;
import gcsim.kernel.Strategy;
import gcsim.report.Json;
import gcsim.report.StateView;
import gcsim.report.Story;
import gcsim.report.TracePrinter;
import gcsim.search.Pct;
import gcsim.search.SearchStrategy;
import gcsim.search.StrategyKind;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gcsim replay}: runs one schedule again, from a seed, a choices string or a schedule file,
 * and prints its full step trace and, if it failed, its story. Nothing printed depends on the wall
 * clock, so two replays of one schedule print identical bytes.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false, sortSynopsis = false,
        versionProvider = Version.Provider.class,
        description = "Replays one schedule (exactly one of --seed, --choices, --schedule, --strategy dfs) and prints its"
                + " trace.")
final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "A scenario name from scenarios/, or a path; optional with --schedule.")
    String scenario;

    @Option(names = "--variant", paramLabel = "ID", description = "A variant id; optional with --schedule, where another"
            + " variant than the file's carries its counterexample over to that variant.")
    String variant;

    @Option(names = "--seed", paramLabel = "N", description = "The seed of one schedule, as search reports it.")
    String seed;

    @Option(names = "--strategy", paramLabel = "random|pct|dfs",
            description = "With --seed: the strategy (default: random). dfs alone: run the exhaustive search again and"
                    + " replay its first failure.")
    String strategy;

    @Option(names = "--preemptions", paramLabel = "K", description = "With --strategy dfs: the preemption bound (default: none).")
    String preemptions;

    @Option(names = "--max-executions", paramLabel = "N",
            description = "With --strategy dfs: most executions (default: 1000000).")
    String maxExecutions;

    @Option(names = "--starvation", paramLabel = "K|none",
            description = "With --strategy dfs: the starvation bound (default: 3).")
    String starvation;

    @Option(names = "--pct-depth", paramLabel = "D", description = "With --seed and pct: the depth (default: 3).")
    String pctDepth;

    @Option(names = "--pct-k", paramLabel = "K", description = "With --seed and pct: the pct-k search reported (default: 64).")
    String pctK;

    @Option(names = "--choices", paramLabel = "STRING", description = "A choices string (g1.…), as in search's replay line.")
    String choices;

    @Option(names = "--schedule", paramLabel = "FILE", description = "A schedule file written by search --save-schedule.")
    String schedule;

    @Option(names = "--max-steps", paramLabel = "N", description = "Step bound (default: 100000, or the schedule file's).")
    String maxSteps;

    @Option(names = "--json", description = "Print one line of JSON instead of text.")
    boolean json;

    @Option(names = "--state", description = "Show the state after each story step: roots, temp roots, pending, gc.lock,"
            + " validity (in JSON: the key states).")
    boolean state;

    @Option(names = "--strict", description = "With --schedule: exit 2 when the scenario changed since the schedule was"
            + " saved (default: warn and replay).")
    boolean strict;

    private final Context ctx;

    ReplayCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        boolean dfs = Options.isDfs(strategy);
        int sources = (seed != null ? 1 : 0) + (choices != null ? 1 : 0) + (schedule != null ? 1 : 0) + (dfs ? 1 : 0);
        if (sources != 1) {
            throw new BadInput("replay: " + (sources == 0 ? "no schedule given" : "more than one schedule given")
                    + " (accepted: exactly one of --seed, --choices, --schedule, --strategy dfs)");
        }
        if (!dfs && (preemptions != null || maxExecutions != null || starvation != null)) {
            throw new BadInput("replay: " + (preemptions != null ? "--preemptions" : maxExecutions != null
                    ? "--max-executions" : "--starvation")
                    + " goes with --strategy dfs only (accepted: --strategy dfs, or leave it out)");
        }
        if (dfs) {
            if (pctDepth != null || pctK != null) {
                throw new BadInput("replay: --pct-depth and --pct-k go with --seed only (accepted: --strategy dfs with"
                        + " --preemptions, --max-executions, --starvation and --max-steps)");
            }
            if (scenario == null || variant == null) {
                throw new BadInput("replay: missing " + (scenario == null ? "--scenario" : "--variant")
                        + " (accepted: --scenario NAME|FILE --variant ID with --strategy dfs)");
            }
            return new DfsSearch(ctx, Options.STATEFUL_DPOR.equals(strategy)).run(scenario, variant, preemptions, maxExecutions, starvation, maxSteps, null, json,
                    true);
        }
        if (strict && schedule == null) {
            throw new BadInput("replay: --strict goes with --schedule only (accepted: --schedule FILE --strict)");
        }
        if (seed == null && (strategy != null || pctDepth != null || pctK != null)) {
            throw new BadInput("replay: --strategy, --pct-depth and --pct-k go with --seed only"
                    + " (accepted: --choices or --schedule alone)");
        }
        String scenarioArg = scenario;
        String variantId = variant;
        ScheduleFile file = null;
        String choiceText = choices;
        Integer steps = maxSteps == null ? null : Numbers.positiveInt("--max-steps", maxSteps);
        if (schedule != null) {
            file = ScheduleFile.read(Target.locate(ctx.project(), schedule));
            if (variant != null && !variant.equals(file.variant())) { // carry the counterexample to another variant
                return new TransferReplay(ctx).run(file, scenario, variant,
                        steps != null ? steps : file.maxSteps() != null ? file.maxSteps() : Reports.DEFAULT_MAX_STEPS, json,
                        state);
            }
            scenarioArg = matching("--scenario", scenario, file.scenario(), file, true);
            variantId = matching("--variant", variant, file.variant(), file, false);
            choiceText = file.choices();
            if (steps == null) {
                steps = file.maxSteps();
            }
            if (!file.version().equals(Version.get())) {
                ctx.err().println("gcsim: note: the schedule was saved by gcsim " + file.version() + ", this is "
                        + Version.get() + "; it may not replay if the model changed");
            }
        }
        if (scenarioArg == null || variantId == null) {
            throw new BadInput("replay: missing " + (scenarioArg == null ? "--scenario" : "--variant")
                    + " (accepted: --scenario NAME|FILE --variant ID, or --schedule FILE)");
        }
        int bound = steps == null ? Reports.DEFAULT_MAX_STEPS : steps;

        Strategy strat;
        StrategyKind kind = null;
        Long seedValue = null;
        ReplayStrategy replaying = null;
        if (seed != null) {
            kind = strategy == null ? StrategyKind.RANDOM : Options.strategy(strategy);
            seedValue = Numbers.seed("--seed", seed);
            int depth = pctDepth == null ? 3 : Numbers.pctDepth(pctDepth, bound);
            int k = pctK == null ? Pct.DEFAULT_DECISIONS : Numbers.positiveInt("--pct-k", pctK);
            SearchStrategy s = kind.create(seedValue, depth);
            s.expectDecisions(k);
            strat = s;
        } else {
            Schedule parsed;
            try {
                parsed = Schedule.decode(choiceText.strip());
            } catch (IllegalArgumentException e) {
                throw new BadInput((schedule != null ? schedule + ": choices" : "--choices") + ": " + e.getMessage());
            }
            replaying = new ReplayStrategy(parsed);
            strat = replaying;
        }

        Target t = Target.load(ctx.project(), scenarioArg, variantId);
        if (file != null) {
            checkScenarioHash(file, t);
        }
        RunResult r;
        try {
            r = ctx.project().executor(t.scenario(), t.variant(), bound).run(strat, true);
        } catch (RuntimeException e) {
            ScheduleMismatch m = mismatch(e);
            if (m == null) {
                throw e;
            }
            throw new BadInput("the schedule cannot be followed: " + m.getMessage()
                    + " (accepted: a schedule recorded on this scenario, variant and gcsim version)");
        }
        if (replaying != null && !replaying.exhausted()) {
            throw new BadInput("the schedule cannot be followed: the execution ended (" + Reports.ending(r, bound)
                    + ") before using all " + Schedule.decode(choiceText.strip()).size() + " choices"
                    + " (accepted: a schedule recorded on this scenario, variant, step bound and gcsim version)");
        }
        String replay = r.failed() ? Reports.replayCommand(t, r.schedule().encode(), bound) : null;
        String strategyName = kind == null ? "choices" : kind.key();
        if (json) {
            ctx.out().println(json(t, strategyName, seedValue, r, replay));
        } else {
            text(r, replay, bound);
        }
        return r.failed() ? 1 : 0;
    }

    /** Warns, or with --strict refuses, when the scenario's content is not what the schedule was saved against. */
    private void checkScenarioHash(ScheduleFile file, Target t) throws BadInput {
        if (file.scenarioSha256() == null) {
            return;
        }
        String now = Target.sha256(t.scenarioFile());
        if (now.equals(file.scenarioSha256())) {
            return;
        }
        String what = "scenario '" + t.scenarioArg() + "' changed since the schedule was saved (sha256 " + shortHash(now)
                + ", the schedule file has " + shortHash(file.scenarioSha256()) + ")";
        if (strict) {
            throw new BadInput("--strict: " + what + " (accepted: a schedule saved against the current scenario; search"
                    + " again, or replay without --strict)");
        }
        ctx.err().println("gcsim: warning: " + what + "; the replay may differ or not follow the schedule");
    }

    private static String shortHash(String hex) {
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    /** The value from the schedule file, after checking that the command line, if it gives one, agrees. */
    private String matching(String option, String given, String inFile, ScheduleFile file, boolean isScenario) throws BadInput {
        if (given == null || given.equals(inFile)) {
            return inFile;
        }
        if (isScenario) {
            Path a = Target.resolveScenario(ctx.project(), given).toAbsolutePath().normalize();
            Path b = Target.resolveScenario(ctx.project(), inFile).toAbsolutePath().normalize();
            try {
                if (a.equals(b) || Files.isSameFile(a, b)) {
                    return given;
                }
            } catch (java.io.IOException e) {
                // fall through to the mismatch message
            }
        }
        throw new BadInput(option + " '" + given + "' does not match the schedule file's '" + inFile
                + "' (accepted: '" + inFile + "', or leave " + option + " out)");
    }

    private static ScheduleMismatch mismatch(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ScheduleMismatch m) {
                return m;
            }
        }
        return null;
    }

    private void text(RunResult r, String replay, int bound) {
        PrintStream out = ctx.out();
        for (String line : TracePrinter.lines(r.trace())) {
            out.println(line);
        }
        out.println();
        if (r.failed()) {
            out.println("story:");
            List<String> lines = Story.lines(r);
            for (String line : state ? StateView.text(StateView.rows(r, lines, Story.steps(r))) : lines) {
                out.println(line);
            }
            out.println();
            out.println("verdict: fail: " + Reports.failureSummary(r.failure()) + "; " + Reports.ending(r, bound));
            out.println("replay: " + replay);
        } else {
            out.println("verdict: pass: " + Reports.ending(r, bound));
        }
    }

    private String json(Target t, String strategyName, Long seedValue, RunResult r, String replay) {
        List<String> story = r.failed() ? Story.lines(r) : new ArrayList<>();
        Json j = Json.object()
                .put("scenario", t.scenario().name())
                .put("variant", t.variant().id())
                .put("strategy", strategyName)
                .put("seed", seedValue)
                .put("schedules", 1)
                .put("cut", r.cut() ? 1 : 0)
                .put("verdict", r.failed() ? "fail" : "pass")
                .put("failure", Reports.failure(r.failure()))
                .put("replay", replay)
                .put("schedulesPerSecond", null)
                .put("elapsedMs", null)
                .put("trace", Reports.trace(r.trace()))
                .put("story", story);
        if (state) {
            j.put("states", StateView.json(StateView.rows(r, story, r.failed() ? Story.steps(r) : List.of())));
        }
        return j.toString();
    }
}
