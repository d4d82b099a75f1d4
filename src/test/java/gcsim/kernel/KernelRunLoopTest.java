package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelRunLoopTest {
    private final List<String> log = new ArrayList<>();

    private static Script threeLogs(List<String> log, String who) {
        return Script.of(Script.log(log, who + "1"), Script.log(log, who + "2"), self -> {
            log.add(who + "3");
            return self.ret(who);
        });
    }

    @Test
    void actorsRunToCompletion() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Actor a = k.newProcess("p").spawn("a", threeLogs(log, "a"));
        Actor b = k.newProcess("q").spawn("b", threeLogs(log, "b"));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(o.steps()).isEqualTo(6).isEqualTo(k.steps());
        assertThat(o.blocked()).isEmpty();
        assertThat(o.stopReason()).isNull();
        assertThat(a.done()).isTrue();
        assertThat(b.done()).isTrue();
        assertThat(a.failure()).isNull();
        assertThat(log).containsExactly("a1", "a2", "a3", "b1", "b2", "b3");
    }

    @Test
    void yieldIsASchedulingPointSoStepsInterleaveUnderAnAlternatingStrategy() {
        Kernel k = new Kernel(FixedStrategy.roundRobin(), 1000);
        k.newProcess("p").spawn("a", threeLogs(log, "a"));
        k.newProcess("q").spawn("b", threeLogs(log, "b"));

        k.run();

        assertThat(log).containsExactly("a1", "b1", "a2", "b2", "a3", "b3");
        assertThat(k.schedule().choices()).isEqualTo(IntList.of(1, 2, 1, 2, 1));
    }

    @Test
    void highestStrategyRunsTheLastActorFirst() {
        Kernel k = new Kernel(FixedStrategy.highest(), 1000);
        k.newProcess("p").spawn("a", threeLogs(log, "a"));
        k.newProcess("q").spawn("b", threeLogs(log, "b"));

        k.run();

        assertThat(log).containsExactly("b1", "b2", "b3", "a1", "a2", "a3");
    }

    @Test
    void continueCallAndReturnRunWithoutASchedulingPoint() {
        FixedStrategy strategy = FixedStrategy.roundRobin();
        Kernel k = new Kernel(strategy, 1000);
        Script inner = Script.of(self -> {
            log.add("inner");
            return Control.CONTINUE;
        }).returning(42);
        Script middle = Script.of(self -> {
            log.add("middle");
            return self.call(inner);
        }, self -> {
            log.add("middle got " + self.result());
            return self.ret((Integer) self.result() + 1);
        });
        Actor a = k.newProcess("p").spawn("a", Script.of(self -> {
            log.add("a1");
            return Control.CONTINUE;
        }, self -> self.call(middle), self -> {
            log.add("a got " + self.result());
            return self.ret("end");
        }));
        k.newProcess("q").spawn("b", Script.of(self -> {
            log.add("b1");
            return self.ret(null);
        }));

        Outcome o = k.run();

        assertThat(log).containsExactly("a1", "middle", "inner", "middle got 42", "a got 43", "b1");
        assertThat(o.steps()).isEqualTo(2);
        assertThat(strategy.offers).hasSize(1);
        assertThat(k.schedule().size()).isEqualTo(1);
        assertThat(a.result()).isEqualTo("end");
    }

    @Test
    void aFramesReturnValueReachesItsCallerThroughResult() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Object[] seen = new Object[1];
        Actor a = k.newProcess("p").spawn("a", Script.of(
                self -> self.call(Script.of(Script.yieldStep(), Script.yieldStep()).returning("callee value")),
                self -> {
                    seen[0] = self.result();
                    return self.ret("root value");
                }));

        k.run();

        assertThat(seen[0]).isEqualTo("callee value");
        assertThat(a.result()).isEqualTo("root value");
        assertThat(k.steps()).isEqualTo(3);
    }

    @Test
    void currentIsTheRunningActorDuringAStepAndNullBetweenSteps() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        List<Actor> seen = new ArrayList<>();
        Actor a = k.newProcess("p").spawn("a", Script.of(self -> {
            seen.add(self.kernel().current());
            return Control.YIELD;
        }));
        assertThat(k.current()).isNull();

        k.run();

        assertThat(seen).containsExactly(a);
        assertThat(k.current()).isNull();
    }

    @Test
    void processesGetIncreasingPidsAndActorsGetIdsInSpawnOrder() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        SimProcess p = k.newProcess("p");
        SimProcess q = k.newProcess("q");
        Actor a = p.spawn("a", Script.of());
        Actor b = q.spawn("b", Script.of());
        Actor c = p.spawn("c", Script.of());

        assertThat(q.pid()).isEqualTo(p.pid() + 1);
        assertThat(List.of(a.id(), b.id(), c.id())).containsExactly(0, 1, 2);
        assertThat(k.actors()).containsExactly(a, b, c);
        assertThat(k.processes()).containsExactly(p, q);
        assertThat(c.process()).isSameAs(p);
        assertThat(a.kernel()).isSameAs(k);
        assertThat(p.kernel()).isSameAs(k);
        assertThat(p.name()).isEqualTo("p");
        assertThat(p.toString()).isEqualTo("p[" + p.pid() + "]");
        assertThat(a.toString()).isEqualTo("a");
        assertThatThrownBy(() -> k.actors().add(a)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void actorsSpawnedDuringAStepJoinTheExecution() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        k.newProcess("parent").spawn("parent", Script.of(self -> {
            self.process().spawn("sibling", Script.of(Script.log(log, "sibling")));
            self.kernel().newProcess("child").spawn("child", Script.of(Script.log(log, "child")));
            log.add("parent");
            return Control.YIELD;
        }));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).containsExactly("parent", "sibling", "child");
        assertThat(k.actors()).allMatch(Actor::done);
    }

    @Test
    void manyActorsAreAllScheduled() {
        Kernel k = new Kernel(FixedStrategy.highest(), 10_000);
        for (int i = 0; i < 40; i++) {
            k.newProcess("p" + i).spawn("t" + i, Script.of(Script.log(log, "t" + i), Script.yieldStep()));
        }

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).hasSize(40).startsWith("t39").endsWith("t0");
    }

    @Test
    void manyActorsWithAPendingTimerStillOfferTheClockAdvanceLast() {
        FixedStrategy strategy = FixedStrategy.lowest();
        Kernel k = new Kernel(strategy, 10_000);
        k.newProcess("sleeper").spawn("sleeper", Script.of(self -> self.sleep(5)));
        for (int i = 0; i < 31; i++) {
            k.newProcess("p" + i).spawn("t" + i, Script.of(Script.yieldStep()));
        }

        k.run();

        int[] second = strategy.offers.get(1);
        assertThat(second).hasSize(32);
        assertThat(second[31]).isEqualTo(Kernel.ADVANCE_CLOCK);
    }

    @Test
    void theStrategyIsToldWhichActorRanThePreviousStep() {
        FixedStrategy strategy = FixedStrategy.lowest();
        Kernel k = new Kernel(strategy, 1000);
        k.newProcess("p").spawn("a", Script.of(Script.yieldStep(), Script.yieldStep()));
        k.newProcess("q").spawn("b", Script.of(Script.yieldStep(), Script.yieldStep()));

        k.run();

        // a runs three steps (two yields and the return), each time with b also runnable
        assertThat(strategy.currents).startsWith(-1, 0, 0);
    }

    @Test
    void theStrategyIsToldThereWasNoPreviousActorAtTheFirstChoice() {
        FixedStrategy strategy = FixedStrategy.lowest();
        Kernel k = new Kernel(strategy, 1000);
        k.newProcess("p").spawn("a", Script.of(Script.yieldStep()));
        k.newProcess("q").spawn("b", Script.of(Script.yieldStep()));

        k.run();

        assertThat(strategy.currents.get(0)).isEqualTo(-1);
        assertThat(strategy.executions).isEqualTo(1);
    }

    // ---- trace ----

    @Test
    void traceRecordsNotesAndStoriesWithStepTimeAndActor() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000).withTrace();
        k.note("before the run");
        k.newProcess("p").spawn("a", Script.of(self -> {
            self.kernel().note("first");
            return self.sleep(1_500_000);
        }, self -> {
            self.kernel().story("second");
            return self.ret(null);
        }));

        k.run();

        assertThat(k.tracing()).isTrue();
        assertThat(k.trace()).containsExactly(
                new TraceEvent(0, 0, "-", "before the run", false),
                new TraceEvent(1, 0, "a", "first", false),
                new TraceEvent(2, 1_500_000, "clock", "time advances to 1500000ns", false),
                new TraceEvent(3, 1_500_000, "a", "second", true));
        assertThatThrownBy(() -> k.trace().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withoutTracingNotesCostNothingAndTheTraceIsEmpty() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        k.newProcess("p").spawn("a", Script.of(self -> {
            self.kernel().note("ignored");
            self.kernel().story("ignored too");
            return Control.YIELD;
        }));

        k.run();

        assertThat(k.tracing()).isFalse();
        assertThat(k.trace()).isEmpty();
    }
}
