package gcsim.kernel;

/**
 * The single source of every nondeterministic choice in an execution.
 *
 * <p>Determinism is the product: the kernel never picks anything itself, it asks the strategy and
 * records the answer in the {@link Schedule}. Replaying those answers reproduces the execution
 * exactly, whatever strategy produced them. Three methods, as in Shuttle: one call per execution,
 * one per scheduling decision with more than one option, one per data choice; and one notice, for
 * starts the strategy chooses.
 */
public interface Strategy {

    /** Prepares for a fresh execution; called before its first step. */
    void beginExecution();

    /**
     * Picks what happens next.
     *
     * @param options enabled actor ids in ascending order, possibly followed by {@link Kernel#ADVANCE_CLOCK};
     *     read only: the kernel keeps the array from one decision to the next while the runnable set stays the same
     * @param count how many entries of {@code options} are valid (at least two)
     * @param current the actor that ran the previous step, or -1
     * @return one element of {@code options}
     */
    int nextActor(int[] options, int count, int current);

    /** Picks a value in {@code [0, bound)}, for data choices such as readdir order; bound is at least two. */
    int nextValue(int bound);

    /**
     * Says that actor {@code actor} now waits for a start the strategy chooses: it is among the
     * options from its window's opening on, and the pick that runs it is its start. Nothing is to be
     * returned, and nothing recorded: a strategy may use it to plan (a random walk draws how long to
     * hold the actor back), the pick it then makes is recorded like any other.
     */
    default void startPending(int actor) {}
}
