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
}
