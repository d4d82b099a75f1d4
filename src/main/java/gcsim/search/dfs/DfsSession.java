package gcsim.search.dfs;

import gcsim.check.Executor;
import gcsim.check.Forkable;
import gcsim.check.RunResult;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One exhaustive search that runs a slice of executions at a time and resumes where it stopped, so
 * that a portfolio can interleave it with seeded searches fairly. The stack (the {@link Explorer})
 * lives between slices; nothing else does, so a search run in slices explores exactly the executions,
 * in the same order, as one run in a single go ({@link Dfs#explore}).
 */
public final class DfsSession {
    private final Executor executor;
    private final DfsOptions options;
    private final Explorer explorer;
    private final TreeSet<Long> terminal = new TreeSet<>();
    private long executions;
    private long cut;
    private long blocked;
    private RunResult failure;
    private long failureIndex = -1;
    private boolean complete;
    private boolean over;

    /** A session that simulates and analyses only what changed between executions, where it can. */
    public DfsSession(Executor executor, DfsOptions options) {
        this(executor, options, true);
    }

    /**
     * @param incremental resume each execution from a copy of the world taken on the current path
     *     ({@link Checkpoints}) when the executor can be copied and the search is stateless, and analyse
     *     its races from the first step that differs from the previous execution; false replays and
     *     analyses every execution from the start. Both explore the same executions in the same
     *     order: the whole replay is kept as the reference the incremental search is checked against.
     */
    public DfsSession(Executor executor, DfsOptions options, boolean incremental) {
        this.executor = executor;
        this.options = options;
        if (options.stateful() && !(executor instanceof Forkable)) {
            throw new IllegalArgumentException("the stateful DPOR search needs an executor whose worlds it can fingerprint");
        }
        this.explorer = new Explorer(options.preemptionBound(), options.reduction(),
                options.stateful() ? new StateCache() : null);
        if (incremental && !options.stateful() && executor instanceof Forkable f) {
            explorer.checkpoints = new Checkpoints(f, explorer);
        }
        explorer.analysis.whole = !incremental;
    }

    /** One execution driven by the explorer; in the stateful mode on a session the cache can fingerprint. */
    private RunResult runOne() {
        if (explorer.cache == null) {
            return explorer.checkpoints == null ? executor.run(explorer, false)
                    : explorer.checkpoints.run(explorer.divergence());
        }
        Forkable.Session s = ((Forkable) executor).open(explorer);
        explorer.cache.session(s);
        return s.finish(s.kernel().run());
    }

    /**
     * Runs up to {@code most} more executions (never past the options' budget), calling {@code
     * onExecution} with every one that ran to its end; returns how many ran.
     */
    public long run(long most, Consumer<RunResult> onExecution) {
        long ran = 0;
        while (!over && ran < most) {
            if (executions >= options.maxExecutions()) {
                over = true;
                break;
            }
            RunResult r = null;
            try {
                r = runOne();
            } catch (Abandon abandoned) {
                // sleep-set blocked or beyond the bound: nothing new down this path
            }
            executions++;
            ran++;
            if (r == null) {
                blocked++;
                explorer.finished(null);
            } else {
                explorer.finished(r.outcome().end());
                onExecution.accept(r);
                if (r.cut()) {
                    cut++;
                } else {
                    terminal.add(r.terminalState());
                }
                if (r.failed() && failure == null) {
                    failure = r;
                    failureIndex = executions - 1;
                }
                if (r.failed() && options.stopAtFirstFailure()) {
                    over = true;
                    break;
                }
            }
            if (!explorer.advance()) {
                complete = true;
                over = true;
            }
        }
        if (executions >= options.maxExecutions()) {
            over = true;
        }
        return ran;
    }

    /** True once the search has ended: exhausted, stopped at a failure, or out of executions. */
    public boolean over() {
        return over;
    }

    /** The failure found so far, without its trace, or null. */
    public RunResult failure() {
        return failure;
    }

    public long executions() {
        return executions;
    }

    /** Lets a test see every execution the race analysis sees (see {@link AnalysisAudit}). */
    void audit(AnalysisAudit audit) {
        explorer.audit = audit;
    }

    /** Executions that went on from a copy of the world rather than from the start (see {@link Checkpoints}). */
    long resumedFromCopies() {
        return explorer.checkpoints == null ? 0 : explorer.checkpoints.resumed;
    }

    private long revisits() {
        return explorer.cache == null ? 0 : explorer.cache.revisits;
    }

    /** The result so far; the verdict is VERIFIED only once the space is exhausted. */
    public DfsResult result() {
        RunResult traced = failure == null ? null : Dfs.withTrace(executor, failure);
        Verdict verdict = failure != null ? Verdict.FAIL : complete ? Verdict.VERIFIED : Verdict.INCOMPLETE;
        return new DfsResult(verdict, executions, explorer.pruned, cut, terminal.size(), complete,
                options.preemptionBound(), traced, failureIndex, explorer.boundSkipped, blocked - revisits(),
                explorer.cache == null ? 0 : explorer.cache.states(), revisits());
    }
}
