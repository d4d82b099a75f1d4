package gcsim.check;

import gcsim.kernel.Kernel;
import gcsim.kernel.Outcome;
import gcsim.kernel.Reuse;
import gcsim.kernel.Strategy;
import gcsim.model.StoreLayout;
import gcsim.model.World;
import gcsim.model.WorldState;
import gcsim.scenario.Scenario;
import gcsim.variant.SwitchUse;
import gcsim.variant.Variant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scenario under a variant in the Nix model and applies the oracles: the {@link Executor}
 * the search layer drives. Not thread-safe; make one per search thread. The scenario's fixed
 * layout is computed once here; each run builds a fresh {@link World}.
 */
public final class Runner implements Forkable {
    private final Scenario scenario;
    private final Variant variant;
    private final int maxSteps;
    private final StoreLayout layout;
    /** The kernel's starvation bound, or -1 for none (see {@link Kernel#withStarvationBound}). */
    private final int starvationBound;
    /** The last finished search execution's kernel buffers, for the next (this runner is one thread's). */
    private final Reuse reuse = new Reuse();
    /** Which switches any execution of this runner read: what its results can depend on. */
    private final SwitchUse switchUse;

    public Runner(Scenario scenario, Variant variant, int maxSteps) {
        this(scenario, variant, maxSteps, -1);
    }

    /** @param starvationBound the most clock advances in a row past an actor that can run, or -1 for no bound */
    public Runner(Scenario scenario, Variant variant, int maxSteps, int starvationBound) {
        this.scenario = scenario;
        this.variant = variant;
        this.maxSteps = maxSteps;
        this.starvationBound = starvationBound;
        this.layout = new StoreLayout(scenario);
        this.switchUse = new SwitchUse(variant.switches());
    }

    @Override
    public int switchesRead() {
        return switchUse.read();
    }

    public Scenario scenario() {
        return scenario;
    }

    public Variant variant() {
        return variant;
    }

    @Override
    public RunResult run(Strategy strategy, boolean trace) {
        ModelRun r = build(strategy, trace, true);
        return r.finish(r.kernel.run());
    }

    @Override
    public RunResult runForSearch(Strategy strategy) {
        ModelRun r = build(strategy, false, false);
        RunResult result = r.finish(r.kernel.run());
        // nothing asks this execution's actors again, nor the schedule of one that passed
        reuse.keep(r.kernel, !result.failed());
        return result;
    }

    @Override
    public Forkable.Session open(Strategy strategy) {
        return build(strategy, false, true);
    }

    /** @param digest whether {@link RunResult#terminalState} is computed (else it is 0) */
    private ModelRun build(Strategy strategy, boolean trace, boolean digest) {
        Kernel kernel = new Kernel(strategy, maxSteps, reuse);
        if (starvationBound >= 0) {
            kernel.withStarvationBound(starvationBound);
        }
        if (trace) {
            kernel.withTrace();
        }
        World world = new World(scenario, layout, switchUse, kernel);
        Oracles oracles = new Oracles(world);
        List<WorldState> states = trace ? new ArrayList<>() : List.of();
        if (trace) {
            kernel.observe(new StateRecorder(oracles, world, states));
        } else {
            kernel.observe(oracles);
        }
        return new ModelRun(kernel, world, oracles, scenario, trace ? states : null, digest);
    }

    /**
     * One execution of the model as a value: the kernel, the world it drives and the oracles that
     * judge it. Plain data, so the stateful search can copy it between steps.
     */
    private static final class ModelRun implements Forkable.Session {
        private final Kernel kernel;
        private final World world;
        private final Oracles oracles;
        private final Scenario scenario;
        /** The recorded states when tracing, else null. */
        private final List<WorldState> states;
        private final boolean digest;

        ModelRun(Kernel kernel, World world, Oracles oracles, Scenario scenario, List<WorldState> states, boolean digest) {
            this.kernel = kernel;
            this.world = world;
            this.oracles = oracles;
            this.scenario = scenario;
            this.states = states;
            this.digest = digest;
        }

        @Override
        public Kernel kernel() {
            return kernel;
        }

        @Override
        public RunResult finish(Outcome outcome) {
            boolean trace = states != null;
            StoreLayout layout = world.layout();
            Failure failure = oracles.atEnd(kernel, outcome, scenario.expect());
            List<String> valid = List.of();
            if (trace) {
                valid = new ArrayList<>();
                for (int p = 0; p < layout.size(); p++) {
                    if (world.db().isValid(p)) {
                        valid.add(layout.name(p));
                    }
                }
            }
            return new RunResult(outcome, failure, kernel.schedule(), kernel.trace(),
                    new RunResult.Coverage(world.gcRuns(), world.gcDuringClientOps(), world.pathsDeleted()), valid,
                    digest ? world.fingerprint() * 31 + (failure == null ? 0 : failure.kind().hashCode()) : 0,
                    trace ? states : List.of());
        }
    }
}
