package gcsim.cli;

import gcsim.check.Executor;
import gcsim.check.Forkable;
import gcsim.check.RunResult;
import gcsim.report.Json;
import gcsim.report.Story;
import gcsim.search.stateful.StatefulOptions;
import gcsim.search.stateful.StatefulResult;
import gcsim.search.stateful.StatefulSearch;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code search --strategy stateful}: the stateful exhaustive search on one scenario under one
 * variant. Like {@code --strategy dfs} it ends {@code verified}, {@code incomplete} or {@code fail};
 * it also prints TLC's figures (distinct states, states generated, depth) and the chance that two
 * distinct states shared a fingerprint. A failure is an ordinary schedule: its replay line and a
 * saved schedule work with every other command.
 */
final class StatefulRun {
    private final Context ctx;

    StatefulRun(Context ctx) {
        this.ctx = ctx;
    }

    int run(String scenarioArg, String variantId, String orderText, String maxStatesText, String restoreText,
            String starvationText, String maxStepsText, String saveSchedule, boolean json) throws Exception {
        StatefulOptions.Order order = choice("--order", orderText, StatefulOptions.Order.DFS, StatefulOptions.Order.values());
        StatefulOptions.Restore restore = choice("--restore", restoreText, StatefulOptions.Restore.SNAPSHOT,
                StatefulOptions.Restore.values());
        long maxStates = maxStatesText == null ? StatefulOptions.DEFAULT_MAX_STATES
                : Numbers.positiveLong("--max-states", maxStatesText);
        int steps = maxStepsText == null ? Reports.DEFAULT_MAX_STEPS : Numbers.positiveInt("--max-steps", maxStepsText);
        int starvation = DfsSearch.starvation(starvationText);
        Target t = Target.load(ctx.project(), scenarioArg, variantId);
        if (saveSchedule != null) {
            ScheduleFile.checkWritable("--save-schedule", Path.of(saveSchedule));
        }
        Executor e = ctx.project().executor(t.scenario(), t.variant(), steps, starvation);
        if (!(e instanceof Forkable forkable)) {
            throw new IllegalStateException("this project's executor cannot be copied between steps");
        }
        Interrupts.onSignal(() -> "search interrupted (stateful); no failure found");
        long start = System.nanoTime();
        StatefulResult r = new StatefulSearch().explore(forkable, new StatefulOptions(maxStates, order, restore, true, true));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        String replayLine = null;
        RunResult f = r.failure();
        if (f != null) {
            String choices = f.schedule().encode();
            replayLine = Reports.replayCommand(t, choices, steps);
            if (saveSchedule != null) {
                new ScheduleFile(Version.get(), t.scenarioArg(), t.variant().id(), choices,
                        steps == Reports.DEFAULT_MAX_STEPS ? null : steps, Target.sha256(t.scenarioFile()))
                        .write(Path.of(saveSchedule));
            }
        } else if (saveSchedule != null) {
            ctx.err().println("gcsim: no failure found, so no schedule was saved to " + saveSchedule);
        }
        if (json) {
            ctx.out().println(json(t, r, order, steps, starvation, replayLine, elapsedMs));
        } else {
            text(r, order, steps, starvation, replayLine);
        }
        ctx.err().println("gcsim: " + r.distinctStates() + " distinct states, " + r.transitions() + " transitions in "
                + elapsedMs + " ms (" + Reports.rateText(r.transitions() * 1000.0 / Math.max(1, elapsedMs))
                + " transitions per second)");
        Interrupts.onSignal(null);
        return r.verdict() == StatefulResult.Verdict.FAIL ? 1 : 0;
    }

    private static <E extends Enum<E>> E choice(String option, String text, E fallback, E[] values) throws BadInput {
        if (text == null) {
            return fallback;
        }
        for (E v : values) {
            if (v.name().toLowerCase(Locale.ROOT).equals(text)) {
                return v;
            }
        }
        StringBuilder accepted = new StringBuilder();
        for (E v : values) {
            accepted.append(accepted.length() == 0 ? "" : ", ").append(v.name().toLowerCase(Locale.ROOT));
        }
        throw new BadInput(option + ": '" + gcsim.scenario.Text.shown(text) + "' is not one of " + accepted);
    }

    private static String bounds(int steps, int starvation) {
        return "executions of at most " + steps + " steps (--max-steps), " + (starvation < 0 ? "no starvation bound"
                : "at most " + starvation + " retry-loop turn" + (starvation == 1 ? "" : "s")
                + " (clock advance or busy retry) in a row past an actor that can run (--starvation)");
    }

    private void text(StatefulResult r, StatefulOptions.Order order, int steps, int starvation, String replayLine) {
        PrintStream out = ctx.out();
        String o = order.name().toLowerCase(Locale.ROOT);
        if (r.failure() != null) {
            out.println("failure: " + Reports.failureSummary(r.failure().failure()));
            for (String line : Story.lines(r.failure())) {
                out.println(line);
            }
            out.println("found after " + r.distinctStates() + " distinct states (stateful, " + o + "), "
                    + r.failure().schedule().size() + " choices from the start");
            out.println("replay: " + replayLine);
            return;
        }
        if (r.verdict() == StatefulResult.Verdict.VERIFIED) {
            out.println("verdict: verified: no reachable state fails, within " + bounds(steps, starvation));
        } else {
            out.println("verdict: incomplete: no failure in the first " + r.distinctStates() + " distinct states ("
                    + (r.cut() > 0 ? r.cut() + " executions reached --max-steps" : "--max-states " + r.maxStates()) + ")");
        }
        out.println("distinct states: " + r.distinctStates() + " (" + r.transitions() + " generated, " + o + " order)");
        out.println("depth: " + r.maxDepth() + " transitions at most; " + r.executions() + " executions ended ("
                + r.terminalStates() + " terminal states, " + r.cut() + " cut)");
        out.println("fingerprints: 128 bits; probability that two distinct states collided: "
                + String.format(Locale.ROOT, "%.1e", r.collisionProbability()));
    }

    private static String json(Target t, StatefulResult r, StatefulOptions.Order order, int steps, int starvation,
                               String replayLine, long elapsedMs) {
        RunResult f = r.failure();
        return Json.object()
                .put("scenario", t.scenario().name())
                .put("variant", t.variant().id())
                .put("strategy", Options.STATEFUL)
                .put("seed", null)
                .put("schedules", r.executions())
                .put("cut", r.cut())
                .put("verdict", r.verdict().name().toLowerCase(Locale.ROOT))
                .put("failure", f == null ? null : Reports.failure(f.failure()))
                .put("replay", replayLine)
                .put("schedulesPerSecond", Reports.rate(r.executions() * 1000.0 / Math.max(1, elapsedMs)))
                .put("elapsedMs", elapsedMs)
                .put("order", order.name().toLowerCase(Locale.ROOT))
                .put("distinctStates", r.distinctStates())
                .put("transitions", r.transitions())
                .put("maxDepth", r.maxDepth())
                .put("maxStates", r.maxStates())
                .put("collisionProbability", r.collisionProbability())
                .put("maxSteps", steps)
                .put("starvationBound", starvation < 0 ? null : starvation)
                .put("story", f == null ? List.of() : Story.lines(f))
                .toString();
    }
}
