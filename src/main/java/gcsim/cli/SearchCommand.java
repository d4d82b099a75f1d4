package gcsim.cli;

import gcsim.check.RunResult;
import gcsim.kernel.ReplayStrategy;
import gcsim.report.CompareReport;
import gcsim.report.Json;
import gcsim.report.Story;
import gcsim.search.Search;
import gcsim.search.SearchCrash;
import gcsim.search.SearchResult;
import gcsim.search.StrategyKind;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gcsim search}: runs seeded schedules of a scenario under a variant until one fails, then
 * tells the failure's story and prints the one command that replays it. The story and the replay
 * line go to stdout, progress to stderr; the exit code says whether a failure was found.
 */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false, sortSynopsis = false,
        versionProvider = Version.Provider.class,
        description = "Searches schedules of a scenario under a variant for a failure; stops at the first.")
final class SearchCommand implements Callable<Integer> {
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", required = true,
            description = "A scenario name from scenarios/, or a path to a scenario file.")
    String scenario;

    @Option(names = "--variant", paramLabel = "ID", required = true, description = "A variant id from scenarios/variants.yaml.")
    String variant;

    @Option(names = "--strategy", paramLabel = "random|pct|dfs|stateful|stateful-dpor",
            description = "How schedules are chosen: seeded random walk, PCT, the exhaustive depth-first search, the"
                    + " stateful exhaustive search, or the depth-first search with a visited set (stateful-dpor: dfs's"
                    + " options) (default: a portfolio of random, PCT at depths 2 and 3 and dfs, sharing --schedules).")
    String strategy;

    @Option(names = "--order", paramLabel = "dfs|bfs",
            description = "stateful: depth-first, or breadth-first for a shortest counterexample (default: dfs).")
    String order;

    @Option(names = "--max-states", paramLabel = "N",
            description = "stateful: most distinct states before the verdict is incomplete (default: 2000000).")
    String maxStates;

    @Option(names = "--restore", paramLabel = "snapshot|replay",
            description = "stateful: return to a branch point from a copy of the world or by replaying (default: snapshot).")
    String restore;

    @Option(names = "--schedules", paramLabel = "N", defaultValue = Options.DEFAULT_SCHEDULES,
            description = "random, pct and the portfolio: most schedules (portfolio: runs) in all (default: ${DEFAULT-VALUE}).")
    String schedules;

    @Option(names = "--preemptions", paramLabel = "K",
            description = "dfs: at most K preemptions per schedule, every such schedule run once (default: no bound,"
                    + " with partial-order reduction).")
    String preemptions;

    @Option(names = "--max-executions", paramLabel = "N",
            description = "dfs: most executions before the verdict is incomplete (default: 1000000).")
    String maxExecutions;

    @Option(names = "--starvation", paramLabel = "K|none",
            description = "dfs: at most K retry-loop turns (clock advances or busy retries) in a row past an actor that"
                    + " can run (default: 3); none lifts the bound.")
    String starvation;

    @Option(names = "--seed", paramLabel = "N", defaultValue = Options.DEFAULT_SEED, description = "Base seed (default: ${DEFAULT-VALUE}).")
    String seed;

    @Option(names = "--pct-depth", paramLabel = "D",
            description = "pct: PCT's bug depth: D-1 priority change points (default: 3).")
    String pctDepth;

    @Option(names = "--pct-k", paramLabel = "K", defaultValue = Options.DEFAULT_PCT_K,
            description = "PCT's first estimate of decisions per execution; it grows as the search sees longer ones"
                    + " (default: ${DEFAULT-VALUE}).")
    String pctK;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = Options.DEFAULT_MAX_STEPS,
            description = "Step bound per execution; longer ones are cut (default: ${DEFAULT-VALUE}).")
    String maxSteps;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per processor).")
    String threads;

    @Option(names = "--save-schedule", paramLabel = "FILE", description = "Also write the failing schedule to FILE.")
    String saveSchedule;

    @Option(names = "--json", description = "Print one line of JSON instead of text (with the story when it fails).")
    boolean json;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "random and pct: run only the I-th of N equal ranges of the --schedules schedule indices.")
    String shard;

    private final Context ctx;
    /** Schedules finished so far, for the summary line of an interrupted search. */
    private final AtomicLong ran = new AtomicLong();

    SearchCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        CompareReport.Shard part = CompareSelection.shard(shard);
        if (Options.isDfs(strategy)) {
            if (part != null) {
                throw new BadInput("--shard goes with --strategy random or pct only (accepted: leave --shard out with dfs)");
            }
            return new DfsSearch(ctx, Options.STATEFUL_DPOR.equals(strategy)).run(scenario, variant, preemptions, maxExecutions, starvation, maxSteps,
                    saveSchedule, json, false);
        }
        if (Options.STATEFUL.equals(strategy)) {
            if (part != null || preemptions != null || maxExecutions != null) {
                throw new BadInput((part != null ? "--shard" : preemptions != null ? "--preemptions" : "--max-executions")
                        + " does not go with --strategy stateful (accepted: --order, --max-states, --restore, --starvation)");
            }
            return new StatefulRun(ctx).run(scenario, variant, order, maxStates, restore, starvation, maxSteps,
                    saveSchedule, json);
        }
        if (order != null || maxStates != null || restore != null) {
            throw new BadInput((order != null ? "--order" : maxStates != null ? "--max-states" : "--restore")
                    + " goes with --strategy stateful only (accepted: --strategy stateful, or leave it out)");
        }
        if (preemptions != null || maxExecutions != null || starvation != null) {
            String given = preemptions != null ? "--preemptions" : maxExecutions != null ? "--max-executions" : "--starvation";
            throw new BadInput(given
                    + " goes with --strategy dfs only (accepted: --strategy dfs, or leave it out)");
        }
        if (strategy == null) {
            return portfolio(part);
        }
        StrategyKind kind = Options.strategy(strategy);
        long budget = Numbers.positiveLong("--schedules", schedules);
        long baseSeed = Numbers.seed("--seed", seed);
        int steps = Numbers.positiveInt("--max-steps", maxSteps);
        int depth = Numbers.pctDepth(pctDepth == null ? DEFAULT_PCT_DEPTH : pctDepth, steps);
        int k = Numbers.positiveInt("--pct-k", pctK);
        int workers = Numbers.threads(threads);
        Target t = Target.load(ctx.project(), scenario, variant);
        if (saveSchedule != null) { // a failure found later must not be lost to a bad path
            ScheduleFile.checkWritable("--save-schedule", Path.of(saveSchedule));
        }
        String how = kind.key() + ", base seed " + baseSeed;
        Interrupts.onSignal(() -> "search interrupted after " + ran.get() + " schedules (" + how + "); no failure found");

        long first = part == null ? 0 : budget * (part.index() - 1) / part.count();
        long count = part == null ? budget : budget * part.index() / part.count() - first;
        if (count < 1) {
            throw new BadInput("--shard: shard " + part + " of " + budget + " schedules is empty (accepted: at most "
                    + budget + " shards, or more --schedules)");
        }
        Search search = new Search(() -> ctx.project().executor(t.scenario(), t.variant(), steps),
                () -> kind.create(baseSeed, depth), workers);
        long start = System.nanoTime();
        SearchResult r;
        try {
            r = search.run(baseSeed, first, count, k, progress(start));
        } catch (SearchCrash c) {
            String again = "sim/gcsim replay --scenario " + Shell.quote(t.scenarioArg()) + " --variant "
                    + Shell.quote(t.variant().id()) + " --seed " + c.seed()
                    + (kind == StrategyKind.PCT ? " --strategy pct --pct-depth " + depth + " --pct-k " + c.decisionEstimate() : "")
                    + (steps == Reports.DEFAULT_MAX_STEPS ? "" : " --max-steps " + steps);
            throw new SearchBug(c.getMessage() + "; reproduce with: " + again, c.getCause());
        }

        String replay = null;
        RunResult traced = null;
        if (r.failed()) {
            String choices = r.failing().result().schedule().encode();
            replay = Reports.replayCommand(t, choices, steps);
            if (saveSchedule != null) { // saved before anything else, so a kill from here on keeps it
                new ScheduleFile(Version.get(), t.scenarioArg(), t.variant().id(), choices,
                        steps == Reports.DEFAULT_MAX_STEPS ? null : steps, Target.sha256(t.scenarioFile())).write(Path.of(saveSchedule));
            }
            String saved = saveSchedule == null ? "; replay: " + replay : "; saved to " + saveSchedule;
            Interrupts.onSignal(() -> "search interrupted after finding a failure in schedule " + r.schedules() + " (" + how
                    + ")" + saved);
            traced = retrace(t, r.failing().result(), steps);
        } else if (saveSchedule != null) {
            ctx.err().println("gcsim: no failure found, so no schedule was saved to " + saveSchedule);
        }

        if (json) {
            ctx.out().println(json(t, kind, baseSeed, r, replay, traced, part, first));
        } else {
            text(kind, baseSeed, budget, depth, k, steps, r, replay, traced, part, first);
        }
        Interrupts.onSignal(null);
        return r.failed() ? 1 : 0;
    }

    /** PCT's depth when {@code --strategy pct} is given without {@code --pct-depth}. */
    static final String DEFAULT_PCT_DEPTH = "3";

    /** No {@code --strategy}: the portfolio, within the same budget, seed and step bound. */
    private Integer portfolio(CompareReport.Shard part) throws Exception {
        if (part != null || pctDepth != null) {
            throw new BadInput((part != null ? "--shard" : "--pct-depth") + " goes with --strategy random or pct only"
                    + " (accepted: name --strategy, or leave the option out; the default search runs PCT at depths 2 and 3)");
        }
        long budget = Numbers.positiveLong("--schedules", schedules);
        long baseSeed = Numbers.seed("--seed", seed);
        int steps = Numbers.positiveInt("--max-steps", maxSteps);
        int k = Numbers.positiveInt("--pct-k", pctK);
        int workers = Numbers.threads(threads);
        Target t = Target.load(ctx.project(), scenario, variant);
        if (saveSchedule != null) { // a failure found later must not be lost to a bad path
            ScheduleFile.checkWritable("--save-schedule", Path.of(saveSchedule));
        }
        return new PortfolioSearch(ctx).run(t, budget, baseSeed, steps, k, workers, saveSchedule, json);
    }

    /** Runs the failing schedule again with the trace on, for its story; a different verdict means gcsim lost determinism. */
    private RunResult retrace(Target t, RunResult found, int steps) {
        RunResult again = ctx.project().executor(t.scenario(), t.variant(), steps)
                .run(new ReplayStrategy(found.schedule()), true);
        if (!again.failed() || !Objects.equals(again.failure(), found.failure())) {
            throw new IllegalStateException("the failing schedule did not fail the same way when replayed with tracing"
                    + " (found: " + found.failure() + ", replayed: " + again.failure() + "); gcsim is not deterministic here");
        }
        return again;
    }

    private void text(StrategyKind kind, long baseSeed, long budget, int depth, int k, int steps, SearchResult r,
                      String replay, RunResult traced, CompareReport.Shard part, long first) {
        PrintStream out = ctx.out();
        String how = kind.key() + ", base seed " + baseSeed + (kind == StrategyKind.PCT ? ", depth " + depth : "")
                + (part == null ? "" : ", shard " + part + ": schedules " + (first + 1) + " to " + (first + r.schedules()));
        if (r.failed()) {
            SearchResult.Failing f = r.failing();
            out.println("failure: " + Reports.failureSummary(f.result().failure()));
            out.println("found in schedule " + (first + r.schedules()) + " of " + budget + " (" + how + "): seed " + f.seed()
                    + (kind == StrategyKind.PCT ? ", pct-k " + f.decisionEstimate() : "") + "; " + r.cut() + " cut");
            if (kind == StrategyKind.PCT) {
                out.println(Reports.pctBound(r.maxActors(), Math.max(k, r.maxSteps()), depth));
            }
            for (String line : Story.lines(traced)) {
                out.println(line);
            }
            out.println("replay: " + replay);
            ctx.err().println("gcsim: " + r.schedules() + " schedules in " + r.elapsedMs() + " ms ("
                    + Reports.rateText(r.schedulesPerSecond()) + " per second)");
        } else {
            out.println("no failure in " + r.schedules() + " schedules (" + how + ")");
            out.println("cut: " + r.cut() + " (executions that reached --max-steps " + steps + ")");
            out.println("schedules per second: " + Reports.rateText(r.schedulesPerSecond()));
            if (kind == StrategyKind.PCT) {
                out.println(Reports.pctBound(r.maxActors(), Math.max(k, r.maxSteps()), depth));
            }
        }
    }

    private String json(Target t, StrategyKind kind, long baseSeed, SearchResult r, String replay, RunResult traced,
                        CompareReport.Shard part, long first) {
        Json j = Json.object()
                .put("scenario", t.scenario().name())
                .put("variant", t.variant().id())
                .put("strategy", kind.key())
                .put("seed", r.failed() ? r.failing().seed() : baseSeed)
                .put("schedules", r.schedules())
                .put("cut", r.cut())
                .put("verdict", r.failed() ? "fail" : "pass")
                .put("failure", r.failed() ? Reports.failure(r.failing().result().failure()) : null)
                .put("replay", replay)
                .put("schedulesPerSecond", Reports.rate(r.schedulesPerSecond()))
                .put("elapsedMs", r.elapsedMs())
                .put("story", traced == null ? List.of() : Story.lines(traced));
        if (part != null) {
            j.put("shard", Json.object().put("index", part.index()).put("count", part.count()).put("firstSchedule", first + 1));
        }
        return j.toString();
    }

    /** Prints how far the search got every few seconds, on stderr; results never depend on it. */
    private Search.Progress progress(long start) {
        long[] last = {start};
        return done -> {
            ran.set(done);
            long now = System.nanoTime();
            if (now - last[0] >= PROGRESS_EVERY_NANOS) {
                last[0] = now;
                double perSecond = done * 1e9 / Math.max(1, now - start);
                ctx.err().println("gcsim: " + done + " schedules so far (" + Reports.rateText(perSecond) + " per second)");
            }
        };
    }
}
