package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * What a finished kernel hands to the next execution on the same thread ({@link Reuse}): its list
 * of choices when nobody reads it again, emptied before the next execution fills it, and never the
 * list of an execution whose schedule is still read.
 */
class KernelReuseTest {
    /** Two actors that yield twice each: a few choices under round robin. */
    private static Kernel twoYielders(Reuse reuse) {
        Kernel k = new Kernel(FixedStrategy.roundRobin(), 1000, reuse);
        SimProcess p = k.newProcess("p");
        p.spawn("a", Script.of(self -> Control.YIELD, self -> Control.YIELD));
        p.spawn("b", Script.of(self -> Control.YIELD, self -> Control.YIELD));
        return k;
    }

    @Test
    void aRecycledKernelHandsItsChoiceListToTheNextWhichStartsItEmpty() {
        Reuse reuse = new Reuse();
        Kernel first = twoYielders(reuse);
        first.run();
        IntList kept = first.schedule().choices();
        assertThat(kept.size()).isPositive();
        reuse.keep(first, true);

        Kernel second = twoYielders(reuse);
        assertThat(second.schedule().choices()).isSameAs(kept);
        assertThat(second.schedule().choices().size()).isZero();
        second.run();

        Kernel fresh = twoYielders(null);
        fresh.run();
        assertThat(second.schedule().encode()).isEqualTo(fresh.schedule().encode());
    }

    @Test
    void aKernelWhoseScheduleIsStillReadKeepsItsChoicesAndTheNextGetsAListOfItsOwn() {
        Reuse reuse = new Reuse();
        Kernel first = twoYielders(reuse);
        first.run();
        String before = first.schedule().encode();
        reuse.keep(first, false);

        Kernel second = twoYielders(reuse);
        assertThat(second.schedule().choices()).isNotSameAs(first.schedule().choices());
        second.run();

        assertThat(first.schedule().encode()).isEqualTo(before);
    }

    @Test
    void aKernelRecycledFromALargerCutExecutionRunsASmallerOneAsAFreshKernelDoes() {
        Reuse reuse = new Reuse();
        Kernel large = new Kernel(FixedStrategy.highest(), 5, reuse);
        SimProcess p = large.newProcess("p");
        for (int i = 0; i < 4; i++) {
            p.spawn("spinner-" + i, Script.forever());
        }
        assertThat(large.run().end()).isEqualTo(Outcome.End.CUT); // every spinner still runnable
        reuse.keep(large, true);

        Kernel small = twoYielders(reuse);
        Outcome reused = small.run();
        Kernel fresh = twoYielders(null);
        Outcome expected = fresh.run();

        assertThat(reused).isEqualTo(expected);
        assertThat(small.schedule().encode()).isEqualTo(fresh.schedule().encode());
    }

    @Test
    void aRecycledKernelRefusesToRunAgain() {
        Reuse reuse = new Reuse();
        Kernel k = twoYielders(reuse);
        k.run();
        reuse.keep(k, true);

        assertThatThrownBy(k::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("buffers");
    }
}
