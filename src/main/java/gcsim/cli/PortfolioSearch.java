package gcsim.cli;

import gcsim.check.RunResult;
import gcsim.kernel.ReplayStrategy;
import gcsim.report.Json;
import gcsim.report.Story;
import gcsim.search.CellCheck;
import gcsim.search.ExhaustiveResult;
import gcsim.search.Portfolio;
import gcsim.search.StrategyKind;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * {@code search} without {@code --strategy}: the {@link Portfolio} (a random walk, PCT at depths 2 and
 * 3, the exhaustive search) within the {@code --schedules} budget, stopping at the first failure. The
 * output names the member that found it, with what replays it by seed when it is a seeded member, and
 * a {@code --choices} replay line whichever member it was.
 */
final class PortfolioSearch {
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final Context ctx;
    private final AtomicLong ran = new AtomicLong();

    PortfolioSearch(Context ctx) {
        this.ctx = ctx;
    }

    int run(Target t, long budget, long baseSeed, int steps, int k, int workers, String saveSchedule, boolean json)
            throws Exception {
        List<Portfolio.Member> members = Portfolio.standard();
        String names = members.stream().map(Portfolio.Member::name).collect(Collectors.joining(", "));
        String how = "portfolio: " + names + "; base seed " + baseSeed;
        Interrupts.onSignal(() -> "search interrupted after " + ran.get() + " runs (" + how + "); no failure found");
        Portfolio portfolio = new Portfolio(members, () -> ctx.project().executor(t.scenario(), t.variant(), steps),
                () -> ctx.project().executor(t.scenario(), t.variant(), steps, DfsSearch.DEFAULT_STARVATION_BOUND), workers);
        Portfolio.Result r;
        try {
            r = portfolio.run(baseSeed, budget, k, progress(System.nanoTime()));
        } catch (Portfolio.Crash c) {
            Portfolio.Seeded s = c.member();
            String again = "sim/gcsim replay --scenario " + Shell.quote(t.scenarioArg()) + " --variant "
                    + Shell.quote(t.variant().id()) + " --seed " + c.crash().seed()
                    + (s.kind() == StrategyKind.PCT ? " --strategy pct --pct-depth " + s.pctDepth() + " --pct-k "
                    + c.crash().decisionEstimate() : "")
                    + (steps == Reports.DEFAULT_MAX_STEPS ? "" : " --max-steps " + steps);
            throw new SearchBug(c.getMessage() + "; reproduce with: " + again, c.getCause());
        }
        CellCheck.Found f = r.found();
        String replay = null;
        RunResult traced = null;
        if (f != null) {
            String choices = f.result().schedule().encode();
            replay = Reports.replayCommand(t, choices, steps);
            if (saveSchedule != null) { // saved before anything else, so a kill from here on keeps it
                new ScheduleFile(Version.get(), t.scenarioArg(), t.variant().id(), choices,
                        steps == Reports.DEFAULT_MAX_STEPS ? null : steps, Target.sha256(t.scenarioFile())).write(Path.of(saveSchedule));
            }
            String saved = saveSchedule == null ? "; replay: " + replay : "; saved to " + saveSchedule;
            String where = "search interrupted after finding a failure in schedule " + f.schedule() + " of " + f.strategy()
                    + " (" + how + ")" + saved;
            Interrupts.onSignal(() -> where);
            traced = retrace(t, f.result(), steps);
        } else if (saveSchedule != null) {
            ctx.err().println("gcsim: no failure found, so no schedule was saved to " + saveSchedule);
        }
        if (json) {
            ctx.out().println(json(t, baseSeed, r, replay, traced));
        } else {
            text(how, budget, k, steps, r, replay, traced);
        }
        Interrupts.onSignal(null);
        return f != null ? 1 : 0;
    }

    /** The failing run again with the trace on, for its story; a different failure means gcsim lost determinism. */
    private RunResult retrace(Target t, RunResult found, int steps) {
        RunResult again = ctx.project().executor(t.scenario(), t.variant(), steps)
                .run(new ReplayStrategy(found.schedule()), true);
        if (!again.failed() || !Objects.equals(again.failure(), found.failure())) {
            throw new IllegalStateException("the failing schedule did not fail the same way when replayed with tracing"
                    + " (found: " + found.failure() + ", replayed: " + again.failure() + "); gcsim is not deterministic here");
        }
        return again;
    }

    private void text(String how, long budget, int k, int steps, Portfolio.Result r, String replay, RunResult traced) {
        PrintStream out = ctx.out();
        CellCheck.Found f = r.found();
        if (f != null) {
            Portfolio.Figures by = figures(r, f.strategy());
            boolean exhaustive = by.member() instanceof Portfolio.Systematic;
            out.println("failure: " + Reports.failureSummary(f.result().failure()));
            out.println("found by " + f.strategy() + " in its " + (exhaustive ? "execution " : "schedule ") + f.schedule()
                    + " (" + how + "; " + r.runs() + " of " + budget + " runs in all)"
                    + (f.seed() == null ? "" : ": seed " + f.seed()) + (f.decisionEstimate() == null ? ""
                    : ", pct-k " + f.decisionEstimate()) + (exhaustive ? "" : "; " + by.cut() + " cut"));
            for (String line : Story.lines(traced)) {
                out.println(line);
            }
            out.println("replay: " + replay);
        } else {
            String proof = "";
            for (Portfolio.Figures m : r.members()) {
                if (m.exhaustive() != null && m.exhaustive().verdict() == ExhaustiveResult.Verdict.VERIFIED) {
                    proof = "; verified by " + m.member().name() + " within its bounds";
                }
            }
            out.println("no failure in " + r.runs() + " runs (" + how + ")" + proof);
            for (Portfolio.Figures m : r.members()) {
                out.println(memberLine(m, k, steps));
            }
        }
        ctx.err().println("gcsim: " + r.runs() + " runs in " + r.elapsedMs() + " ms");
    }

    /** One member's figures in a line: runs and cuts, PCT's bound, the exhaustive search's verdict. */
    private static String memberLine(Portfolio.Figures m, int k, int steps) {
        ExhaustiveResult x = m.exhaustive();
        if (x != null) {
            return m.member().name() + ": " + x.executions() + " executions, " + verdict(x) + " (" + x.cut()
                    + " cut, " + x.pruned() + " pruned; bounds: --max-steps " + steps + ", starvation "
                    + DfsSearch.DEFAULT_STARVATION_BOUND + ")";
        }
        if (m.member() instanceof Portfolio.Seeded s) {
            return s.name() + ": " + m.runs() + " schedules, " + m.cut() + " cut" + (s.kind() == StrategyKind.PCT && m.runs() > 0
                    ? "; " + Reports.pctBound(m.maxActors(), Math.max(k, m.maxSteps()), s.pctDepth()) : "");
        }
        return m.member().name() + ": " + m.runs() + " executions";
    }

    private static String verdict(ExhaustiveResult x) {
        return x.verdict() == ExhaustiveResult.Verdict.VERIFIED ? "verified: no schedule fails within its bounds"
                : x.verdict().name().toLowerCase(Locale.ROOT);
    }

    private static Portfolio.Figures figures(Portfolio.Result r, String name) {
        for (Portfolio.Figures m : r.members()) {
            if (m.member().name().equals(name)) {
                return m;
            }
        }
        throw new IllegalStateException("no member " + name);
    }

    private String json(Target t, long baseSeed, Portfolio.Result r, String replay, RunResult traced) {
        CellCheck.Found f = r.found();
        List<Json> members = new ArrayList<>();
        for (Portfolio.Figures m : r.members()) {
            Json j = Json.object().put("name", m.member().name()).put("runs", m.runs()).put("cut", m.cut());
            if (m.exhaustive() != null) {
                j.put("verdict", m.exhaustive().verdict().name().toLowerCase(Locale.ROOT));
            }
            members.add(j);
        }
        long cut = r.members().stream().mapToLong(Portfolio.Figures::cut).sum();
        return Json.object()
                .put("scenario", t.scenario().name())
                .put("variant", t.variant().id())
                .put("strategy", "portfolio")
                .put("seed", f != null && f.seed() != null ? f.seed() : baseSeed)
                .put("schedules", r.runs())
                .put("cut", cut)
                .put("verdict", f != null ? "fail" : "pass")
                .put("failure", f != null ? Reports.failure(f.result().failure()) : null)
                .put("replay", replay)
                .put("elapsedMs", r.elapsedMs())
                .put("story", traced == null ? List.of() : Story.lines(traced))
                .put("foundBy", f == null ? null : f.strategy())
                .put("members", members)
                .toString();
    }

    /** Prints how far the portfolio got every few seconds, on stderr; results never depend on it. */
    private Portfolio.Progress progress(long start) {
        long[] last = {start};
        return (member, done) -> {
            ran.set(done);
            long now = System.nanoTime();
            if (now - last[0] >= PROGRESS_EVERY_NANOS) {
                last[0] = now;
                ctx.err().println("gcsim: " + done + " runs so far (" + member + " running)");
            }
        };
    }
}
