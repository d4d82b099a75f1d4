package gcsim.compare;

import gcsim.check.Executor;
import gcsim.scenario.Scenario;
import gcsim.variant.Variant;

/**
 * Where a compare run gets its executions. The command line passes the project (the Nix model on the
 * scenarios under its home); tests pass toy systems, so the engine is checked without the model.
 */
public interface ExecutorSource {
    /**
     * A fresh single-threaded executor whose kernel holds retry-loop turns back past an actor that has
     * waited through {@code starvationBound} of them (-1: no bound), as the exhaustive search runs it.
     */
    Executor executor(Scenario scenario, Variant variant, int maxSteps, int starvationBound);

    /** A fresh single-threaded executor without a starvation bound; a search asks for one per worker thread. */
    default Executor executor(Scenario scenario, Variant variant, int maxSteps) {
        return executor(scenario, variant, maxSteps, -1);
    }
}
