package gcsim.search;

import gcsim.check.Executor;
import gcsim.check.RunResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * {@link Exhaustive} by the depth-first search with partial-order reduction in {@code gcsim.search.dfs}.
 * This is the only class that knows that package's API: {@code new Dfs().explore(executor, new
 * DfsOptions(maxExecutions, preemptionBound, stopAtFirstFailure))} returning a {@code DfsResult}
 * whose accessors {@code verdict()} (an enum: VERIFIED, INCOMPLETE, FAIL), {@code executions()},
 * {@code pruned()}, {@code cut()}, {@code terminalStates()}, {@code complete()},
 * {@code preemptionBound()}, {@code failure()} and {@code failureIndex()} are read here.
 *
 * <p>Why by reflection: the compare command was written while that package was still being
 * written, and gcsim must build and run with or without it; {@link #find} says whether this build
 * has it. Once it is always there, the body of {@link #explore} can become the three direct calls
 * above, and nothing else changes.
 */
public final class DfsExhaustive implements Exhaustive {
    private static final String PACKAGE = "gcsim.search.dfs";

    private final Integer preemptionBound;
    private final Class<?> dfs;
    private final Class<?> options;

    private DfsExhaustive(Integer preemptionBound, Class<?> dfs, Class<?> options) {
        this.preemptionBound = preemptionBound;
        this.dfs = dfs;
        this.options = options;
    }

    /**
     * The DFS engine, or null when this build does not have it.
     *
     * @param preemptionBound the most preemptions per schedule, or null for none
     */
    public static Exhaustive find(Integer preemptionBound) {
        try {
            ClassLoader loader = DfsExhaustive.class.getClassLoader();
            return new DfsExhaustive(preemptionBound, Class.forName(PACKAGE + ".Dfs", true, loader),
                    Class.forName(PACKAGE + ".DfsOptions", true, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    @Override
    public ExhaustiveResult explore(Executor executor, long maxExecutions) {
        Object r;
        try {
            Object opts = options.getConstructor(long.class, Integer.class, boolean.class)
                    .newInstance(maxExecutions, preemptionBound, true);
            Object engine = dfs.getConstructor().newInstance();
            r = dfs.getMethod("explore", Executor.class, options).invoke(engine, executor, opts);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the DFS engine's API is not the one " + DfsExhaustive.class.getName()
                    + " expects: " + e, e);
        }
        String verdict = ((Enum<?>) get(r, "verdict")).name();
        return new ExhaustiveResult(ExhaustiveResult.Verdict.valueOf(verdict), (Long) get(r, "executions"),
                (Long) get(r, "pruned"), (Long) get(r, "cut"), (Long) get(r, "terminalStates"),
                (Boolean) get(r, "complete"), (Integer) get(r, "preemptionBound"), (RunResult) get(r, "failure"),
                (Long) get(r, "failureIndex"));
    }

    private static Object get(Object record, String accessor) {
        try {
            Method m = record.getClass().getMethod(accessor);
            return m.invoke(record);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the DFS result has no accessor " + accessor + "(): " + e, e);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }
}
