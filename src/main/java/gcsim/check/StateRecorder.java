package gcsim.check;

import gcsim.kernel.Actor;
import gcsim.kernel.Kernel;
import gcsim.kernel.Observer;
import gcsim.kernel.TraceEvent;
import gcsim.model.World;
import gcsim.model.WorldState;
import java.util.List;

/**
 * When tracing: runs the oracles after each step, then, if the step told part of the story, keeps
 * the world's state after it, so that each story line can be read beside the state it left (roots,
 * temp roots, pending, gc.lock, validity). Never used on the search's untraced runs.
 */
final class StateRecorder implements Observer {
    private final Oracles oracles;
    private final World world;
    private final List<WorldState> states;
    private int seen;

    StateRecorder(Oracles oracles, World world, List<WorldState> states) {
        this.oracles = oracles;
        this.world = world;
        this.states = states;
    }

    @Override
    public void afterStep(Kernel kernel, Actor actor) {
        oracles.afterStep(kernel, actor);
        List<TraceEvent> trace = kernel.trace();
        boolean story = false;
        for (int i = seen; i < trace.size(); i++) {
            story |= trace.get(i).story();
        }
        seen = trace.size();
        if (story) {
            states.add(WorldState.of(world, kernel.steps()));
        }
    }
}
