package gcsim.search;

/**
 * An exhaustive search run a slice of executions at a time, so that a {@link Portfolio} can
 * interleave it with the seeded searches. Single-threaded and deterministic: the executions a
 * session runs do not depend on how its budget is cut into slices.
 */
public interface ExhaustiveSession {
    /** Runs up to {@code most} more executions; returns how many ran (0 once {@link #over()}). */
    long run(long most);

    /** True once the search has ended: exhausted, failed, or out of its budget. */
    boolean over();

    /** True when an execution has failed (the search then is over). */
    boolean failed();

    /** Executions so far. */
    long executions();

    /** What the search found so far; a failure comes replayed with its trace. */
    ExhaustiveResult result();
}
