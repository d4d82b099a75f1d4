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
 * <p>Which partial-order reduction: only a state-local one ({@link Invisible}: a state with an
 * invisible step is expanded by that step alone). The DFS's sleep sets and DPOR do not combine with a
 * visited set as they stand: a state first reached with a transition asleep is never re-expanded
 * when reached again with it awake (Godefroid 1996 keeps each state's sleep set and re-explores the
 * difference), and DPOR's backtrack points come from the rest of the execution, which a visited
 * state cuts off (Yang et al. 2008 keep a summary of what ran below each visited state to recover
 * them, as the DFS's stateful mode does: {@code DfsOptions.stateful}). A failure found
 * is an ordinary schedule from the start, replayable by every other command.
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
        /** Options whose every transition already ran (while looking for an invisible step), or null. */
        boolean[] done;

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
            while (done != null && next < options.length && done[next]) {
                next++;
            }
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
        private long reduced;

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
                if (n.done == null && n.next < 0 && options.reduction() && reducible(n.options)) {
                    reduce(n); // may push children: look again at the top
                    if (full || (failure != null && options.stopAtFirstFailure())) {
                        break;
                    }
                    continue;
                }
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

        /** A world at {@code n}'s state, with the driver planned to take {@code option} with data {@code values}. */
        private Forkable.Session restore(Node n, int option, IntList values) {
            if (options.restore() == StatefulOptions.Restore.SNAPSHOT) {
                if (n.base == null && n.choices.size() > 0) {
                    n.base = materialize(n.choices);
                }
                Forkable.Session s = n.base == null ? executor.open(driver) : snapshot.copy(n.base);
                driver.plan(new IntList(0), option, values);
                return s;
            }
            Forkable.Session s = executor.open(driver);
            driver.plan(n.choices, option, values);
            return s;
        }

        private static boolean reducible(int[] options) {
            return options[0] != Driver.NO_PICK && options[options.length - 1] != gcsim.kernel.Kernel.ADVANCE_CLOCK;
        }

        /**
         * Tries each actor for an invisible step ({@link Invisible}) to a new state; when one is found,
         * {@code n} is expanded by it alone. A try that is not invisible still ran
         * a transition of {@code n}: its result is kept and the option marked done, unless its step
         * made data choices (the others of which the full expansion then runs, this one again).
         */
        private void reduce(Node n) {
            n.done = new boolean[n.options.length];
            java.util.List<Object[]> kept = new java.util.ArrayList<>(n.options.length);
            for (int i = 0; i < n.options.length; i++) {
                int a = n.options[i];
                Forkable.Session s;
                if (options.restore() == StatefulOptions.Restore.REPLAY) { // replay first: the record is of a's step alone
                    s = materialize(n.choices);
                    driver.plan(new IntList(0), a, new IntList(0));
                } else {
                    s = restore(n, a, new IntList(0));
                }
                int before = s.kernel().steps();
                long counters = Invisible.counters(s.kernel());
                Invisible.record(s.kernel());
                transitions++;
                try {
                    gcsim.kernel.Outcome o = s.kernel().run();
                    steps += s.kernel().steps() - before; // it ended the execution: not invisible
                    if (driver.bounds.size() == 0) {
                        n.done[i] = true;
                        kept.add(new Object[] {s, o});
                    }
                } catch (Driver.Pause p) {
                    steps += s.kernel().steps() - before;
                    boolean invisible = Invisible.was(s.kernel(), a, n.options, driver.paused(), counters,
                            driver.bounds.size() > 0);
                    Invisible.stopRecording(s.kernel());
                    Fingerprint.Value fp = fingerprint.of(s);
                    if (invisible && !visited.contains(fp)) { // the others' runs are dropped: this one stands for them
                        visited.add(fp);
                        reduced++;
                        n.next = n.options.length;
                        n.base = null;
                        full = visited.size() >= options.maxStates();
                        if (!full) {
                            push(n, s, driver.paused());
                        }
                        return;
                    }
                    if (driver.bounds.size() == 0) {
                        n.done[i] = true;
                        kept.add(new Object[] {s, fp, driver.paused()});
                    }
                }
            }
            for (Object[] k : kept) { // no invisible step: what ran counts as the full expansion's transitions
                Forkable.Session s = (Forkable.Session) k[0];
                if (k[1] instanceof gcsim.kernel.Outcome o) {
                    if (!ended(s.finish(o))) {
                        return;
                    }
                } else if (visited.add((Fingerprint.Value) k[1])) {
                    full = visited.size() >= options.maxStates();
                    if (full) {
                        return;
                    }
                    push(n, s, (int[]) k[2]);
                }
            }
        }

        private void push(Node parent, Forkable.Session s, int[] paused) {
            boolean keep = options.restore() == StatefulOptions.Restore.SNAPSHOT && options.order() == StatefulOptions.Order.DFS;
            work.addLast(new Node(keep ? s : null, s.kernel().schedule().choices().copy(), paused, parent.depth + 1));
            maxDepth = Math.max(maxDepth, parent.depth + 1);
        }

        /** Runs {@code n}'s current transition; false when the search must stop. */
        private boolean transition(Node n) {
            Forkable.Session s = restore(n, n.options[n.next], n.values);
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
                push(n, s, driver.paused());
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
