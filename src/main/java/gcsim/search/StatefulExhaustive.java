package gcsim.search;

import gcsim.check.Executor;
import gcsim.check.Forkable;
import gcsim.search.stateful.StatefulOptions;
import gcsim.search.stateful.StatefulResult;
import gcsim.search.stateful.StatefulSearch;
import java.util.function.Consumer;

/**
 * The exhaustive phase of a cell as compare runs it: first the DFS with partial-order reduction (the
 * cheapest proof where the reduction collapses the space), and only when it runs out of executions
 * the stateful search, which expands each distinct state once and so finishes wherever the states
 * are fewer than its bound, however many interleavings reach them.
 *
 * <p>Why this order and not the stateful search alone: on the cells the DFS verifies today it needs
 * a few thousand executions, while the stateful search, having no reduction (see {@link
 * StatefulSearch} for why), expands every interleaving's distinct states; running it second keeps
 * every verdict the DFS gives and adds those only it can give.
 */
public final class StatefulExhaustive implements Exhaustive {
    private final Exhaustive first;
    private final StatefulOptions options;
    private final Consumer<String> log;

    /**
     * @param first the search to try first, or null for the stateful search alone
     * @param log receives one line per stateful search with its figures and wall time (stderr); nothing
     *     it receives reaches a result
     */
    public StatefulExhaustive(Exhaustive first, StatefulOptions options, Consumer<String> log) {
        this.first = first;
        this.options = options;
        this.log = log;
    }

    @Override
    public ExhaustiveResult explore(Executor executor, long maxExecutions) {
        ExhaustiveResult before = first == null ? null : first.explore(executor, maxExecutions);
        if (before != null && before.verdict() != ExhaustiveResult.Verdict.INCOMPLETE) {
            return before;
        }
        CoverageCounter counter = executor instanceof CoverageCounter c ? c : null;
        Executor inner = counter == null ? executor : counter.inner();
        if (!(inner instanceof Forkable forkable)) {
            return before;
        }
        long start = System.nanoTime();
        StatefulResult s = new StatefulSearch().explore(forkable, options, r -> {
            if (counter != null) {
                counter.record(r);
            }
        });
        log.accept(s.summary() + "; " + (System.nanoTime() - start) / 1_000_000 + " ms");
        ExhaustiveResult.Verdict verdict = ExhaustiveResult.Verdict.valueOf(s.verdict().name());
        long dfsExecutions = before == null ? 0 : before.executions();
        return new ExhaustiveResult(verdict, dfsExecutions + s.executions(), before == null ? 0 : before.pruned(),
                (before == null ? 0 : before.cut()) + s.cut(), Math.max(s.terminalStates(), before == null ? 0
                : before.terminalStates()), s.complete(), null, s.failure(),
                s.failure() == null ? -1 : dfsExecutions + s.executions() - 1, before == null ? 0 : before.blocked(), s,
                before == null ? "dfs" : before.engine());
    }
}
