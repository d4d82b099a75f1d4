package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Actor#startsAwaitingWork}: a service thread whose body begins by blocking is started already
 * waiting, so it spends no step on starting the wait and no decision is offered for one.
 */
class SpawnedWaitingTest {
    private final List<String> log = new ArrayList<>();

    /** Logs "served" with the step it ran at when it is first run, then returns. */
    private final class Served extends Frame {
        @Override
        protected Control step(Actor self) {
            log.add("served@" + self.kernel().steps());
            return self.ret(null);
        }
    }

    @Test
    void aThreadStartedWaitingRunsItsBodyOnlyOnceItsGuardIsReadyAndTakesNoStepBefore() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        Promise<String> work = new Promise<>(k);
        SimProcess p = k.newProcess("p");
        Actor service = p.spawn("service", new Served());
        service.startsAwaitingWork(work);
        p.spawn("producer", Script.of(self -> {
            log.add("produces@" + self.kernel().steps());
            return Control.YIELD;
        }, self -> {
            work.fulfil("job");
            log.add("fulfils@" + self.kernel().steps());
            return Control.YIELD;
        }));

        Outcome o = k.run();

        assertThat(log).containsExactly("produces@1", "fulfils@2", "served@3");
        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(o.steps()).as("the producer's two steps and return, the service's one").isEqualTo(4);
    }

    @Test
    void aThreadStartedWaitingForWorkThatNeverComesIsNotADeadlock() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        Actor service = k.newProcess("p").spawn("service", new Served());
        service.startsAwaitingWork(new Promise<String>(k));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(o.steps()).isZero();
        assertThat(service.inServiceWait()).isTrue();
        assertThat(log).isEmpty();
    }

    @Test
    void aThreadThatWaitsAlreadyCannotBeStartedWaitingAgain() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        Actor service = k.newProcess("p").spawn("service", new Served());
        service.startsAwaitingWork(new Promise<String>(k));

        assertThatThrownBy(() -> service.startsAwaitingWork(new Promise<String>(k)))
                .isInstanceOf(IllegalStateException.class).hasMessage("service has ended or waits already");
    }
}
