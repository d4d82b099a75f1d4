package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    private final List<String> log = new ArrayList<>();

    private Script.Step logTime(String what) {
        return self -> {
            log.add(what + "@" + VirtualTime.format(self.kernel().now()));
            return Control.YIELD;
        };
    }

    @Test
    void stepsTakeNoVirtualTime() {
        Kernel k = new Kernel(FixedStrategy.roundRobin(), 1000);
        k.newProcess("p").spawn("a", Script.of(logTime("a"), logTime("a"), logTime("a")));
        k.newProcess("q").spawn("b", Script.of(logTime("b"), logTime("b")));

        Outcome o = k.run();

        assertThat(log).allMatch(s -> s.endsWith("@0s"));
        assertThat(o.time()).isZero();
        assertThat(k.now()).isZero();
    }

    @Test
    void aSleepingActorAloneLetsTheClockAdvanceByItselfWithoutAChoice() {
        FixedStrategy strategy = FixedStrategy.lowest();
        Kernel k = new Kernel(strategy, 1000).withTrace();
        Actor a = k.newProcess("p").spawn("a", Script.of(logTime("before"), self -> self.sleep(100 * MS), logTime("after")));

        Outcome o = k.run();

        assertThat(log).containsExactly("before@0s", "after@100ms");
        assertThat(strategy.offers).isEmpty();
        assertThat(k.schedule().size()).isZero();
        assertThat(o.time()).isEqualTo(100 * MS);
        // before, sleep, clock advance, after, return
        assertThat(o.steps()).isEqualTo(5);
        assertThat(k.trace()).contains(new TraceEvent(3, 100 * MS, "clock", "time advances to 100ms", false));
        assertThat(a.done()).isTrue();
    }

    @Test
    void aSleepingActorIsBlockedUntilItsTimerExpires() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        boolean[] blockedWhileOtherRuns = new boolean[1];
        Actor sleeper = k.newProcess("p").spawn("sleeper", Script.of(self -> self.sleep(S), logTime("woke")));
        k.newProcess("q").spawn("other", Script.of(self -> {
            blockedWhileOtherRuns[0] = sleeper.blocked();
            return Control.YIELD;
        }));

        k.run();

        assertThat(blockedWhileOtherRuns[0]).isTrue();
        assertThat(sleeper.blocked()).isFalse();
        assertThat(log).containsExactly("woke@1s");
    }

    @Test
    void aPendingTimerOffersTheClockAdvanceAsTheLastOption() {
        FixedStrategy strategy = FixedStrategy.lowest();
        Kernel k = new Kernel(strategy, 1000);
        k.newProcess("p").spawn("sleeper", Script.of(self -> self.sleep(S)));
        k.newProcess("q").spawn("busy", Script.of(Script.yieldStep(), Script.yieldStep()));

        k.run();

        assertThat(strategy.offers.get(0)).containsExactly(0, 1);
        assertThat(strategy.offers.get(1)).containsExactly(1, Kernel.ADVANCE_CLOCK);
    }

    @Test
    void theLowestStrategyRunsEveryRunnableActorBeforeTimeAdvances() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        k.newProcess("p").spawn("sleeper", Script.of(self -> self.sleep(S), logTime("sleeper")));
        k.newProcess("q").spawn("busy", Script.of(logTime("busy"), logTime("busy")));

        Outcome o = k.run();

        assertThat(log).containsExactly("busy@0s", "busy@0s", "sleeper@1s");
        assertThat(o.time()).isEqualTo(S);
    }

    @Test
    void aStrategyMayAdvanceTheClockWhileAnotherActorCanRun() {
        FixedStrategy strategy = FixedStrategy.picking(0, Kernel.ADVANCE_CLOCK);
        Kernel k = new Kernel(strategy, 1000);
        k.newProcess("p").spawn("sleeper", Script.of(self -> self.sleep(S), logTime("sleeper")));
        k.newProcess("q").spawn("busy", Script.of(logTime("busy"), logTime("busy")));

        k.run();

        assertThat(log).containsExactly("sleeper@1s", "busy@1s", "busy@1s");
        assertThat(k.schedule().choices().get(0)).isEqualTo(1);
        assertThat(k.schedule().choices().get(1)).isZero();
    }

    @Test
    void theClockJumpsToTheEarliestDeadline() {
        FixedStrategy strategy = FixedStrategy.picking(0, 1, Kernel.ADVANCE_CLOCK);
        Kernel k = new Kernel(strategy, 1000);
        k.newProcess("p").spawn("late", Script.of(self -> self.sleep(3 * S), logTime("late")));
        k.newProcess("q").spawn("early", Script.of(self -> self.sleep(S), logTime("early")));
        k.newProcess("r").spawn("busy", Script.of(logTime("busy"), logTime("busy"), logTime("busy")));

        Outcome o = k.run();

        // the advance stops at 1s, not 3s: early wakes, busy still runs at 1s, late needs a second advance
        assertThat(log).containsExactly("early@1s", "busy@1s", "busy@1s", "busy@1s", "late@3s");
        assertThat(o.time()).isEqualTo(3 * S);
    }

    @Test
    void eachClockAdvanceIsAStepAndRecordedAsZeroWhenChosen() {
        Kernel k = new Kernel(FixedStrategy.highest(), 1000);
        k.newProcess("p").spawn("sleeper", Script.of(self -> self.sleep(S), self -> self.sleep(S)));
        k.newProcess("q").spawn("busy", Script.of(Script.yieldStep()));

        Outcome o = k.run();

        // busy, busy(return), sleeper, sleeper after a forced advance, forced advance, sleeper return
        assertThat(o.time()).isEqualTo(2 * S);
        assertThat(k.schedule().choices()).isEqualTo(IntList.of(2, 2));
        assertThat(o.steps()).isEqualTo(7);
    }

    @Test
    void sleepersWakeInDeadlineOrderWhateverOrderTheySlept() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        k.newProcess("p").spawn("a", Script.of(self -> self.sleep(30 * MS), logTime("a")));
        k.newProcess("q").spawn("b", Script.of(self -> self.sleep(10 * MS), logTime("b")));
        k.newProcess("r").spawn("c", Script.of(self -> self.sleep(20 * MS), logTime("c")));

        Outcome o = k.run();

        assertThat(log).containsExactly("b@10ms", "c@20ms", "a@30ms");
        assertThat(o.time()).isEqualTo(30 * MS);
    }

    @Test
    void sleepingZeroIsImmediatelyRunnable() {
        FixedStrategy strategy = FixedStrategy.lowest();
        Kernel k = new Kernel(strategy, 1000);
        k.newProcess("p").spawn("a", Script.of(self -> self.sleep(0), logTime("a")));

        Outcome o = k.run();

        assertThat(log).containsExactly("a@0s");
        assertThat(o.steps()).isEqualTo(3);
    }

    @Test
    void aTimerGuardIsReadyFromItsDeadlineOn() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Guard g = Guard.at(k, 5);
        assertThat(g.ready()).isFalse();
        assertThat(g.deadline()).isEqualTo(5);
        assertThat(Guard.at(k, 0).ready()).isTrue();
    }

    @Test
    void timeIsWrittenInTheLargestExactUnit() {
        assertThat(VirtualTime.format(0)).isEqualTo("0s");
        assertThat(VirtualTime.format(2 * S)).isEqualTo("2s");
        assertThat(VirtualTime.format(100 * MS)).isEqualTo("100ms");
        assertThat(VirtualTime.format(1500)).isEqualTo("1500ns");
        assertThat(VirtualTime.format(1)).isEqualTo("1ns");
    }

    @Test
    void fractionalSecondsAreWrittenAsDocumented() {
        assertThat(VirtualTime.format(1_250_000_000L)).isEqualTo("1.25s");
    }

    @Test
    void aVeryLongSleepNeverWakesEarly() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        k.newProcess("p").spawn("a", Script.of(self -> self.sleep(1), self -> self.sleep(Long.MAX_VALUE), logTime("woke")));

        k.run();

        assertThat(log).isEmpty();
    }
}
