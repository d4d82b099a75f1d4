package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlockTest {
    private final Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
    private final Flock flock = new Flock(k);
    private final SimProcess p = k.newProcess("p");
    private final SimProcess q = k.newProcess("q");
    private final SimProcess r = k.newProcess("r");
    private final OpenFile pf = new OpenFile(p, flock, "p:lock");
    private final OpenFile qf = new OpenFile(q, flock, "q:lock");
    private final OpenFile rf = new OpenFile(r, flock, "r:lock");
    private final List<String> log = new ArrayList<>();

    @Test
    void aFreshLockIsFreeAndAnyModeCanBeTaken() {
        assertThat(flock.free()).isTrue();
        assertThat(flock.heldExclusively()).isFalse();
        assertThat(flock.canLock(pf, true)).isTrue();
        assertThat(flock.canLock(pf, false)).isTrue();
        assertThat(flock.heldBy(pf)).isFalse();
    }

    @Test
    void sharedHoldersCoexist() {
        flock.lock(pf, false);
        flock.lock(qf, false);

        assertThat(flock.heldBy(pf)).isTrue();
        assertThat(flock.heldBy(qf)).isTrue();
        assertThat(flock.heldExclusively()).isFalse();
        assertThat(flock.free()).isFalse();
        assertThat(flock.canLock(rf, false)).isTrue();
    }

    @Test
    void anExclusiveHolderExcludesSharedAndExclusiveRequests() {
        flock.lock(pf, true);

        assertThat(flock.heldExclusively()).isTrue();
        assertThat(flock.canLock(qf, false)).isFalse();
        assertThat(flock.canLock(qf, true)).isFalse();
        assertThat(flock.lockable(qf, false).ready()).isFalse();
        assertThat(flock.lockable(qf, true).ready()).isFalse();
        assertThat(flock.lockable(pf, true).ready()).isTrue();
    }

    @Test
    void aWaitingSharedRequestIsReadyWhileOthersHoldTheLockShared() {
        flock.lock(pf, false);
        flock.lock(qf, false);

        // the guard a blocked LOCK_SH waits on agrees with canLock: shared holders never block a shared request
        assertThat(flock.lockable(rf, false).ready()).isTrue();
        assertThat(flock.lockable(rf, true).ready()).isFalse();
        assertThat(flock.lockable(pf, true).ready()).as("conversion while another holds it shared").isFalse();
    }

    @Test
    void anExclusiveRequestIsRefusedWhileAnotherDescriptionHoldsItShared() {
        flock.lock(pf, false);

        assertThat(flock.canLock(qf, true)).isFalse();
        assertThat(flock.lockable(qf, true).ready()).isFalse();
        assertThat(flock.canLock(qf, false)).isTrue();
    }

    @Test
    void theSoleSharedHolderCanConvertToExclusive() {
        flock.lock(pf, false);

        assertThat(flock.canLock(pf, true)).isTrue();
        flock.lock(pf, true);

        assertThat(flock.heldExclusively()).isTrue();
        assertThat(flock.heldBy(pf)).isTrue();
        assertThat(flock.canLock(qf, false)).isFalse();
    }

    @Test
    void conversionToExclusiveWaitsWhileAnotherSharedHolderRemains() {
        flock.lock(pf, false);
        flock.lock(qf, false);

        assertThat(flock.canLock(pf, true)).isFalse();
        flock.unlock(qf);
        assertThat(flock.canLock(pf, true)).isTrue();
    }

    @Test
    void convertingExclusiveToSharedLetsOthersShare() {
        flock.lock(pf, true);
        flock.lock(pf, false);

        assertThat(flock.heldExclusively()).isFalse();
        assertThat(flock.heldBy(pf)).isTrue();
        assertThat(flock.canLock(qf, false)).isTrue();
        assertThat(flock.canLock(qf, true)).isFalse();
    }

    @Test
    void lockingTheSameModeAgainKeepsOneHold() {
        flock.lock(pf, false);
        flock.lock(pf, false);
        flock.unlock(pf);

        assertThat(flock.free()).isTrue();
    }

    @Test
    void tryLockTakesAFreeLockAndSaysSo() {
        assertThat(flock.tryLock(pf, true)).isTrue();
        assertThat(flock.heldBy(pf)).isTrue();
        assertThat(flock.heldExclusively()).isTrue();
    }

    @Test
    void tryLockOnAnUnavailableLockChangesNothing() {
        flock.lock(pf, false);

        assertThat(flock.tryLock(qf, true)).isFalse();
        assertThat(flock.heldBy(qf)).isFalse();
        assertThat(flock.heldBy(pf)).isTrue();
        assertThat(flock.heldExclusively()).isFalse();
    }

    @Test
    void tryLockCanConvertAmongSharedHolders() {
        flock.lock(pf, false);
        flock.lock(qf, false);

        assertThat(flock.tryLock(pf, true)).isFalse();
        assertThat(flock.heldBy(pf)).isTrue(); // the shared hold is kept on a failed conversion
        assertThat(flock.heldExclusively()).isFalse();
    }

    @Test
    void twoOpenFilesOfTheSameProcessConflict() {
        OpenFile first = new OpenFile(p, flock, "first");
        OpenFile second = new OpenFile(p, flock, "second");
        flock.lock(first, true);

        assertThat(flock.canLock(second, true)).isFalse();
        assertThat(flock.canLock(second, false)).isFalse();
        assertThat(flock.tryLock(second, false)).isFalse();
    }

    @Test
    void lockingWhileUnavailableIsAModelBug() {
        flock.lock(pf, true);

        assertThatThrownBy(() -> flock.lock(qf, false)).isInstanceOf(IllegalStateException.class);
        assertThat(flock.heldBy(qf)).isFalse();
    }

    @Test
    void unlockingADescriptionThatHoldsNothingIsHarmless() {
        flock.lock(pf, true);
        flock.unlock(qf);

        assertThat(flock.heldBy(pf)).isTrue();
        assertThat(flock.heldExclusively()).isTrue();
    }

    @Test
    void closingAnOpenFileReleasesItsLock() {
        flock.lock(pf, true);

        pf.close();
        pf.close();

        assertThat(pf.closed()).isTrue();
        assertThat(flock.free()).isTrue();
        assertThat(pf.lock()).isSameAs(flock);
        assertThat(pf.owner()).isSameAs(p);
        assertThat(pf.toString()).isEqualTo("p:lock");
    }

    @Test
    void aClosedOpenFileIsNotClosedAgainWhenItsProcessExits() {
        List<String> closed = new ArrayList<>();
        pf.close();
        p.own(owner -> closed.add("marker"));
        flock.lock(qf, true);

        p.exit();

        assertThat(closed).containsExactly("marker");
        assertThat(flock.heldBy(qf)).isTrue();
    }

    @Test
    void exclusiveFlockWaitsForSharedHolders() {
        Kernel k = new Kernel(FixedStrategy.roundRobin(), 1000);
        Flock lock = new Flock(k);
        OpenFile a = new OpenFile(k.newProcess("a"), lock, "a");
        OpenFile b = new OpenFile(k.newProcess("b"), lock, "b");
        OpenFile gc = new OpenFile(k.newProcess("gc"), lock, "gc");
        a.owner().spawn("a", Script.of(Script.lockFlock(a, false), Script.log(log, "a shared"), self -> {
            a.close();
            log.add("a closed");
            return self.ret(null);
        }));
        b.owner().spawn("b", Script.of(Script.lockFlock(b, false), Script.log(log, "b shared"),
                Script.log(log, "b still"), self -> {
                    lock.unlock(b);
                    log.add("b unlocked");
                    return self.ret(null);
                }));
        Actor collector = gc.owner().spawn("gc", Script.of(Script.lockFlock(gc, true), Script.log(log, "gc exclusive")));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).containsSubsequence("a closed", "gc exclusive");
        assertThat(log).containsSubsequence("b unlocked", "gc exclusive");
        assertThat(log.indexOf("gc exclusive")).isEqualTo(log.size() - 1);
        assertThat(collector.done()).isTrue();
    }

    @Test
    void closingAnOpenFileWakesAWaiter() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Flock lock = new Flock(k);
        SimProcess holder = k.newProcess("holder");
        OpenFile held = new OpenFile(holder, lock, "held");
        SimProcess waiterProcess = k.newProcess("waiter");
        OpenFile wanted = new OpenFile(waiterProcess, lock, "wanted");
        lock.lock(held, true);
        Actor waiter = waiterProcess.spawn("waiter", Script.of(Script.lockFlock(wanted, true), Script.log(log, "waiter has it")));
        holder.spawn("holder", Script.of(Script.yieldStep(), self -> {
            assertThat(waiter.blocked()).isTrue();
            log.add("closing");
            held.close();
            assertThat(waiter.blocked()).isFalse();
            return self.ret(null);
        }));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).containsExactly("closing", "waiter has it");
        assertThat(lock.heldBy(wanted)).isTrue();
    }

    @Test
    void exitingTheOwningProcessReleasesTheLockAndWakesAWaiter() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Flock lock = new Flock(k);
        SimProcess holder = k.newProcess("holder");
        OpenFile held = new OpenFile(holder, lock, "held");
        SimProcess waiterProcess = k.newProcess("waiter");
        OpenFile wanted = new OpenFile(waiterProcess, lock, "wanted");
        lock.lock(held, false);
        waiterProcess.spawn("waiter", Script.of(Script.lockFlock(wanted, true), Script.log(log, "waiter has it")));
        holder.spawn("holder", Script.of(Script.yieldStep(), self -> {
            log.add("exiting");
            holder.exit();
            return Control.YIELD;
        }));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).containsExactly("exiting", "waiter has it");
        assertThat(held.closed()).isTrue();
        assertThat(lock.heldExclusively()).isTrue();
    }

    @Test
    void aWaiterForAnExclusiveLockWaitsForeverBehindAnotherDescriptionOfItsOwnProcess() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Flock lock = new Flock(k);
        SimProcess p = k.newProcess("p");
        OpenFile first = new OpenFile(p, lock, "first");
        OpenFile second = new OpenFile(p, lock, "second");
        p.spawn("t", Script.of(Script.lockFlock(first, true), Script.lockFlock(second, true)));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.DEADLOCK);
        assertThat(o.blocked()).containsExactly("t");
    }
}
