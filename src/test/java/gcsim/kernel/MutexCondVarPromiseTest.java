package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MutexCondVarPromiseTest {
    private final List<String> log = new ArrayList<>();

    @Test
    void anUnfulfilledPromiseAndAnUnansweredConditionSayWhatTheyWaitFor() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Promise<String> future = new Promise<>(k, "the future of its auto-GC run");
        boolean[] done = {false};
        Guard end = Guard.watching(Guard.ENDINGS, () -> done[0], () -> "the end of its auto-GC thread");

        assertThat(future.waitsFor()).isEqualTo("the future of its auto-GC run");
        assertThat(end.waitsFor()).isEqualTo("the end of its auto-GC thread");
        assertThat(Guard.watching(Guard.ENDINGS, () -> done[0]).waitsFor()).as("a guard told nothing says nothing").isNull();
        future.fulfil("done");
        assertThat(future.waitsFor()).as("a fulfilled promise holds nobody up").isNull();
    }

    @Test
    void aMutexIsHeldByOneActorAtATime() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        SimProcess p = k.newProcess("p");
        Actor a = p.spawn("a", Script.of());
        Actor b = p.spawn("b", Script.of());
        Mutex m = new Mutex(k);

        assertThat(m.isFree()).isTrue();
        assertThat(m.free().ready()).isTrue();
        m.lock(a);
        assertThat(m.holder()).isSameAs(a);
        assertThat(m.isFree()).isFalse();
        assertThat(m.free().ready()).isFalse();
        assertThatThrownBy(() -> m.lock(b)).isInstanceOf(IllegalStateException.class).hasMessageContaining("held by a");
        assertThatThrownBy(() -> m.unlock(b)).isInstanceOf(IllegalStateException.class).hasMessageContaining("b unlocks");
        m.unlock(a);
        assertThat(m.isFree()).isTrue();
        assertThat(m.holder()).isNull();
    }

    @Test
    void aThreadWaitingForAMutexRunsOnceItIsUnlocked() {
        // the holder locks, then the waiter tries while the holder still holds it
        Kernel k = new Kernel(FixedStrategy.picking(0, 1), 1000);
        Mutex m = new Mutex(k);
        SimProcess p = k.newProcess("p");
        p.spawn("holder", Script.of(Script.lockMutex(m), Script.log(log, "holder works"), self -> {
            log.add("holder unlocks");
            m.unlock(self);
            return self.ret(null);
        }));
        Actor waiter = p.spawn("waiter", Script.of(Script.lockMutex(m), self -> {
            log.add("waiter has it");
            m.unlock(self);
            return self.ret(null);
        }));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).containsExactly("holder works", "holder unlocks", "waiter has it");
        assertThat(waiter.done()).isTrue();
        assertThat(m.isFree()).isTrue();
    }

    @Test
    void aCondVarWaiterIsNotReadyUntilSignalAllAndMustRetakeTheMutex() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Mutex m = new Mutex(k);
        CondVar cv = new CondVar(k);
        boolean[] condition = {false};
        CondVar.Waiter[] waiter = new CondVar.Waiter[1];
        SimProcess p = k.newProcess("p");
        Actor consumer = p.spawn("consumer", Script.of(
                Script.lockMutex(m),
                self -> {
                    if (condition[0]) {
                        return Script.jump(self, 3);
                    }
                    waiter[0] = cv.release(m, self);
                    log.add("consumer waits");
                    return self.await(waiter[0]);
                },
                self -> Script.yieldTo(self, 0), // notified: retake the mutex and recheck
                self -> {
                    log.add("consumer sees condition");
                    m.unlock(self);
                    return self.ret(null);
                }));
        p.spawn("producer", Script.of(
                Script.lockMutex(m),
                self -> {
                    assertThat(consumer.blocked()).isTrue();
                    assertThat(waiter[0].ready()).isFalse();
                    return Control.YIELD;
                },
                self -> {
                    condition[0] = true;
                    cv.signalAll();
                    log.add("producer signalled");
                    assertThat(waiter[0].ready()).isTrue();
                    return Control.YIELD;
                },
                self -> {
                    // the waiter is notified but the mutex is still held: it must not proceed yet
                    log.add("producer unlocks");
                    m.unlock(self);
                    return self.ret(null);
                }));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).containsExactly("consumer waits", "producer signalled", "producer unlocks", "consumer sees condition");
    }

    @Test
    void releasingForACondVarUnlocksTheMutex() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Actor a = k.newProcess("p").spawn("a", Script.of());
        Mutex m = new Mutex(k);
        CondVar cv = new CondVar(k);
        m.lock(a);

        CondVar.Waiter w = cv.release(m, a);

        assertThat(m.isFree()).isTrue();
        assertThat(w.ready()).isFalse();
    }

    @Test
    void signalAllWakesEveryCurrentWaiterButNotLaterOnes() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        SimProcess p = k.newProcess("p");
        Actor a = p.spawn("a", Script.of());
        Actor b = p.spawn("b", Script.of());
        Mutex m = new Mutex(k);
        CondVar cv = new CondVar(k);
        m.lock(a);
        CondVar.Waiter wa = cv.release(m, a);
        m.lock(b);
        CondVar.Waiter wb = cv.release(m, b);

        cv.signalAll();
        m.lock(a);
        CondVar.Waiter later = cv.release(m, a);

        assertThat(wa.ready()).isTrue();
        assertThat(wb.ready()).isTrue();
        assertThat(later.ready()).isFalse();
        cv.signalAll();
        assertThat(later.ready()).isTrue();
    }

    @Test
    void releasingAMutexNotHeldIsAModelBug() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Actor a = k.newProcess("p").spawn("a", Script.of());

        assertThatThrownBy(() -> new CondVar(k).release(new Mutex(k), a)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void promiseWaitersWakeOnFulfil() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Promise<String> result = new Promise<>(k);
        List<Actor> waiters = new ArrayList<>();
        for (String name : List.of("w1", "w2")) {
            waiters.add(k.newProcess(name).spawn(name, Script.of(
                    self -> self.await(result),
                    self -> {
                        log.add(name + " got " + result.get());
                        return self.ret(null);
                    })));
        }
        k.newProcess("gc").spawn("gc", Script.of(Script.yieldStep(), self -> {
            assertThat(waiters).allMatch(Actor::blocked);
            log.add("fulfil");
            result.fulfil("freed 3 paths");
            assertThat(waiters).noneMatch(Actor::blocked);
            return self.ret(null);
        }));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).containsExactly("fulfil", "w1 got freed 3 paths", "w2 got freed 3 paths");
    }

    @Test
    void aPromiseIsReadyOnlyOnceFulfilledAndMayHoldNull() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Promise<Object> pr = new Promise<>(k);

        assertThat(pr.ready()).isFalse();
        assertThatThrownBy(pr::get).isInstanceOf(IllegalStateException.class);
        pr.fulfil(null);
        assertThat(pr.ready()).isTrue();
        assertThat(pr.get()).isNull();
    }

    @Test
    void aWaiterForAPromiseNeverFulfilledIsDeadlocked() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Promise<Object> pr = new Promise<>(k);
        k.newProcess("p").spawn("w", Script.of(self -> self.await(pr)));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.DEADLOCK);
        assertThat(o.blocked()).containsExactly("w");
    }
}
