package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With {@link Kernel#withInvisibleStepsJoined}, a step that nobody could see (no resource read or
 * written, no clock read, no actor or process started, changed or ended) runs on into its actor's
 * next step instead of ending at a scheduling point; every other step still ends at one.
 */
class InvisibleStepsTest {
    private final List<String> log = new ArrayList<>();

    /** Two actors: {@code a} first takes a step that touches {@code first}'s action, then writes r. */
    private static Kernel twoActors(boolean joined, Runnable first, int[] resource) {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        if (joined) {
            k.withInvisibleStepsJoined();
        }
        resource[0] = k.newResource();
        k.newProcess("p").spawn("a", Script.of(self -> {
            first.run();
            return Control.YIELD;
        }, self -> {
            self.kernel().write(resource[0]);
            return Control.YIELD;
        }));
        k.newProcess("q").spawn("b", Script.of(self -> {
            self.kernel().write(resource[0]);
            return Control.YIELD;
        }));
        return k;
    }

    private static int decisions(Kernel k) {
        return ((FixedStrategy) k.loop.strategy).offers.size();
    }

    @Test
    void aStepThatTouchesNothingRunsOnIntoTheNextWithoutADecision() {
        int[] r = new int[1];
        Kernel plain = twoActors(false, () -> { }, r);
        Kernel joined = twoActors(true, () -> { }, r);

        Outcome p = plain.run();
        Outcome j = joined.run();

        assertThat(p.steps()).isEqualTo(j.steps() + 1);
        assertThat(decisions(joined)).isEqualTo(decisions(plain) - 1);
    }

    @Test
    void aStepThatReadsAResourceStillEndsAtASchedulingPoint() {
        Kernel[] k = new Kernel[1];
        int[] r = new int[1];
        k[0] = twoActors(true, () -> k[0].read(r[0]), r);
        Kernel plain = twoActors(false, () -> { }, new int[1]);

        assertThat(k[0].run().steps()).isEqualTo(plain.run().steps());
    }

    @Test
    void aStepThatReadsTheClockOrStartsAnActorStillEndsAtASchedulingPoint() {
        Kernel[] clock = new Kernel[1];
        clock[0] = twoActors(true, () -> clock[0].now(), new int[1]);
        Kernel[] spawn = new Kernel[1];
        spawn[0] = twoActors(true, () -> spawn[0].newProcess("c").spawn("c", Script.of(Script.yieldStep())),
                new int[1]);
        Kernel plain = twoActors(false, () -> { }, new int[1]);
        int plainSteps = plain.run().steps();

        assertThat(clock[0].run().steps()).isEqualTo(plainSteps);
        assertThat(spawn[0].run().steps()).isEqualTo(plainSteps + 1); // the spawned actor's own step
    }

    @Test
    void anInvisibleStepThatWaitsOnAReadyGuardGoesOnAndItsFootprintReadsTheGuardsResource() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100).withInvisibleStepsJoined().withFootprints();
        Mutex m = new Mutex(k);
        k.newProcess("p").spawn("a", Script.of(self -> self.await(m.free()), self -> {
            m.lock(self);
            log.add("locked");
            return Control.YIELD;
        }));

        Outcome o = k.run();

        assertThat(log).containsExactly("locked");
        assertThat(o.steps()).as("the wait, the lock, then the return that ends the actor").isEqualTo(2);
        int mutex = k.footprints().of(0)[0] >> 1;
        assertThat(k.footprints().of(0)).as("a read of the mutex, then its write")
                .containsExactly(mutex << 1, mutex << 1 | 1);
    }

    @Test
    void anInvisibleStepThatWaitsOnAGuardNotYetReadyWaits() {
        // the holder locks (step 1), the waiter's invisible step waits (step 2), the holder unlocks
        Kernel k = new Kernel(FixedStrategy.picking(0, 1, 0), 100).withInvisibleStepsJoined();
        Mutex m = new Mutex(k);
        k.newProcess("p").spawn("holder", Script.of(self -> {
            m.lock(self);
            return Control.YIELD;
        }, self -> {
            m.unlock(self);
            log.add("unlocked");
            return Control.YIELD;
        }));
        k.newProcess("q").spawn("waiter", Script.of(self -> self.await(m.free()), self -> {
            log.add("runs after the unlock");
            return Control.YIELD;
        }));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).containsExactly("unlocked", "runs after the unlock");
    }

    @Test
    void anInvisibleStepThatWaitsOnATimerAlreadyDueGoesOnButOneWaitingOnEndingsWaits() {
        Kernel timer = new Kernel(FixedStrategy.lowest(), 100).withInvisibleStepsJoined();
        timer.newProcess("p").spawn("a", Script.of(self -> self.await(Guard.at(timer, 0)), reads(timer, "timer")));
        Kernel endings = new Kernel(FixedStrategy.lowest(), 100).withInvisibleStepsJoined();
        endings.newProcess("p").spawn("a", Script.of(self -> self.await(Guard.watching(Guard.ENDINGS, () -> true)),
                reads(endings, "endings")));

        int timerSteps = timer.run().steps();
        int endingsSteps = endings.run().steps();

        assertThat(log).containsExactly("timer", "endings");
        assertThat(timerSteps).as("the clock is one resource: the due timer is read, and the wait is over").isEqualTo(2);
        assertThat(endingsSteps).as("endings are no resource: the step waits, and the wait is a step").isEqualTo(3);
    }

    /** A step that reads a fresh resource, so that it is seen, and logs {@code text}. */
    private Script.Step reads(Kernel k, String text) {
        int r = k.newResource();
        return self -> {
            k.read(r);
            log.add(text);
            return Control.YIELD;
        };
    }

    @Test
    void withoutJoiningEveryYieldIsASchedulingPoint() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        k.newProcess("p").spawn("a", Script.of(Script.yieldStep(), Script.yieldStep(), Script.log(log, "third")));

        assertThat(k.run().steps()).isEqualTo(4);
        assertThat(log).containsExactly("third");
    }

    @Test
    void anActorThatYieldsForeverWithoutTouchingAnythingIsStillCutAtTheStepBound() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 50).withInvisibleStepsJoined();
        k.newProcess("p").spawn("spinner", Script.forever());

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.CUT);
    }
}
