package gcsim.search.stateful;

import gcsim.check.Forkable;
import gcsim.check.RunResult;
import gcsim.kernel.IntList;
import gcsim.kernel.Outcome;
import gcsim.kernel.ReplayStrategy;
import gcsim.kernel.Schedule;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The stateful exhaustive search: every distinct state of the world is expanded once, as TLC does,
 * so the work grows with the number of states rather than with the number of interleavings that
 * reach them. A state is the whole world between two steps ({@link Fingerprint}); its transitions
 * are its options (each actor that can run, the clock advance) times the data choices the step
 * makes, each running up to the next scheduling point with two or more options.
 *
 * <p>Why no partial-order reduction here: sleep sets combined with a visited set are unsound as
 * they stand, since a state first reached with a transition asleep is never re-expanded when reached
 * again with that transition awake (Godefroid 1996 keeps each state's sleep set and re-explores the
 * difference), and DPOR's backtrack points are computed from the rest of the execution, which a
 * visited state cuts off (Yang et al. 2008 need a graph of visited states to recover them). State
 * caching alone is sound and, on the library's scenarios, already collapses the interleavings that
 * the reduction would prune, because they lead to the same states. A failure found is an ordinary
 * schedule from the start, replayable by every other command.
 */
public final class StatefulSearch {

    public StatefulResult explore(Forkable executor, StatefulOptions options) {
        return explore(executor, options, r -> { });
    }

    /** @param onExecution sees every execution that ended (a terminal state), in order */
    public StatefulResult explore(Forkable executor, StatefulOptions options, Consumer<RunResult> onExecution) {
        return new Search(executor, options, onExecution).run();
    }

    /** A state whose transitions are being run: how to get back to it, its options, and which transition is next. */
    private static final class Node {
        /** A world at this state, never run itself, or null (then it is rebuilt from {@link #choices}). */
        Forkable.Session base;
        final IntList choices;
        final int[] options;
        final int depth;
        int next = -1;
        IntList values = new IntList(0);
        IntList bounds = new IntList(0);

        Node(Forkable.Session base, IntList choices, int[] options, int depth) {
            this.base = base;
            this.choices = choices;
            this.options = options;
            this.depth = depth;
        }

        /** Moves to the next transition: the next data vector of this option, else the next option. */
        boolean advance() {
            if (next >= 0 && Driver.nextVector(values, bounds)) {
                return true;
            }
            next++;
            values = new IntList(0);
            bounds = new IntList(0);
            return next < options.length;
        }
    }

    private static final class Search {
        private final Forkable executor;
        private final StatefulOptions options;
        private final Consumer<RunResult> onExecution;
        private final Driver driver = new Driver();
        private final Snapshot snapshot;
        private final Fingerprint fingerprint = new Fingerprint();
        private final FingerprintSet visited = new FingerprintSet();
        private final FingerprintSet terminal = new FingerprintSet();
        private final ArrayDeque<Node> work = new ArrayDeque<>();
        private long transitions;
        private long executions;
        private long cut;
        private long steps;
        private int maxDepth;
        private RunResult failure;
        private boolean full;

        Search(Forkable executor, StatefulOptions options, Consumer<RunResult> onExecution) {
            this.executor = executor;
            this.options = options;
            this.onExecution = onExecution;
            this.snapshot = new Snapshot(driver);
        }

        StatefulResult run() {
            work.add(new Node(null, new IntList(0), new int[] {Driver.NO_PICK}, 0));
            boolean dfs = options.order() == StatefulOptions.Order.DFS;
            while (!work.isEmpty()) {
                Node n = dfs ? work.peekLast() : work.peekFirst();
                if (!n.advance()) {
                    n.base = null;
                    if (dfs) {
                        work.pollLast();
                    } else {
                        work.pollFirst();
                    }
                    continue;
                }
                if (!transition(n)) {
                    break;
                }
            }
            StatefulResult.Verdict verdict = failure != null ? StatefulResult.Verdict.FAIL
                    : full || cut > 0 || !work.isEmpty() ? StatefulResult.Verdict.INCOMPLETE
                    : StatefulResult.Verdict.VERIFIED;
            RunResult traced = failure == null ? null
                    : executor.run(new ReplayStrategy(new Schedule(failure.schedule().choices().copy())), true);
            return new StatefulResult(verdict, transitions, visited.size(), executions, terminal.size(), cut, maxDepth,
                    steps, traced, Fingerprint.collisionProbability(visited.size()), options.maxStates());
        }

        /** Runs {@code n}'s current transition; false when the search must stop. */
        private boolean transition(Node n) {
            boolean fromSnapshot = options.restore() == StatefulOptions.Restore.SNAPSHOT;
            Forkable.Session s;
            if (fromSnapshot) {
                if (n.base == null && n.choices.size() > 0) {
                    n.base = materialize(n.choices);
                }
                s = n.base == null ? executor.open(driver) : snapshot.copy(n.base);
                driver.plan(new IntList(0), n.options[n.next], n.values);
            } else {
                s = executor.open(driver);
                driver.plan(n.choices, n.options[n.next], n.values);
            }
            int before = s.kernel().steps();
            transitions++;
            try {
                Outcome o = s.kernel().run();
                steps += s.kernel().steps() - before;
                keepVector(n);
                return ended(s.finish(o));
            } catch (Driver.Pause p) {
                steps += s.kernel().steps() - before;
                keepVector(n);
                if (!visited.add(fingerprint.of(s))) {
                    return true;
                }
                if (visited.size() >= options.maxStates()) {
                    full = true;
                    return false;
                }
                boolean keep = fromSnapshot && options.order() == StatefulOptions.Order.DFS;
                work.addLast(new Node(keep ? s : null, s.kernel().schedule().choices().copy(), driver.paused(), n.depth + 1));
                maxDepth = Math.max(maxDepth, n.depth + 1);
                return true;
            }
        }

        private void keepVector(Node n) {
            n.values = driver.values.copy();
            n.bounds = driver.bounds.copy();
        }

        /** A world at the state {@code choices} lead to, by replaying them from the start. */
        private Forkable.Session materialize(IntList choices) {
            Forkable.Session s = executor.open(driver);
            driver.plan(choices, Driver.NO_PICK, new IntList(0));
            try {
                s.kernel().run();
            } catch (Driver.Pause p) {
                steps += s.kernel().steps();
                return s;
            }
            throw new IllegalStateException("a replayed state ended its execution: the model is not deterministic");
        }

        private boolean ended(RunResult r) {
            executions++;
            onExecution.accept(r);
            if (r.cut()) {
                cut++;
            } else {
                terminal.add(new Fingerprint.Value(r.terminalState(), 0));
            }
            if (r.failed() && failure == null) {
                failure = r;
                return !options.stopAtFirstFailure();
            }
            return true;
        }
    }
}
