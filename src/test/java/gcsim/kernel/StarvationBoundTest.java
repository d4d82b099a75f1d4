package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The starvation bound: time may jump past an actor that can run only so many times in a row, which
 * makes a loop that waits on time finite for the exhaustive search, and its schedules still replay
 * in a kernel without the bound.
 */
class StarvationBoundTest {
    private static final long MS = 1_000_000L;

    private final List<String> log = new ArrayList<>();

    /**
     * A worker with one step to do, ready from the start, and a poller that sleeps 100 ms ten times;
     * the poller has the higher id, so the strategy that picks the highest option runs it first and
     * then prefers the clock to the worker.
     */
    private Kernel pollerAndWorker(Strategy strategy) {
        Kernel k = new Kernel(strategy, 1_000);
        int[] polls = {0};
        k.newProcess("w").spawn("worker", Script.of(self -> {
            log.add("worker@" + VirtualTime.format(self.kernel().now()));
            return Control.YIELD;
        }));
        k.newProcess("p").spawn("poller", Script.of(self -> {
            if (polls[0]++ == 10) {
                return Control.YIELD;
            }
            return Script.retryAfter(self, Guard.after(k, 100 * MS));
        }));
        return k;
    }

    @Test
    void withoutABoundTimeCanPassAReadyActorUntilThePollerIsDone() {
        pollerAndWorker(FixedStrategy.highest()).run();

        assertThat(log).containsExactly("worker@1s");
    }

    @Test
    void withABoundTheClockIsHeldBackOnceAReadyActorWasPassedThatOften() {
        pollerAndWorker(FixedStrategy.highest()).withStarvationBound(3).run();

        assertThat(log).containsExactly("worker@300ms");
    }

    @Test
    void aBoundOfZeroNeverLetsTimePassAReadyActor() {
        pollerAndWorker(FixedStrategy.highest()).withStarvationBound(0).run();

        assertThat(log).containsExactly("worker@0s");
    }

    @Test
    void theChoiceMadeWhereTheClockWasHeldBackIsRecordedSoTheScheduleReplaysWithoutTheBound() {
        Kernel bounded = pollerAndWorker(FixedStrategy.highest()).withStarvationBound(3);
        bounded.run();
        List<String> first = List.copyOf(log);
        log.clear();

        ReplayStrategy replay = new ReplayStrategy(bounded.schedule());
        pollerAndWorker(replay).run();

        assertThat(log).isEqualTo(first);
        assertThat(replay.exhausted()).isTrue();
    }

    @Test
    void eachActorsStarvationCounterIsAResourceOfItsOwnWhenEverTheBoundWasSet() {
        Kernel before = new Kernel(FixedStrategy.highest(), 1_000).withStarvationBound(3);
        before.newProcess("p").spawn("a", Script.of(self -> Control.YIELD));
        before.newProcess("q").spawn("b", Script.of(self -> Control.YIELD));
        Kernel after = pollerAndWorker(FixedStrategy.highest()).withStarvationBound(3);

        for (Kernel k : List.of(before, after)) {
            int first = k.starvationCounter(0);
            int second = k.starvationCounter(1);
            assertThat(first).isNotEqualTo(k.clockResource).isNotNegative();
            assertThat(second).isNotEqualTo(k.clockResource).isNotEqualTo(first).isNotNegative();
        }
        assertThat(pollerAndWorker(FixedStrategy.highest()).starvationCounter(0)).isEqualTo(-1);
    }

    @Test
    void aClockAdvanceWritesTheCountersOfTheActorsItPassesAndAnActorsStepWritesItsOwn() {
        Kernel k = pollerAndWorker(FixedStrategy.highest()).withStarvationBound(3).withFootprints();
        k.run();

        Footprints fp = k.footprints();
        int clockSteps = 0;
        for (int s = 0; s < fp.steps(); s++) {
            if (fp.actor(s) < 0) {
                clockSteps++;
                // the clock, then the worker's counter while the worker waits to run
                assertThat(fp.of(s)).hasSizeBetween(1, 2);
                assertThat(fp.of(s)[0]).isEqualTo(1); // resource 0, written
            } else {
                assertThat(fp.of(s)).isNotEmpty();
            }
        }
        assertThat(clockSteps).isEqualTo(10);
    }

    /** A worker that sets a flag, and a spinner (higher id) that retries at once until it sees it. */
    private Kernel spinnerAndWorker(Strategy strategy, int[] spins) {
        Kernel k = new Kernel(strategy, 200);
        boolean[] flag = {false};
        k.newProcess("w").spawn("worker", Script.of(self -> {
            flag[0] = true;
            return Control.YIELD;
        }));
        k.newProcess("s").spawn("spinner", Script.of(self -> {
            if (flag[0]) {
                return Control.YIELD;
            }
            spins[0]++;
            self.kernel().spin();
            return Script.yieldTo(self, 0);
        }));
        return k;
    }

    @Test
    void withoutABoundABusyRetryLoopCanStarveTheActorItWaitsForUntilTheStepBound() {
        int[] spins = {0};
        Outcome o = spinnerAndWorker(FixedStrategy.highest(), spins).run();

        assertThat(o.end()).isEqualTo(Outcome.End.CUT);
    }

    @Test
    void withABoundABusyRetryLoopTurnsAtMostThatOftenPastAnActorThatCanRun() {
        int[] spins = {0};
        Kernel k = spinnerAndWorker(FixedStrategy.highest(), spins).withStarvationBound(2);
        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        // the first spin passes nobody (it is not a retry yet); the next two retries pass the worker
        assertThat(spins[0]).isEqualTo(3);
        int[] again = {0};
        Outcome replayed = spinnerAndWorker(new ReplayStrategy(k.schedule()), again).run();
        assertThat(replayed.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(again[0]).isEqualTo(3);
    }

    @Test
    void aBusyRetryWritesTheCountersOfTheActorsItPassesSoTheReductionSeesItAsDependentOnThem() {
        // the bound first: an actor gets a counter of its own only if the bound is set when it is made
        Kernel k = new Kernel(FixedStrategy.highest(), 200).withStarvationBound(2).withFootprints();
        boolean[] flag = {false};
        Actor worker = k.newProcess("w").spawn("worker", Script.of(self -> {
            flag[0] = true;
            return Control.YIELD;
        }));
        k.newProcess("s").spawn("spinner", Script.of(self -> {
            if (flag[0]) {
                return Control.YIELD;
            }
            self.kernel().spin();
            return Script.yieldTo(self, 0);
        }));
        k.run();

        Footprints fp = k.footprints();
        int workerStep = -1;
        for (int s = 0; s < fp.steps() && workerStep < 0; s++) {
            if (fp.actor(s) == worker.id()) {
                workerStep = s;
            }
        }
        // the spinner's first step is not a retry yet; its retries pass the worker and write its counter,
        // which the worker's own step writes too (resetting it)
        assertThat(workerStep).isEqualTo(3);
        assertThat(fp.dependent(0, workerStep)).as("the first spin passes nobody").isFalse();
        assertThat(fp.dependent(1, workerStep)).as("a retry").isTrue();
        assertThat(fp.dependent(2, workerStep)).isTrue();
    }

    @Test
    void aStrategyThatListensIsToldOfTheStartAndOfEachStepWithItsOptionsAndPick() {
        List<String> heard = new ArrayList<>();
        class Listening implements Strategy, ExecutionListener {
            @Override
            public void beginExecution() {}

            @Override
            public int nextActor(int[] options, int count, int current) {
                return options[count - 1];
            }

            @Override
            public int nextValue(int bound) {
                return 0;
            }

            @Override
            public void started(Kernel k) {
                heard.add("started with footprints " + (k.footprints() != null));
            }

            @Override
            public void beforeStep(int step, int[] options, int count, int picked) {
                heard.add(step + ":" + count + ":" + picked);
            }
        }
        int[] spins = {0};
        Kernel k = spinnerAndWorker(new Listening(), spins).withStarvationBound(2);
        k.run();

        assertThat(heard.get(0)).isEqualTo("started with footprints true");
        assertThat(heard).hasSize(1 + k.steps());
        assertThat(heard.get(1)).isEqualTo("0:2:1"); // both can run; the highest, the spinner, is picked
        assertThat(k.footprints().steps()).isEqualTo(k.steps());
    }

    /** Two actors that each retry at once {@code turns} times, logging who ran. */
    private Kernel twoSpinners(Strategy strategy, StringBuilder ran, int turns) {
        Kernel k = new Kernel(strategy, 200);
        for (String name : List.of("A", "B")) {
            int[] left = {turns};
            k.newProcess(name).spawn(name, Script.of(self -> {
                ran.append(name);
                if (--left[0] == 0) {
                    return Control.YIELD;
                }
                self.kernel().spin();
                return Script.yieldTo(self, 0);
            }));
        }
        return k;
    }

    @Test
    void aStarvedSpinnerIsNotHeldBackForPassingOnlyItself() {
        StringBuilder ran = new StringBuilder();
        twoSpinners(FixedStrategy.highest(), ran, 8).withStarvationBound(2).run();

        // B (preferred) retries until A has been passed twice; then A, starved and spinning itself, runs at once
        assertThat(ran.toString()).startsWith("BBBABBABBA");
    }

    /** Picks the highest actor offered and never lets the clock advance by choice. */
    private static Strategy highestActorNeverTheClock() {
        return new Strategy() {
            @Override
            public void beginExecution() {
            }

            @Override
            public int nextActor(int[] options, int count, int current) {
                int best = -1;
                for (int i = 0; i < count; i++) {
                    if (options[i] != Kernel.ADVANCE_CLOCK) {
                        best = Math.max(best, options[i]);
                    }
                }
                return best < 0 ? Kernel.ADVANCE_CLOCK : best;
            }

            @Override
            public int nextValue(int bound) {
                return 0;
            }
        };
    }

    @Test
    void holdingBackSpinnersLooksOnlyAtTheActorsOfferedNotAtTheClockOfferedBefore() {
        StringBuilder ran = new StringBuilder();
        Kernel k = twoSpinners(highestActorNeverTheClock(), ran, 8).withStarvationBound(2);
        // a sleeper keeps a timer pending, so the clock was offered after the two spinners in earlier steps
        k.newProcess("c").spawn("C", Script.of(self -> self.sleep(3_600_000_000_000L), Script.yieldStep()));
        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(ran.toString()).startsWith("BBBABBABBA");
    }

    @Test
    void aNegativeBoundIsRefused() {
        assertThatThrownBy(() -> new Kernel(FixedStrategy.lowest(), 10).withStarvationBound(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
