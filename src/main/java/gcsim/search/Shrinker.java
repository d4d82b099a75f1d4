package gcsim.search;

import gcsim.check.Executor;
import gcsim.check.Failure;
import gcsim.check.RunResult;
import gcsim.kernel.IntList;
import gcsim.kernel.Schedule;
import java.util.Objects;

/**
 * Shrinks a failing schedule by delta debugging over its preemptions, so that a counterexample
 * found by a random walk (which switches actors at almost every step) tells only the switches the
 * race needs.
 *
 * <p>Why preemptions: a preemption is a decision where the actor that ran the previous step could
 * still run and something else was picked (another actor, or letting time pass). Every preemption
 * is a context switch a reader has to follow; the switches that happen because an actor blocked or
 * finished are forced and cost nothing to understand. Undoing a preemption means picking the
 * previous actor there instead. Candidates run through {@link GuidedReplay}, which follows the rest
 * of the recording where it still fits.
 *
 * <p>How: with the current schedule's preemptions P, try undoing P split into 2, 4, 8, … contiguous
 * chunks, down to single preemptions (ddmin's subset step), and take the first candidate that fails
 * the same way ({@link #sameFailure}: kind, check and path); then start again from it. The loop ends
 * when no single undo keeps the failure, which is 1-minimality, or after {@code maxCandidates} runs
 * (a count, never a time, so the result is the same on every machine).
 *
 * <p>Why it ends: a candidate agrees with its parent before the first undone decision and has no
 * preemption there, where the parent had one. So each accepted schedule's sequence of
 * preemption flags (one per choice) is lexicographically smaller than the last, and those sequences
 * are finitely many. An undo usually removes a preemption, sometimes only moves it later (the next
 * recorded choice switches one step later), and rarely lets later recorded choices add one; the
 * figures report the count before and after.
 *
 * <p>The result is the candidate run's own recorded schedule, so {@link gcsim.kernel.ReplayStrategy}
 * replays it exactly.
 */
public final class Shrinker {
    /** The default limit on candidate runs per shrink. */
    public static final int DEFAULT_MAX_CANDIDATES = 5_000;

    private final Executor executor;
    private final int maxCandidates;

    public Shrinker(Executor executor) {
        this(executor, DEFAULT_MAX_CANDIDATES);
    }

    /**
     * @param executor runs the system the failing schedule came from; used on the calling thread only
     * @param maxCandidates the most candidate runs to try
     */
    public Shrinker(Executor executor, int maxCandidates) {
        if (maxCandidates < 0) {
            throw new IllegalArgumentException("maxCandidates must not be negative: " + maxCandidates);
        }
        this.executor = executor;
        this.maxCandidates = maxCandidates;
    }

    /**
     * Before and after.
     *
     * @param candidates candidate runs tried
     * @param oneMinimal true when undoing any single preemption of the result makes the failure vanish
     *     (checked, not assumed); false when the candidate limit was reached first
     */
    public record Figures(Size before, Size after, int candidates, boolean oneMinimal) {}

    /** A schedule's size: preemptions, choices recorded, and kernel steps. */
    public record Size(int preemptions, int choices, int steps) {}

    /**
     * @param run the shrunk execution (untraced)
     * @param schedule its recorded schedule, which {@link gcsim.kernel.ReplayStrategy} replays exactly
     * @param preemptions the choice indices of its preemptions
     */
    public record Result(RunResult run, Schedule schedule, IntList preemptions, Figures figures) {}

    /** One execution with what the shrinker knows about it. */
    private record State(RunResult run, IntList choices, IntList kinds, IntList preemptions) {
        Size size() {
            return new Size(preemptions.size(), choices.size(), run.outcome().steps());
        }
    }

    /** Same failure for shrinking: the same kind, seen by the same check, about the same path. */
    public static boolean sameFailure(Failure a, Failure b) {
        return a != null && b != null && a.kind().equals(b.kind()) && Objects.equals(a.check(), b.check())
                && Objects.equals(a.path(), b.path());
    }

    /**
     * Shrinks {@code failing}, a failing execution of this shrinker's executor.
     *
     * @throws IllegalStateException when its schedule does not fail the same way when run again
     */
    public Result shrink(RunResult failing) {
        Failure target = failing.failure();
        if (target == null) {
            throw new IllegalArgumentException("shrink needs a failing execution");
        }
        GuidedReplay follow = GuidedReplay.following(failing.schedule().choices());
        State cur = state(executor.run(follow, false), follow);
        if (!sameFailure(cur.run().failure(), target)) {
            throw new IllegalStateException("the failing schedule did not fail the same way when run again (found: "
                    + target + ", again: " + cur.run().failure() + "); gcsim is not deterministic here");
        }
        Size before = cur.size();
        int candidates = 0;
        boolean oneMinimal = false;
        search:
        while (true) {
            IntList p = cur.preemptions();
            for (int n = Math.min(2, p.size()); n > 0; n = n == p.size() ? 0 : Math.min(p.size(), n * 2)) {
                for (int c = 0; c < n; c++) {
                    if (candidates >= maxCandidates) {
                        break search;
                    }
                    State cand = run(cur, chunk(p, n, c));
                    candidates++;
                    if (sameFailure(cand.run().failure(), target)) {
                        cur = cand;
                        continue search;
                    }
                }
            }
            oneMinimal = true;
            break;
        }
        return new Result(cur.run(), cur.run().schedule(), cur.preemptions(), new Figures(before, cur.size(), candidates, oneMinimal));
    }

    /** The {@code c}-th of {@code n} contiguous, nearly equal chunks of {@code p}. */
    private static IntList chunk(IntList p, int n, int c) {
        int from = (int) ((long) p.size() * c / n);
        int to = (int) ((long) p.size() * (c + 1) / n);
        IntList out = new IntList(to - from);
        for (int i = from; i < to; i++) {
            out.add(p.get(i));
        }
        return out;
    }

    private State run(State from, IntList undo) {
        GuidedReplay g = new GuidedReplay(from.choices(), from.kinds(), undo);
        return state(executor.run(g, false), g);
    }

    private static State state(RunResult r, GuidedReplay g) {
        return new State(r, r.schedule().choices(), g.kinds().copy(), g.preemptions().copy());
    }
}
