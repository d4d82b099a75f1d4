package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The kernel refuses a strategy's pick that was not among the options it offered, whatever the
 * reason (an actor that is waiting, an id out of range, a clock advance not offered), because a
 * schedule recorded from such a pick would not replay; and it grows its per-actor bookkeeping as
 * actors are spawned under a starvation bound.
 */
class StrategyPickCheckTest {
    /** Picks {@code bad} at the first decision with two or more options, else the first option. */
    private static Strategy picking(int bad) {
        return new Strategy() {
            @Override
            public void beginExecution() {}

            @Override
            public int nextActor(int[] options, int count, int current) {
                return bad;
            }

            @Override
            public int nextValue(int bound) {
                return 0;
            }
        };
    }

    /** Two runnable actors and a third that waits for a promise nobody keeps. */
    private static Kernel twoRunnersAndAWaiter(Strategy s) {
        Kernel k = new Kernel(s, 100);
        Promise<String> never = new Promise<>(k);
        k.newProcess("p").spawn("a", Script.of(self -> Control.YIELD, self -> self.ret(null)));
        k.newProcess("q").spawn("b", Script.of(self -> Control.YIELD, self -> self.ret(null)));
        k.newProcess("r").spawn("waiter", Script.of(self -> self.await(never)));
        return k;
    }

    @Test
    void aPickOfAWaitingActorIsRefused() {
        assertThatThrownBy(twoRunnersAndAWaiter(picking(2))::run).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("strategy picked 2, which is not an option");
    }

    @Test
    void aPickOutOfRangeIsRefused() {
        assertThatThrownBy(twoRunnersAndAWaiter(picking(3))::run).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("strategy picked 3");
        assertThatThrownBy(twoRunnersAndAWaiter(picking(-7))::run).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("strategy picked -7");
    }

    @Test
    void aClockAdvanceThatWasNotOfferedIsRefused() {
        assertThatThrownBy(twoRunnersAndAWaiter(picking(Kernel.ADVANCE_CLOCK))::run)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("which is not an option");
    }

    @Test
    void manyActorsSpawnedUnderAStarvationBoundAllRunToTheirEnd() {
        Kernel k = new Kernel(FixedStrategy.roundRobin(), 10_000).withStarvationBound(2);
        int[] ran = {0};
        for (int i = 0; i < 150; i++) { // past the first allocations of every per-actor and per-resource array
            Mutex m = new Mutex(k);
            k.newProcess("p" + i).spawn("a" + i, Script.of(self -> self.await(m.free()), self -> {
                m.lock(self);
                return Control.YIELD;
            }, self -> {
                m.unlock(self);
                ran[0]++;
                return self.ret(null);
            }));
        }

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(ran[0]).isEqualTo(150);
    }
}
