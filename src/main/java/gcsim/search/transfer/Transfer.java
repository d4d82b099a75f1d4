package gcsim.search.transfer;

import gcsim.check.Executor;
import gcsim.check.Failure;
import gcsim.check.RunResult;
import gcsim.kernel.ReplayStrategy;
import gcsim.kernel.Schedule;
import gcsim.kernel.ScheduleMismatch;
import gcsim.search.Shrinker;

/**
 * Carries a counterexample to another variant: replays it under its own variant to read it by
 * meaning ({@link Recording}), follows that under the other variant ({@link FollowByMeaning}), and
 * judges the result. Answers the reviewer's first question about a fix: what does this same window
 * do under the patch?
 */
public final class Transfer {
    private Transfer() {}

    /**
     * @param original runs the counterexample's own scenario and variant
     * @param schedule the counterexample's choices
     * @param target runs the same scenario under the other variant
     */
    public static TransferOutcome of(Executor original, Schedule schedule, Executor target) {
        ReplayStrategy replay = new ReplayStrategy(schedule);
        Recorder recorder = new Recorder(replay);
        RunResult first;
        try {
            first = original.run(recorder, true);
        } catch (RuntimeException e) {
            if (mismatch(e) == null) {
                throw e;
            }
            return TransferOutcome.notTransferable("the schedule does not replay under its own variant: "
                    + mismatch(e).getMessage(), null);
        }
        if (!replay.exhausted()) {
            return TransferOutcome.notTransferable("the schedule ends before using all its choices under its own variant",
                    first);
        }
        if (!first.failed()) {
            return TransferOutcome.notTransferable("the schedule does not fail under its own variant", first);
        }
        FollowByMeaning follow = new FollowByMeaning(recorder.recording());
        RunResult moved = target.run(follow, true);
        if (moved.cut()) {
            return new TransferOutcome(TransferOutcome.Kind.NOT_TRANSFERABLE, moved.outcome().steps(),
                    "the guided run reached the step bound (" + moved.outcome().steps() + " steps) without an end",
                    first, moved, follow.divergences());
        }
        Failure f = moved.failure();
        if (f != null) {
            boolean same = Shrinker.sameFailure(first.failure(), f);
            String what = f.kind() + " seen by " + f.check() + (f.actor() == null ? "" : " in " + f.actor());
            return new TransferOutcome(same ? TransferOutcome.Kind.SAME_FAILURE : TransferOutcome.Kind.DIFFERENT_FAILURE,
                    f.step(), what + ": " + f.message(), first, moved,
                    follow.divergences());
        }
        Closure why = Closure.explain(first, moved, follow);
        return new TransferOutcome(TransferOutcome.Kind.CLOSED, why.step(), why.reason(), first, moved,
                follow.divergences());
    }

    private static ScheduleMismatch mismatch(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ScheduleMismatch m) {
                return m;
            }
        }
        return null;
    }
}
