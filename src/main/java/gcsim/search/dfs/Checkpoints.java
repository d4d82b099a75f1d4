package gcsim.search.dfs;

import gcsim.check.Forkable;
import gcsim.check.RunResult;
import gcsim.search.stateful.Snapshot;
import java.util.ArrayList;

/**
 * Copies of the world kept along the depth-first search's current path, so that an execution
 * resumes from the deepest copy at or before the step where it leaves the previous execution's path,
 * instead of replaying that whole prefix from the start.
 *
 * <p>Why: the search backtracks near the end of its path (on the library's scenarios, an execution
 * shares four fifths of its steps with the one before), so a replay spends most of its time
 * re-running steps whose outcome is already known, and re-logging their footprints. A copy ({@link
 * Snapshot}, the stateful search's deep copy) costs about as much as a few dozen steps.
 *
 * <p>What it must not change: the executions, in order, and everything the search learns from them.
 * A copy is taken between two steps, where the {@link Explorer} throws {@link #PAUSE} from its pick
 * before the kernel changes anything (as the stateful search's driver does), so running the kernel
 * again on the copy, or on the original, goes on exactly as the uninterrupted run would have. With
 * the copy the explorer keeps its own per-execution state at that step ({@link Resume}): its
 * step log up to there, the processes that had exited, the data-choice cursor. A copy at step
 * {@code c} stays valid while every later execution agrees with the path up to {@code c}, that is
 * while the divergence is at or after {@code c}; the others are dropped.
 *
 * <p>Where copies are taken: at the first pick of a run that starts from the beginning, at the
 * divergence itself (the next executions mostly leave the path at or below it) and every {@link
 * #SPACING} steps past the last copy, so that no execution replays more
 * than about that many steps; at most {@link #MOST} copies are held, for memory's sake. A copy costs
 * about as much as 25 steps with their logging; copying every 24 steps as well as at the divergence
 * measured slower on {@code gc} than copying at the divergence alone, hence the wide spacing.
 */
final class Checkpoints {
    /** Thrown by the explorer's pick where it wants a copy; carries nothing, so it is shared. */
    static final class Pause extends RuntimeException {
        private Pause() {
            super("checkpoint", null, false, false);
        }
    }

    static final Pause PAUSE = new Pause();
    /** The most steps between two copies on the path, so the most steps an execution replays. */
    static final int SPACING = 64;
    /** The most copies held at once. */
    static final int MOST = 128;

    private record Checkpoint(Forkable.Session session, Resume resume) {}

    private final Forkable executor;
    private final Snapshot snapshot;
    private final Explorer explorer;
    private final ArrayList<Checkpoint> stack = new ArrayList<>();
    /** The first step of the current execution that may differ from the previous one. */
    private int divergence;
    /** Executions that went on from a copy rather than from the start. */
    long resumed;

    Checkpoints(Forkable executor, Explorer explorer) {
        this.executor = executor;
        this.explorer = explorer;
        this.snapshot = new Snapshot(explorer);
    }

    /**
     * Runs the explorer's next execution from the deepest usable copy (or from the start), taking
     * new copies where {@link #wanted} says; an {@link Abandon} passes through.
     */
    RunResult run(int divergence) {
        this.divergence = divergence;
        while (!stack.isEmpty() && stack.get(stack.size() - 1).resume.step() > divergence) {
            stack.remove(stack.size() - 1);
        }
        Forkable.Session s;
        if (stack.isEmpty()) {
            s = executor.open(explorer);
            explorer.resumeAt(null);
        } else {
            Checkpoint top = stack.get(stack.size() - 1);
            s = snapshot.copy(top.session);
            explorer.resumeAt(top.resume);
            resumed++;
        }
        while (true) {
            try {
                return s.finish(s.kernel().run());
            } catch (Pause p) {
                Resume here = explorer.pausedAt();
                stack.add(new Checkpoint(snapshot.copy(s), here));
                explorer.resumeAt(here); // the original goes on from where it paused
            }
        }
    }

    /** Whether the explorer, about to pick at {@code step}, should pause there for a copy. */
    boolean wanted(int step) {
        if (stack.isEmpty()) {
            // the run's first pick: no actor was chosen before it, so later executions leave the
            // path at or after it (unless at a data choice among the forced steps before it), keep
            // this copy, and skip replaying those forced steps
            return true;
        }
        int last = stack.get(stack.size() - 1).resume.step();
        return step > last && stack.size() < MOST && (step == divergence || step >= last + SPACING);
    }
}
