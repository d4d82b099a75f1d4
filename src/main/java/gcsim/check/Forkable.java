package gcsim.check;

import gcsim.kernel.Kernel;
import gcsim.kernel.Outcome;
import gcsim.kernel.Strategy;

/**
 * An executor whose execution can be held as a value between steps: built, stepped by the caller,
 * copied at a branch point and judged at its end. The stateful search needs this to run each branch
 * from a copy of the world instead of replaying the prefix; {@link #run} stays the one-shot way.
 *
 * <p>Why a session object rather than the kernel alone: the oracles and the world belong to the
 * execution as much as the kernel does, and the end-of-run judgement reads them, so a copy of the
 * session copies all three together and the judgement reads the copy.
 */
public interface Forkable extends Executor {
    /** One execution, built and not yet started; a plain object graph a deep copy can duplicate. */
    interface Session {
        Kernel kernel();

        /** Judges the execution once {@code kernel().run()} returned {@code outcome}. */
        RunResult finish(Outcome outcome);
    }

    /** Builds a fresh execution driven by {@code strategy}, without running a step. */
    Session open(Strategy strategy);
}
