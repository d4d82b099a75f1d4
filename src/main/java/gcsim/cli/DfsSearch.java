package gcsim.cli;

import gcsim.check.RunResult;
import gcsim.report.Json;
import gcsim.report.Story;
import gcsim.report.TracePrinter;
import gcsim.search.dfs.Dfs;
import gcsim.search.dfs.DfsOptions;
import gcsim.search.dfs.DfsResult;
import gcsim.search.dfs.Verdict;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@code search --strategy dfs} and {@code replay --strategy dfs}: the exhaustive search on one
 * scenario under one variant, ending in a verdict that states its bounds. Search prints the verdict
 * (and a failure's story with a {@code --choices} replay line); replay runs the same deterministic
 * search again and prints the first failing execution's whole trace, as replaying a seed does.
 *
 * <p>Exit codes follow the contract: 0 for {@code verified} and {@code incomplete}, 1 for
 * {@code fail}. An incomplete search is not an error, but it is never reported as a pass.
 */
final class DfsSearch {
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;
    /** {@link DfsOptions#DEFAULT_STARVATION_BOUND}, which compare shares. */
    static final int DEFAULT_STARVATION_BOUND = DfsOptions.DEFAULT_STARVATION_BOUND;

    private final Context ctx;
    /** Executions finished so far, for the summary line of an interrupted search. */
    private final AtomicLong ran = new AtomicLong();

    /** True for {@code stateful-dpor}: the search keeps a visited set (see {@link DfsOptions#stateful()}). */
    private final boolean stateful;

    DfsSearch(Context ctx, boolean stateful) {
        this.ctx = ctx;
        this.stateful = stateful;
    }

    private String name() {
        return stateful ? Options.STATEFUL_DPOR : Options.DFS;
    }

    /**
     * @param replay print the failing execution's full trace (replay) rather than its story alone (search)
     */
    int run(String scenarioArg, String variantId, String preemptionsText, String maxExecutionsText,
            String starvationText, String maxStepsText, String saveSchedule, boolean json, boolean replay) throws Exception {
        Integer bound = preemptionsText == null ? null : Numbers.nonNegativeInt("--preemptions", preemptionsText,
                "for none at all");
        long max = maxExecutionsText == null ? DfsOptions.DEFAULT_MAX_EXECUTIONS
                : Numbers.positiveLong("--max-executions", maxExecutionsText);
        int steps = maxStepsText == null ? Reports.DEFAULT_MAX_STEPS : Numbers.positiveInt("--max-steps", maxStepsText);
        int starvation = starvation(starvationText);
        Target t = Target.load(ctx.project(), scenarioArg, variantId);
        if (saveSchedule != null) { // a failure found later must not be lost to a bad path
            ScheduleFile.checkWritable("--save-schedule", Path.of(saveSchedule));
        }
        Interrupts.onSignal(() -> "search interrupted after " + ran.get() + " executions (" + name() + "); no failure found");

        long start = System.nanoTime();
        DfsResult r = new Dfs().explore(ctx.project().executor(t.scenario(), t.variant(), steps, starvation),
                options(max, bound), progress(start));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        RunResult failure = r.failure();
        String replayLine = null;
        if (failure != null) {
            String choices = failure.schedule().encode();
            replayLine = Reports.replayCommand(t, choices, steps);
            if (saveSchedule != null) {
                new ScheduleFile(Version.get(), t.scenarioArg(), t.variant().id(), choices,
                        steps == Reports.DEFAULT_MAX_STEPS ? null : steps, Target.sha256(t.scenarioFile()))
                        .write(Path.of(saveSchedule));
            }
            String saved = saveSchedule == null ? "; replay: " + replayLine : "; saved to " + saveSchedule;
            Interrupts.onSignal(() -> "search interrupted after finding a failure in execution " + (r.failureIndex() + 1)
                    + " (" + name() + ")" + saved);
        } else if (saveSchedule != null) {
            ctx.err().println("gcsim: no failure found, so no schedule was saved to " + saveSchedule);
        }
        if (json) {
            ctx.out().println(json(t, r, steps, starvation, replayLine, elapsedMs, replay));
        } else {
            text(r, max, steps, starvation, replayLine, elapsedMs, replay);
        }
        Interrupts.onSignal(null);
        return r.verdict() == Verdict.FAIL ? 1 : 0;
    }

    private DfsOptions options(long max, Integer bound) throws BadInput {
        if (stateful && bound != null) {
            throw new BadInput("--preemptions does not go with --strategy stateful-dpor (accepted: --strategy dfs)");
        }
        return new DfsOptions(max, bound, true).withStateful(stateful);
    }

    /** {@code verified}, {@code incomplete} or {@code fail}: the verdict as JSON and text spell it. */
    static String verdict(DfsResult r) {
        return r.verdict().name().toLowerCase(Locale.ROOT);
    }

    /** {@code --starvation}: 0 or more, or {@code none} (-1). */
    static int starvation(String text) throws BadInput {
        if (text == null) {
            return DEFAULT_STARVATION_BOUND;
        }
        if (text.strip().equals("none")) {
            return -1;
        }
        try {
            return Numbers.nonNegativeInt("--starvation", text, "(time never passes an actor that can run)");
        } catch (BadInput e) {
            throw new BadInput("--starvation: '" + text + "' is not a whole number from 0 up or none (accepted: 0, 1, 2,"
                    + " … retry-loop turns in a row past an actor that can run, or none for no bound)");
        }
    }

    /** The bounds a verdict holds within, in words. */
    static String bounds(DfsResult r, int steps, int starvation) {
        return "executions of at most " + steps + " steps (--max-steps), " + (r.preemptionBound() == null
                ? "no preemption bound" : "at most " + r.preemptionBound() + " preemption"
                + (r.preemptionBound() == 1 ? "" : "s") + " (--preemptions)") + ", " + (starvation < 0
                ? "no starvation bound" : "at most " + starvation + " retry-loop turn" + (starvation == 1 ? "" : "s")
                + " (clock advance or busy retry) in a row past an actor that can run (--starvation)");
    }

    private void text(DfsResult r, long max, int steps, int starvation, String replayLine, long elapsedMs, boolean replay) {
        PrintStream out = ctx.out();
        if (r.verdict() == Verdict.FAIL) {
            RunResult f = r.failure();
            if (replay) {
                for (String line : TracePrinter.lines(f.trace())) {
                    out.println(line);
                }
                out.println();
                out.println("story:");
            } else {
                out.println("failure: " + Reports.failureSummary(f.failure()));
            }
            for (String line : Story.lines(f)) {
                out.println(line);
            }
            if (replay) {
                out.println();
                out.println("verdict: fail: " + Reports.failureSummary(f.failure()) + "; " + Reports.ending(f, steps));
            }
            out.println("found in execution " + (r.failureIndex() + 1) + " of at most " + max + " (" + name() + ", "
                    + bounds(r, steps, starvation) + "); " + r.pruned() + " pruned, " + r.cut() + " cut");
            out.println("replay: " + replayLine);
        } else if (r.verdict() == Verdict.VERIFIED) {
            out.println("verdict: verified: no schedule fails, within " + bounds(r, steps, starvation));
            figures(out, r);
        } else {
            out.println("verdict: incomplete: no failure in the first " + r.executions() + " executions (--max-executions "
                    + max + "); the space within " + bounds(r, steps, starvation) + " was not exhausted");
            figures(out, r);
        }
        ctx.err().println("gcsim: " + r.executions() + " executions in " + elapsedMs + " ms ("
                + Reports.rateText(r.executions() * 1000.0 / Math.max(1, elapsedMs)) + " per second)");
    }

    private static void figures(PrintStream out, DfsResult r) {
        out.println("executions: " + r.executions() + " (" + r.blocked() + " of them abandoned where the sleep set blocked"
                + " every option" + (r.states() > 0 ? ", " + r.revisits() + " stopped at a visited state" : "") + ")");
        if (r.states() > 0) {
            out.println("visited states: " + r.states() + " (finished states kept, each with a summary of what ran below it)");
        }
        out.println("pruned: " + r.pruned() + " (branches the reduction showed equivalent to explored ones)");
        out.println("cut: " + r.cut() + " (executions that reached --max-steps; the verdict covers what fits within it)");
        out.println("terminal states: " + r.terminalStates());
        if (r.preemptionBound() != null) {
            out.println("beyond the preemption bound: " + r.boundSkipped() + " branches");
        }
    }

    private String json(Target t, DfsResult r, int steps, int starvation, String replayLine, long elapsedMs, boolean replay) {
        RunResult f = r.failure();
        Json o = Json.object()
                .put("scenario", t.scenario().name())
                .put("variant", t.variant().id())
                .put("strategy", name())
                .put("seed", null)
                .put("schedules", r.executions())
                .put("cut", r.cut())
                .put("verdict", verdict(r))
                .put("failure", f == null ? null : Reports.failure(f.failure()))
                .put("replay", replayLine)
                // no timings for replay, so that two replays print identical bytes
                .put("schedulesPerSecond", replay ? null : Reports.rate(r.executions() * 1000.0 / Math.max(1, elapsedMs)))
                .put("elapsedMs", replay ? null : elapsedMs)
                .put("executions", r.executions())
                .put("pruned", r.pruned())
                .put("terminalStates", r.terminalStates())
                .put("complete", r.complete())
                .put("preemptionBound", r.preemptionBound())
                .put("maxSteps", steps)
                .put("starvationBound", starvation < 0 ? null : starvation)
                .put("blocked", r.blocked())
                .put("visitedStates", stateful ? r.states() : null)
                .put("stoppedAtVisited", stateful ? r.revisits() : null)
                .put("failureExecution", f == null ? null : r.failureIndex() + 1);
        if (replay) {
            o.put("trace", f == null ? null : Reports.trace(f.trace()));
        }
        o.put("story", f == null ? List.of() : Story.lines(f));
        return o.toString();
    }

    /** Prints how far the search got every few seconds, on stderr; results never depend on it. */
    private Consumer<RunResult> progress(long start) {
        long[] seen = {0, start};
        return r -> {
            seen[0]++;
            ran.set(seen[0]);
            if ((seen[0] & 1023) != 0) {
                return;
            }
            long now = System.nanoTime();
            if (now - seen[1] >= PROGRESS_EVERY_NANOS) {
                seen[1] = now;
                ctx.err().println("gcsim: dfs: " + seen[0] + " executions run to their end so far ("
                        + Reports.rateText(seen[0] * 1e9 / Math.max(1, now - start)) + " per second)");
            }
        };
    }
}
