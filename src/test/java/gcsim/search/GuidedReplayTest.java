package gcsim.search;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.Executor;
import gcsim.check.RunResult;
import gcsim.kernel.IntList;
import org.junit.jupiter.api.Test;

class GuidedReplayTest {

    @Test
    void followingARecordingChangesNothingAndCountsItsPreemptions() {
        Executor e = Toys.independent(2, 3);
        RunResult original = e.run(new RandomWalk(11), false);

        GuidedReplay g = GuidedReplay.following(original.schedule().choices());
        RunResult again = e.run(g, false);

        assertThat(again.schedule().encode()).isEqualTo(original.schedule().encode());
        assertThat(g.fallbacks()).isZero();
        assertThat(g.kinds().size()).isEqualTo(original.schedule().size());
    }

    @Test
    void anEmptyRecordingRunsEachActorUntilItCannotContinue() {
        Executor e = Toys.independent(3, 4);
        GuidedReplay g = GuidedReplay.following(new IntList());

        e.run(g, false);

        assertThat(g.preemptions().size()).isZero();
    }

    @Test
    void anImpossibleRecordedChoiceFallsBackToThePreviousActor() {
        Executor e = Toys.independent(2, 3);
        // actor 7 does not exist: every pick falls back, and the previous actor keeps running
        IntList bogus = IntList.of(8, 8, 8, 8, 8, 8, 8, 8);
        GuidedReplay g = new GuidedReplay(bogus, null, new IntList());

        e.run(g, false);

        assertThat(g.fallbacks()).isPositive();
        assertThat(g.preemptions().size()).isZero();
    }

    @Test
    void undoingAPreemptionPicksThePreviousActorThere() {
        Executor e = Toys.independent(2, 3);
        // t0 runs first (choice 0, recorded as actor id + 1), then t1 preempts it (choice 1)
        IntList recorded = IntList.of(1, 2, 2, 2, 1, 1);
        GuidedReplay g = GuidedReplay.following(recorded);
        e.run(g, false);
        assertThat(g.preemptions().toArray()).startsWith(1);

        GuidedReplay undo = new GuidedReplay(recorded, g.kinds().copy(), IntList.of(1));
        RunResult r = e.run(undo, false);

        assertThat(r.schedule().choices().get(1)).as("the previous actor, t0").isEqualTo(1);
        assertThat(undo.preemptions().toArray()).doesNotContain(1);
    }
}
