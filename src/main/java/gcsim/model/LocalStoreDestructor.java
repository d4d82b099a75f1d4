package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Guard;
import gcsim.kernel.Control;

/**
 * {@code ~LocalStore} (§2.3 "Worker lifecycle" step 3): wait for this store's running auto-GC (and,
 * where the thread is joinable, join it, §2.9), then close the temproots file — releasing its flock
 * — and unlink it.
 */
final class LocalStoreDestructor extends ModelFrame {
    private final LocalStore store;

    LocalStoreDestructor(World w, LocalStore store) {
        super(w);
        this.store = store;
    }

    @Override
    protected Control step(Actor self) {
        switch (pc) {
            case 0: // wait for a running auto-GC ⟂[wait]
                k.read(store.autoGcState);
                if (store.gcRunning) {
                    pc = 1;
                    return self.await(store.gcFuture);
                }
                return goTo(1);
            case 1: // joined auto-GC thread (local-store.cc 457–461 at 88b09c64fb): join it ⟂[thr]
                k.read(store.autoGcState);
                if (w.switches.autoGcThread() == gcsim.variant.AutoGcThread.JOINED
                        && store.gcThread != null && !store.gcThread.done()) {
                    pc = 2;
                    gcsim.kernel.Actor gc = store.gcThread;
                    return self.await(Guard.watching(Guard.ENDINGS, gc::done, () -> "the end of its auto-GC thread " + gc.name()));
                }
                return goTo(2);
            case 2: // close the temproots descriptor (the flock goes) and unlink the file ⟂[fs]
                if (store.tempRootsFd != null) {
                    store.tempRootsFd.close();
                    w.tempRoots.unlink(store.tempRootsFile);
                    if (k.tracing()) {
                        story("~LocalStore §2.3", self.process().name() + " exits; its temp roots no longer protect anything");
                    }
                }
                return self.ret(null);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }
}
