package gcsim.search.dfs;

import gcsim.check.Executor;
import gcsim.check.RunResult;
import gcsim.kernel.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every schedule of a small system, without any reduction: the oracle the DPOR search is checked
 * against. Deliberately naive and independent of the search's code: a stack of choice points, each
 * with the options or values it allows, enumerated depth-first; no footprints, no sleep sets.
 */
final class BruteForce {
    /**
     * @param executions executions run
     * @param cut executions that hit the step bound
     * @param complete every schedule was enumerated (the budget did not run out)
     * @param terminalStates terminal states of executions that ended (not cut)
     * @param failures each distinct failure as {@code kind: message}
     * @param schedules the encoded schedule of every execution, in order
     */
    record Result(long executions, long cut, boolean complete, SortedSet<Long> terminalStates,
                  SortedSet<String> failures, List<String> schedules) {}

    private static final class Point {
        final int[] allowed;
        int index;

        Point(int[] allowed) {
            this.allowed = allowed;
        }
    }

    private BruteForce() {}

    static Result enumerate(Executor executor, long maxExecutions) {
        return enumerate(executor, maxExecutions, null);
    }

    /** With a preemption bound, only the schedules with at most that many preemptions. */
    static Result enumerate(Executor executor, long maxExecutions, Integer preemptionBound) {
        List<Point> stack = new ArrayList<>();
        int[] cursor = {0};
        int[] preemptions = {0};
        Strategy strategy = new Strategy() {
            @Override
            public void beginExecution() {
                cursor[0] = 0;
                preemptions[0] = 0;
            }

            @Override
            public int nextActor(int[] options, int count, int current) {
                boolean currentCanRun = false;
                for (int i = 0; i < count; i++) {
                    currentCanRun |= options[i] == current;
                }
                int pick;
                if (cursor[0] < stack.size()) {
                    Point p = stack.get(cursor[0]++);
                    pick = p.allowed[p.index];
                } else {
                    int[] allowed = new int[count];
                    int n = 0;
                    for (int i = 0; i < count; i++) {
                        boolean preempts = currentCanRun && options[i] != current;
                        if (preemptionBound == null || preemptions[0] + (preempts ? 1 : 0) <= preemptionBound) {
                            allowed[n++] = options[i];
                        }
                    }
                    Point p = new Point(java.util.Arrays.copyOf(allowed, n));
                    stack.add(p);
                    cursor[0]++;
                    pick = p.allowed[0];
                }
                if (currentCanRun && pick != current) {
                    preemptions[0]++;
                }
                return pick;
            }

            @Override
            public int nextValue(int bound) {
                if (cursor[0] < stack.size()) {
                    Point p = stack.get(cursor[0]++);
                    return p.allowed[p.index];
                }
                int[] all = new int[bound];
                for (int v = 0; v < bound; v++) {
                    all[v] = v;
                }
                stack.add(new Point(all));
                cursor[0]++;
                return 0;
            }
        };
        long executions = 0;
        long cut = 0;
        SortedSet<Long> states = new TreeSet<>();
        SortedSet<String> failures = new TreeSet<>();
        List<String> schedules = new ArrayList<>();
        while (true) {
            if (executions >= maxExecutions) {
                return new Result(executions, cut, false, states, failures, schedules);
            }
            RunResult r = executor.run(strategy, false);
            executions++;
            schedules.add(r.schedule().encode());
            if (r.cut()) {
                cut++;
            } else {
                states.add(r.terminalState());
            }
            if (r.failed()) {
                failures.add(r.failure().kind() + ": " + r.failure().message());
            }
            while (!stack.isEmpty() && stack.get(stack.size() - 1).index + 1 >= stack.get(stack.size() - 1).allowed.length) {
                stack.remove(stack.size() - 1);
            }
            if (stack.isEmpty()) {
                return new Result(executions, cut, true, states, failures, schedules);
            }
            stack.get(stack.size() - 1).index++;
        }
    }
}
