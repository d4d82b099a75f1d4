package gcsim.check;

import gcsim.kernel.Strategy;

/**
 * Runs one execution of something under a strategy and judges it. The search layer sees only this,
 * so the same strategies, budgets and shrinking serve the Nix model and any toy system in tests.
 */
@FunctionalInterface
public interface Executor {
    /** Runs one execution; {@code trace} asks for the full step trace (slower). */
    RunResult run(Strategy strategy, boolean trace);

    /**
     * Runs one untraced execution for a search that does not count distinct end states (random and
     * PCT): the result's {@link RunResult#terminalState()} may be 0, which spares the digest of the
     * final state that only the exhaustive search reads. Otherwise the same as {@code run(strategy, false)},
     * but that the schedule of a result that did not fail is valid only until this executor's next run:
     * the searches that call this read the schedule of a failure only, and the executor may reuse the list.
     */
    default RunResult runForSearch(Strategy strategy) {
        return run(strategy, false);
    }

    /**
     * The switches of the variant ({@link gcsim.variant.SwitchUse}'s bits) that any execution of this
     * executor has read so far: its results cannot depend on the others. An executor that does not
     * know says every switch.
     */
    default int switchesRead() {
        return gcsim.variant.SwitchUse.all();
    }
}
