package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How executions end: complete, deadlock, cut by the step bound, stopped by an observer. */
class EndingsTest {

    @Test
    void twoActorsWaitingOnEachOthersFlocksDeadlock() {
        Kernel k = new Kernel(FixedStrategy.roundRobin(), 1000);
        Flock x = new Flock(k);
        Flock y = new Flock(k);
        SimProcess p = k.newProcess("p");
        SimProcess q = k.newProcess("q");
        OpenFile px = new OpenFile(p, x, "p:x");
        OpenFile py = new OpenFile(p, y, "p:y");
        OpenFile qx = new OpenFile(q, x, "q:x");
        OpenFile qy = new OpenFile(q, y, "q:y");
        Actor a = p.spawn("a", Script.of(Script.lockFlock(px, true), Script.lockFlock(py, true)));
        Actor b = q.spawn("b", Script.of(Script.lockFlock(qy, true), Script.lockFlock(qx, true)));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.DEADLOCK);
        assertThat(o.blocked()).containsExactly("a", "b");
        assertThat(o.steps()).isEqualTo(4);
        assertThat(a.blocked()).isTrue();
        assertThat(b.blocked()).isTrue();
        assertThat(a.inServiceWait()).isFalse();
        assertThat(a.waitsFor()).isEqualTo("an exclusive lock on p:y, held exclusively by q");
        assertThat(b.waitsFor()).isEqualTo("an exclusive lock on q:x, held exclusively by p");
    }

    @Test
    void twoThreadsWaitingOnEachOthersMutexesDeadlock() {
        Kernel k = new Kernel(FixedStrategy.roundRobin(), 1000);
        Mutex m1 = new Mutex(k);
        Mutex m2 = new Mutex(k);
        SimProcess p = k.newProcess("p");
        p.spawn("t1", Script.of(Script.lockMutex(m1), Script.lockMutex(m2)));
        p.spawn("t2", Script.of(Script.lockMutex(m2), Script.lockMutex(m1)));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.DEADLOCK);
        assertThat(o.blocked()).containsExactly("t1", "t2");
    }

    @Test
    void aThreadBlockedOnAMutexSaysWhichMutexAndWhoHoldsIt() {
        Kernel k = new Kernel(FixedStrategy.roundRobin(), 1000);
        Mutex state = new Mutex(k, "the state mutex");
        Mutex shared = new Mutex(k, "Shared");
        SimProcess p = k.newProcess("p");
        p.spawn("t1", Script.of(Script.lockMutex(state), Script.lockMutex(shared)));
        p.spawn("t2", Script.of(Script.lockMutex(shared), Script.lockMutex(state)));

        k.run();

        assertThat(k.actors()).extracting(Actor::waitsFor)
                .containsExactly("Shared, held by t2", "the state mutex, held by t1");
        assertThat(new Mutex(k).free().waitsFor()).as("a free mutex holds nobody up").isNull();
    }

    @Test
    void theSameProgramCompletesUnderAScheduleThatAvoidsTheDeadlock() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Mutex m1 = new Mutex(k);
        Mutex m2 = new Mutex(k);
        SimProcess p = k.newProcess("p");
        p.spawn("t1", Script.of(Script.lockMutex(m1), Script.lockMutex(m2), self -> {
            m2.unlock(self);
            m1.unlock(self);
            return self.ret(null);
        }));
        p.spawn("t2", Script.of(Script.lockMutex(m2), Script.lockMutex(m1)));

        assertThat(k.run().end()).isEqualTo(Outcome.End.COMPLETE);
    }

    @Test
    void anActorInAServiceWaitIsNotADeadlock() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        SocketFile socket = new SocketFile(k, "/s");
        SimProcess server = k.newProcess("server");
        Listener listener = socket.bind(server);
        Actor loop = server.spawn("loop", Script.of(self -> {
            if (!listener.hasPending()) {
                return Script.retryAfterWork(self, listener.pending());
            }
            listener.accept(server).close();
            return Script.yieldTo(self, 0);
        }));
        k.newProcess("client").spawn("client", Script.of(self -> {
            socket.connect(self.process()).close();
            return self.ret(null);
        }));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(o.blocked()).isEmpty();
        assertThat(loop.done()).isFalse();
        assertThat(loop.inServiceWait()).isTrue();
        assertThat(loop.blocked()).isTrue();
    }

    @Test
    void aDeadlockListsOnlyTheActorsBlockedOutsideServiceWaits() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Promise<Integer> never = new Promise<>(k);
        Promise<Integer> noWork = new Promise<>(k);
        k.newProcess("daemon").spawn("daemon", Script.of(self -> self.awaitWork(noWork)));
        k.newProcess("client").spawn("client", Script.of(self -> self.await(never)));
        k.newProcess("done").spawn("done", Script.of(Script.yieldStep()));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.DEADLOCK);
        assertThat(o.blocked()).containsExactly("client");
    }

    @Test
    void aServiceWaitEndsWhenTheActorRunsAgain() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Promise<Integer> work = new Promise<>(k);
        Promise<Integer> never = new Promise<>(k);
        Actor a = k.newProcess("p").spawn("a", Script.of(
                self -> self.awaitWork(work),
                self -> self.await(never)));
        k.newProcess("q").spawn("b", Script.of(self -> {
            work.fulfil(1);
            return self.ret(null);
        }));

        Outcome o = k.run();

        assertThat(a.inServiceWait()).isFalse();
        assertThat(o.end()).isEqualTo(Outcome.End.DEADLOCK);
        assertThat(o.blocked()).containsExactly("a");
    }

    @Test
    void aPendingTimerIsNotADeadlock() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        k.newProcess("p").spawn("a", Script.of(self -> self.sleep(1_000_000_000L)));

        assertThat(k.run().end()).isEqualTo(Outcome.End.COMPLETE);
    }

    @Test
    void reachingMaxStepsCutsTheExecution() {
        Kernel k = new Kernel(FixedStrategy.roundRobin(), 10);
        Actor a = k.newProcess("p").spawn("a", Script.forever());
        k.newProcess("q").spawn("b", Script.forever());

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.CUT);
        assertThat(o.steps()).isEqualTo(10);
        assertThat(k.steps()).isEqualTo(10);
        assertThat(a.done()).isFalse();
        assertThat(o.blocked()).isEmpty();
    }

    @Test
    void clockAdvancesCountTowardsTheStepBound() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 3);
        k.newProcess("p").spawn("a", Script.of(self -> self.sleep(5), self -> self.sleep(5), self -> self.sleep(5)));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.CUT);
        assertThat(o.time()).isEqualTo(5);
    }

    @Test
    void aBoundOfZeroStepsCutsAtOnceUnlessNothingCanRun() {
        Kernel busy = new Kernel(FixedStrategy.lowest(), 0);
        busy.newProcess("p").spawn("a", Script.of(Script.yieldStep()));
        assertThat(busy.run().end()).isEqualTo(Outcome.End.CUT);

        Kernel idle = new Kernel(FixedStrategy.lowest(), 0);
        assertThat(idle.run().end()).isEqualTo(Outcome.End.COMPLETE);
    }

    @Test
    void anExecutionThatFinishesExactlyAtTheBoundIsComplete() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 2);
        k.newProcess("p").spawn("a", Script.of(Script.yieldStep()));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(o.steps()).isEqualTo(2);
    }

    @Test
    void anObserverSeesEveryActorStepAndMayStopTheExecution() {
        Kernel k = new Kernel(FixedStrategy.roundRobin(), 1000);
        List<String> seen = new ArrayList<>();
        Actor a = k.newProcess("p").spawn("a", Script.forever());
        k.newProcess("q").spawn("b", Script.of(self -> self.sleep(1), Script.yieldStep()));
        k.observe((kernel, actor) -> {
            seen.add(actor.name() + "@" + kernel.steps());
            assertThat(kernel.current()).isSameAs(actor);
            if (kernel.steps() == 5) {
                kernel.stop("oracle: enough");
                kernel.stop("a later reason");
            }
        });

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.STOPPED);
        assertThat(o.stopReason()).isEqualTo("oracle: enough");
        assertThat(o.steps()).isEqualTo(5);
        assertThat(a.done()).isFalse();
        // round robin: a, b (sleeps), clock advance (not observed), a, b
        assertThat(seen).containsExactly("a@1", "b@2", "a@4", "b@5");
    }

    @Test
    void aStepMayStopTheExecutionAfterItself() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        List<String> log = new ArrayList<>();
        k.newProcess("p").spawn("a", Script.of(self -> {
            self.kernel().stop("seen enough");
            log.add("stopping step continues");
            return Control.CONTINUE;
        }, Script.log(log, "same step"), Script.log(log, "next step")));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.STOPPED);
        assertThat(o.stopReason()).isEqualTo("seen enough");
        assertThat(log).containsExactly("stopping step continues", "same step");
    }

    @Test
    void stoppingInTheLastStepStillReportsStopped() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        k.newProcess("p").spawn("a", Script.of(self -> {
            self.kernel().stop("last");
            return self.ret(null);
        }));

        assertThat(k.run().end()).isEqualTo(Outcome.End.STOPPED);
    }
}
