package gcsim.search.dfs;

import gcsim.check.Executor;
import gcsim.check.RunResult;
import gcsim.kernel.ReplayStrategy;
import java.util.function.Consumer;

/**
 * Exhaustive search: a stateless depth-first search over every schedule of an {@link Executor},
 * with dynamic partial-order reduction, so that a race found is found for certain and a pass is a
 * proof within the bounds, not a sample.
 *
 * <p><b>Stateless.</b> No visited set: each execution follows the choices of the current path and
 * goes on with a default policy (keep the previous actor when it can run, else the first option in
 * the kernel's order). The kernel reports every step's options and footprint to the search's
 * strategy ({@link gcsim.kernel.ExecutionListener}). An execution does not replay the whole path:
 * when the executor's worlds can be copied, it goes on from a copy taken on the path at or before the
 * step where it leaves the previous execution ({@link Checkpoints}), and the race analysis goes on
 * from that step too ({@link RaceAnalysis}); both change the cost of an execution, never which
 * executions run ({@link DfsSession} keeps the whole replay as the reference).
 *
 * <p><b>Reduction.</b> Source-set DPOR with sleep sets (Abdulla, Aronis, Jonsson and Sagonas, POPL
 * 2014, their Algorithm 1), over the kernel's footprints: after each execution, every immediate
 * race between a step and a later dependent step of another actor adds, at the scheduling point
 * before the earlier step, one actor that can start the reversed sequence, unless one is there
 * already. A clock advance is the pseudo-actor (slot 0) that writes the clock. What footprints do
 * not show is derived from the enabled sets and the processes ({@link RaceAnalysis}): enabling is
 * happens-before, disabling and process exits are dependence, an oracle's stop or a cut disables
 * everyone, and the step a waiting actor's guard lets through is checked against the steps before
 * its wait began, as Flanagan and Godefroid check the next step of disabled processes. Source sets
 * are not optimal: an execution can start down a path that its sleep set then blocks (it is
 * abandoned there and counted in {@link DfsResult#blocked()}).
 *
 * <p><b>What the reduction trusts.</b> Every step reports every read and write of shared state, so
 * that independent steps commute; a wait is unconditional (the step registers a guard, the kernel
 * polls it between steps), or the check deciding to wait is a recorded read. A step that branches on
 * state it does not report makes the search miss executions; {@link FootprintAudit} finds such
 * steps. Resources created during an execution are numbered in creation order, so sleep sets compare
 * them as one wildcard ({@link Sleeper}).
 *
 * <p><b>Data choices</b> (values drawn inside a step) are branch points of their own and are
 * never reduced: every value is explored, in order, under every scheduling choice.
 *
 * <p><b>Bounds.</b> Executions cut by the executor's step bound are counted in {@link
 * DfsResult#cut()}; races with steps beyond a cut cannot be seen, so the verdict covers what fits
 * within the bound. A preemption bound skips the alternatives beyond it ({@link
 * DfsResult#boundSkipped()}). DPOR does not compose exactly with it, so {@link DfsOptions#reduction()}
 * chooses: off (the default under a bound), every schedule within the bound runs once, as in CHESS;
 * on, DPOR and sleep sets run within the bound and each race is also reversed where the earlier
 * actor's slice began (after Coons, Musuvathi and McKinley's bounded POR), a fast under-approximation
 * that can miss schedules within the bound whose explored equivalents need more preemptions.
 *
 * <p><b>Stateful mode</b> ({@link DfsOptions#stateful()}): the same search with a visited set. A
 * state whose subtree is finished is kept with a summary of what ran below it ({@link StateCache}); a
 * path that reaches it stops, and the summary's races with the path add the backtrack points the
 * pruned continuation would have added ({@link SummaryRaces}). The number of executions then grows
 * with the distinct states rather than with the interleavings that reach them.
 *
 * <p>Deterministic: the same executor and options explore the same executions in the same order;
 * no wall clock, no randomness, no hash order.
 */
public final class Dfs {

    public DfsResult explore(Executor executor, DfsOptions options) {
        return explore(executor, options, r -> { });
    }

    /**
     * Explores, calling {@code onExecution} with every execution that ran to its end (cut ones
     * included, abandoned ones not), in order.
     */
    public DfsResult explore(Executor executor, DfsOptions options, Consumer<RunResult> onExecution) {
        DfsSession session = new DfsSession(executor, options);
        session.run(options.maxExecutions(), onExecution);
        return session.result();
    }

    /** The failing execution again, replayed from its schedule with the trace on, for the report. */
    static RunResult withTrace(Executor executor, RunResult failure) {
        RunResult traced = executor.run(new ReplayStrategy(failure.schedule()), true);
        return traced.failed() && traced.failure().equals(failure.failure()) ? traced : failure;
    }
}
