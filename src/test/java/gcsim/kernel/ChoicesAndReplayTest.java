package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChoicesAndReplayTest {

    private static Kernel twoActors(Strategy s, int stepsEach) {
        Kernel k = new Kernel(s, 1000);
        for (String name : List.of("a", "b")) {
            List<Script.Step> steps = new ArrayList<>();
            for (int i = 0; i < stepsEach; i++) {
                steps.add(Script.yieldStep());
            }
            k.newProcess(name).spawn(name, Script.of(steps));
        }
        return k;
    }

    @Test
    void theStrategyIsNotConsultedWhenOnlyOneActorCanRun() {
        FixedStrategy strategy = FixedStrategy.lowest();
        Kernel k = new Kernel(strategy, 1000);
        k.newProcess("p").spawn("a", Script.of(Script.yieldStep(), Script.yieldStep(), Script.yieldStep()));

        Outcome o = k.run();

        assertThat(o.steps()).isEqualTo(4);
        assertThat(strategy.offers).isEmpty();
        assertThat(k.schedule().size()).isZero();
        assertThat(strategy.executions).isEqualTo(1);
    }

    @Test
    void everyConsultedChoiceIsRecordedAsTheActorIdPlusOne() {
        FixedStrategy strategy = FixedStrategy.highest();
        Kernel k = twoActors(strategy, 1);

        k.run();

        // b (id 1) runs its yield and its return while a can also run; then a runs alone
        assertThat(strategy.offers).hasSize(2).allSatisfy(o -> assertThat(o).containsExactly(0, 1));
        assertThat(k.schedule().choices()).isEqualTo(IntList.of(2, 2));
    }

    @Test
    void optionsAreTheRunnableActorIdsInAscendingOrder() {
        FixedStrategy strategy = FixedStrategy.picking(1);
        Kernel k = new Kernel(strategy, 1000);
        Promise<String> never = new Promise<>(k);
        k.newProcess("p").spawn("a", Script.of(Script.yieldStep()));
        k.newProcess("q").spawn("blocked", Script.of(self -> self.await(never)));
        k.newProcess("r").spawn("c", Script.of(Script.yieldStep()));

        Outcome o = k.run();

        assertThat(strategy.offers).containsExactly(new int[] {0, 1, 2}, new int[] {0, 2}, new int[] {0, 2});
        assertThat(o.end()).isEqualTo(Outcome.End.DEADLOCK);
        assertThat(o.blocked()).containsExactly("blocked");
    }

    @Test
    void chooseRecordsDataChoicesAndSkipsBoundsOfOneOrLess() {
        FixedStrategy strategy = FixedStrategy.lowest().values(2, 4);
        Kernel k = new Kernel(strategy, 1000);
        List<Integer> got = new ArrayList<>();
        k.newProcess("p").spawn("a", Script.of(self -> {
            Kernel kk = self.kernel();
            got.add(kk.choose(1));
            got.add(kk.choose(0));
            got.add(kk.choose(-3));
            got.add(kk.choose(3));
            got.add(kk.choose(5));
            return self.ret(null);
        }));

        k.run();

        assertThat(got).containsExactly(0, 0, 0, 2, 4);
        assertThat(strategy.bounds).containsExactly(3, 5);
        assertThat(k.schedule().choices()).isEqualTo(IntList.of(2, 4));
    }

    @Test
    void actorPicksAndDataChoicesShareOneScheduleInOrder() {
        FixedStrategy strategy = FixedStrategy.highest();
        Kernel k = new Kernel(strategy, 1000);
        k.newProcess("p").spawn("a", Script.of(Script.yieldStep()));
        k.newProcess("q").spawn("b", Script.of(self -> {
            self.kernel().choose(7);
            return self.ret(null);
        }));

        k.run();

        assertThat(k.schedule().choices()).isEqualTo(IntList.of(2, 6));
    }

    @Test
    void chooseRejectsAStrategyValueOutOfRange() {
        Kernel k = new Kernel(FixedStrategy.lowest().values(3), 1000);
        k.newProcess("p").spawn("a", Script.of(self -> {
            self.kernel().choose(3);
            return Control.YIELD;
        }));

        assertThatThrownBy(k::run).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("strategy returned 3 for a choice below 3");
    }

    @Test
    void aStrategyPickingSomethingThatIsNotAnOptionIsRejected() {
        Kernel k = twoActors(FixedStrategy.picking(7), 2);

        assertThatThrownBy(k::run).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("picked 7");
    }

    @Test
    void aStrategyPickingTheClockWithNoTimerPendingIsRejected() {
        Kernel k = twoActors(FixedStrategy.picking(Kernel.ADVANCE_CLOCK), 2);

        assertThatThrownBy(k::run).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not an option");
    }

    @Test
    void aScheduleReplaysExactlyWithAnIdenticalTrace() {
        Kernel first = new Kernel(new SeededStrategy(42), 10_000).withTrace();
        Toys.build(first);
        Outcome o1 = first.run();
        String trace = Toys.traceText(first);

        ReplayStrategy replay = new ReplayStrategy(first.schedule());
        Kernel second = new Kernel(replay, 10_000).withTrace();
        Toys.build(second);
        Outcome o2 = second.run();

        assertThat(first.schedule().size()).isGreaterThan(10);
        assertThat(o2).isEqualTo(o1);
        assertThat(Toys.traceText(second)).isEqualTo(trace);
        assertThat(second.trace()).isEqualTo(first.trace());
        assertThat(second.schedule().choices()).isEqualTo(first.schedule().choices());
        assertThat(replay.exhausted()).isTrue();
    }

    @Test
    void aScheduleReplaysThroughItsCompactForm() {
        Kernel first = new Kernel(new SeededStrategy(7), 10_000).withTrace();
        Toys.build(first);
        first.run();
        String encoded = first.schedule().encode();

        Kernel second = new Kernel(new ReplayStrategy(Schedule.decode(encoded)), 10_000).withTrace();
        Toys.build(second);
        second.run();

        assertThat(Toys.traceText(second)).isEqualTo(Toys.traceText(first));
        assertThat(second.schedule().encode()).isEqualTo(encoded);
    }

    @Test
    void aReplayStrategyRestartsAtEachExecution() {
        Kernel first = twoActors(FixedStrategy.roundRobin(), 3);
        first.run();
        ReplayStrategy replay = new ReplayStrategy(first.schedule());

        for (int i = 0; i < 2; i++) {
            Kernel again = twoActors(replay, 3);
            again.run();
            assertThat(again.schedule().choices()).isEqualTo(first.schedule().choices());
        }
    }

    @Test
    void replayingAPickOfAnActorThatCannotRunRaisesScheduleMismatch() {
        Kernel k = twoActors(new ReplayStrategy(new Schedule(IntList.of(1, 5))), 2);

        assertThatThrownBy(k::run).isInstanceOf(ScheduleMismatch.class)
                .hasMessageContaining("choice 2 picks actor 4, which cannot run there");
    }

    @Test
    void replayingAClockAdvanceWhenNoTimerIsPendingRaisesScheduleMismatch() {
        Kernel k = twoActors(new ReplayStrategy(new Schedule(IntList.of(0))), 2);

        assertThatThrownBy(k::run).isInstanceOf(ScheduleMismatch.class)
                .hasMessageContaining("picks a clock advance");
    }

    @Test
    void replayingAScheduleThatRunsOutRaisesScheduleMismatch() {
        Kernel k = twoActors(new ReplayStrategy(new Schedule(IntList.of(1, 1))), 2);

        assertThatThrownBy(k::run).isInstanceOf(ScheduleMismatch.class)
                .hasMessageContaining("ends after 2 choices")
                .hasMessageContaining("which actor runs");
    }

    @Test
    void replayingADataChoiceOutOfBoundsRaisesScheduleMismatch() {
        Kernel k = new Kernel(new ReplayStrategy(new Schedule(IntList.of(9))), 1000);
        k.newProcess("p").spawn("a", Script.of(self -> {
            self.kernel().choose(3);
            return Control.YIELD;
        }));

        assertThatThrownBy(k::run).isInstanceOf(ScheduleMismatch.class)
                .hasMessageContaining("is 9, not below 3");
    }

    @Test
    void replayingTooFewDataChoicesRaisesScheduleMismatch() {
        Kernel k = new Kernel(new ReplayStrategy(new Schedule()), 1000);
        k.newProcess("p").spawn("a", Script.of(self -> {
            self.kernel().choose(3);
            return Control.YIELD;
        }));

        assertThatThrownBy(k::run).isInstanceOf(ScheduleMismatch.class)
                .hasMessageContaining("a value below 3");
    }

    @Test
    void aReplayThatLeavesChoicesUnusedIsNotExhausted() {
        ReplayStrategy replay = new ReplayStrategy(new Schedule(IntList.of(1, 1, 1, 1, 2, 2, 2)));
        Kernel k = twoActors(replay, 1);

        k.run();

        assertThat(replay.exhausted()).isFalse();
    }
}
