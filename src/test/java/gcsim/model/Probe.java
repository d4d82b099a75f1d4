package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.kernel.Footprints;
import gcsim.kernel.Frame;
import gcsim.kernel.Kernel;
import gcsim.kernel.SimProcess;
import gcsim.scenario.Scenario;
import gcsim.variant.Switches;
import java.util.List;
import java.util.function.Consumer;

/**
 * A world with one extra process, {@code probe}, that runs each action as one step of its own, with
 * footprints on: so a test can ask what a step of the store, the database, the roots or temproots
 * touched, and which steps the exhaustive search's reduction would see as dependent.
 */
final class Probe extends Frame {
    private final World world;
    private final List<Consumer<World>> actions;

    private Probe(World world, List<Consumer<World>> actions) {
        this.world = world;
        this.actions = actions;
    }

    /** The world of {@code s} (its processes included) after the probe ran {@code actions}, step by step. */
    @SafeVarargs
    static World run(Scenario s, Consumer<World>... actions) {
        return run(s, Switches.baseline(), 1, actions);
    }

    /** As {@link #run(Scenario, Consumer[])}, under {@code switches}, the processes scheduled by seed {@code seed}. */
    @SafeVarargs
    static World run(Scenario s, Switches switches, long seed, Consumer<World>... actions) {
        Kernel k = new Kernel(new Seeds(seed), 100_000).withFootprints().withTrace();
        World w = new World(s, new StoreLayout(s), switches, k);
        SimProcess p = k.newProcess("probe");
        p.spawn("probe", new Probe(w, List.of(actions)));
        k.run();
        return w;
    }

    /** True when the reduction sees the probe's steps {@code a} and {@code b} as dependent. */
    static boolean dependent(World w, int a, int b) {
        Footprints fp = w.kernel.footprints();
        return fp.dependent(a, b);
    }

    @Override
    protected Control step(Actor self) {
        if (pc == actions.size()) {
            return self.ret(null);
        }
        actions.get(pc++).accept(world);
        return Control.YIELD;
    }
}
