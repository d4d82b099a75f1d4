package gcsim.search;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.kernel.Frame;
import gcsim.kernel.Kernel;
import gcsim.kernel.Mutex;

/**
 * One actor of {@link Toys#claimRace}: prepares for some steps, checks that the shared slot is free
 * and claims it one step later, under the mutex when it has one.
 */
final class Claimer extends Frame {
    private final int id;
    private int prep;
    private final Mutex mutex;
    private final int[] slot;
    private final int[] claims;
    private final String[] lastClaimant;
    private boolean sawFree;

    Claimer(int id, int prep, Mutex mutex, int[] slot, int[] claims, String[] lastClaimant) {
        this.id = id;
        this.prep = prep;
        this.mutex = mutex;
        this.slot = slot;
        this.claims = claims;
        this.lastClaimant = lastClaimant;
    }

    @Override
    protected Control step(Actor self) {
        Kernel k = self.kernel();
        switch (pc) {
            case 0:
                if (prep > 0) {
                    prep--;
                    k.note("prepares");
                    return Control.YIELD;
                }
                return goTo(1);
            case 1:
                if (mutex != null) {
                    if (!mutex.isFree()) {
                        return self.await(mutex.free());
                    }
                    mutex.lock(self);
                    k.note("locks the mutex");
                }
                return goTo(2);
            case 2:
                k.read(slot[1]); // the footprint contract: shared state reports its accesses
                sawFree = slot[0] == 0;
                k.story(sawFree ? "sees the slot free" : "sees the slot taken");
                return yieldTo(3);
            case 3:
                if (sawFree) {
                    k.write(slot[1]);
                    slot[0] = id;
                    claims[0]++;
                    lastClaimant[0] = self.name();
                    k.story("claims the slot");
                }
                if (mutex != null) {
                    mutex.unlock(self);
                }
                return self.ret(null);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }
}
