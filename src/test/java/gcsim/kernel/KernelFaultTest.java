package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the kernel unwinds a fault through an actor's frames, and what ending an actor or its process
 * does to its threads, its resources and the schedule.
 */
class KernelFaultTest {
    private final List<String> log = new ArrayList<>();

    @Test
    void faultUnwindsToTheNearestFrameWhoseHandleAcceptsIt() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Script inner = Script.of(self -> {
            log.add("inner throws");
            throw new Fault("Boom", "inner failed");
        }, Script.log(log, "inner after throw"));
        Script middle = Script.of(self -> self.call(inner), Script.log(log, "middle after call"))
                .onFault("Other", 1);
        Script outer = Script.of(
                self -> self.call(middle),
                Script.log(log, "outer after call"),
                self -> {
                    log.add("handler");
                    return self.ret("recovered");
                }).onFault("Boom", 2);
        Actor a = k.newProcess("p").spawn("a", outer);

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).containsExactly("inner throws", "handler");
        assertThat(outer.caught).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("Boom");
            assertThat(f.getMessage()).isEqualTo("inner failed");
        });
        assertThat(middle.caught).isEmpty();
        assertThat(a.failure()).isNull();
        assertThat(a.result()).isEqualTo("recovered");
        assertThat(a.process().exited()).isFalse();
        assertThat(o.steps()).isEqualTo(1);
    }

    @Test
    void theThrowingFrameIsOfferedItsOwnFaultFirst() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Script inner = Script.of(self -> {
            throw new Fault("Boom", "x");
        }, self -> {
            log.add("inner handler");
            return self.ret("inner handled");
        }).onFault("Boom", 1);
        Script outer = Script.of(self -> self.call(inner), self -> {
            log.add("outer got " + self.result());
            return self.ret(null);
        }).onFault("Boom", 1);

        k.newProcess("p").spawn("a", outer);
        k.run();

        assertThat(log).containsExactly("inner handler", "outer got inner handled");
        assertThat(outer.caught).isEmpty();
    }

    @Test
    void faultsCarryNoJavaStackTrace() {
        Fault f = new Fault("EPIPE", "broken");
        assertThat(f.getStackTrace()).isEmpty();
        assertThat(f.kind()).isEqualTo("EPIPE");
        assertThat(f.getCause()).isNull();
    }

    @Test
    void uncaughtFaultEndsTheActorAndExitsItsProcess() {
        Kernel k = new Kernel(FixedStrategy.roundRobin(), 1000).withTrace();
        Flock flock = new Flock(k);
        SimProcess p = k.newProcess("p");
        OpenFile held = new OpenFile(p, flock, "held");
        flock.lock(held, true);
        Actor failing = p.spawn("failing", Script.of(Script.yieldStep(), self -> {
            throw new Fault("InvalidPath", "path is not valid");
        }).onFault("SomethingElse", 0));
        Actor sibling = p.spawn("sibling", Script.forever());
        SimProcess q = k.newProcess("q");
        OpenFile wanting = new OpenFile(q, flock, "wanting");
        Actor waiter = q.spawn("waiter", Script.of(Script.lockFlock(wanting, true), Script.log(log, "waiter locked")));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(failing.done()).isTrue();
        assertThat(failing.failure()).isNotNull();
        assertThat(failing.failure().kind()).isEqualTo("InvalidPath");
        assertThat(sibling.done()).isTrue();
        assertThat(sibling.failure()).isNull();
        assertThat(p.exited()).isTrue();
        assertThat(held.closed()).isTrue();
        assertThat(waiter.failure()).isNull();
        assertThat(q.exited()).isFalse();
        assertThat(log).containsExactly("waiter locked");
        assertThat(flock.heldBy(wanting)).isTrue();
        assertThat(Toys.traceText(k)).contains("failing: uncaught InvalidPath: path is not valid");
    }

    @Test
    void exitingAProcessKillsItsThreadsAndClosesItsResourcesInAcquisitionOrder() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        SimProcess p = k.newProcess("p");
        List<String> closed = new ArrayList<>();
        SimProcess.Resource r1 = owner -> closed.add("r1 by " + owner.name());
        SimProcess.Resource r2 = owner -> closed.add("r2 by " + owner.name());
        SimProcess.Resource r3 = owner -> closed.add("r3 by " + owner.name());
        p.own(r1);
        p.own(r2);
        p.own(r3);
        p.disown(r2);
        Actor t1 = p.spawn("t1", Script.forever());
        Actor t2 = p.spawn("t2", Script.forever());

        p.exit();
        p.exit();

        assertThat(p.exited()).isTrue();
        assertThat(closed).containsExactly("r1 by p", "r3 by p");
        assertThat(t1.done()).isTrue();
        assertThat(t2.done()).isTrue();
        assertThat(k.run().end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(k.steps()).isZero();
    }

    @Test
    void anActorMayEndItsOwnProcessAndYield() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        SimProcess p = k.newProcess("p");
        Actor a = p.spawn("a", Script.of(self -> {
            self.process().exit();
            return Control.YIELD;
        }, Script.log(log, "after exit")));
        Actor b = p.spawn("b", Script.of(Script.log(log, "b")));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).isEmpty();
        assertThat(a.done()).isTrue();
        assertThat(b.done()).isTrue();
        assertThat(o.steps()).isEqualTo(1);
    }

    @Test
    void anActorThatEndsItsOwnProcessAndReturnsStopsCleanly() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        SimProcess p = k.newProcess("p");
        Actor a = p.spawn("a", Script.of(self -> {
            self.process().exit();
            return self.ret(0);
        }));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(a.done()).isTrue();
    }

    @Test
    void anActorThatEndsItsOwnProcessRunsNothingMore() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        SimProcess p = k.newProcess("p");
        p.spawn("a", Script.of(self -> {
            self.process().exit();
            return self.call(Script.of(self2 -> {
                log.add("callee ran after exit");
                return self2.ret(null);
            }));
        }));

        k.run();

        assertThat(log).isEmpty();
    }

    @Test
    void anActorThatEndsItsOwnProcessAndWaitsIsNotCountedAsBlocked() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        SimProcess p = k.newProcess("p");
        Actor a = p.spawn("a", Script.of(self -> {
            self.process().exit();
            return self.await(new Promise<>(k));
        }));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(a.blocked()).isFalse();
    }

    @Test
    void anExceptionThatIsNotAFaultEscapesTheRun() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        k.newProcess("p").spawn("a", Script.of(self -> {
            throw new IllegalStateException("model bug");
        }));

        assertThatThrownBy(k::run).isInstanceOf(IllegalStateException.class).hasMessage("model bug");
    }
}
