package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A guard watching {@link Guard#ENDINGS} is asked again after every way an actor or process can
 * end: an actor returning from its last frame, an actor killed by another's step, and a process
 * with no thread left exited by another process's step.
 */
class EndingsWakeTest {
    private final List<String> log = new ArrayList<>();

    /**
     * After {@code idle} steps that do nothing, does {@code act} in one step and ends only a step
     * later, so that its own ending cannot be what wakes a waiter: only {@code act} can.
     */
    private Script actsThenLivesOn(String name, Runnable act, int idle) {
        java.util.List<Script.Step> steps = new java.util.ArrayList<>();
        for (int i = 0; i < idle; i++) {
            steps.add(self -> Control.YIELD);
        }
        steps.add(self -> {
            act.run();
            return Control.YIELD;
        });
        steps.add(self -> {
            log.add(name + " done");
            return self.ret(null);
        });
        return Script.of(steps);
    }

    private Script joiner(String what, java.util.function.BooleanSupplier ended) {
        return Script.of(self -> self.await(Guard.watching(Guard.ENDINGS, ended)), self -> {
            log.add(what);
            return self.ret(null);
        });
    }

    @Test
    void aThreadReturningFromItsLastFrameWakesItsJoinerThoughItsProcessLivesOn() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        SimProcess p = k.newProcess("p");
        Actor worker = p.spawn("worker", Script.of(self -> Control.YIELD, self -> self.ret(null)));
        p.spawn("other", Script.of(self -> self.await(Guard.watching(Guard.ENDINGS, () -> !log.isEmpty())), self -> self.ret(null)));
        k.newProcess("q").spawn("joiner", joiner("joined", worker::done));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).containsExactly("joined");
    }

    @Test
    void anActorKilledByAnotherActorsStepWakesItsJoiner() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        Promise<String> never = new Promise<>(k);
        Actor victim = k.newProcess("p").spawn("victim", Script.of(self -> self.await(never)));
        k.newProcess("q").spawn("joiner", joiner("joined", victim::done));
        k.newProcess("r").spawn("killer", actsThenLivesOn("killer", victim::kill, 0));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).containsExactly("joined", "killer done");
    }

    @Test
    void aProcessWithNoThreadExitedByAnotherProcessWakesWhoWaitsForItsExit() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        SimProcess empty = k.newProcess("empty");
        k.newProcess("q").spawn("waiter", joiner("saw exit", empty::exited));
        k.newProcess("r").spawn("reaper", actsThenLivesOn("reaper", empty::exit, 1));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).containsExactly("saw exit", "reaper done");
    }
}
