package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.kernel.Fault;
import gcsim.kernel.Guard;
import gcsim.kernel.OpenFile;

/**
 * {@code LocalStore::addTempRoot} with {@code createTempRootsFile}, as in Nix ≥ 2.20 (§2.6).
 *
 * <p>With no collector running the path is appended under a shared gc.lock, so any later collector
 * sees it. While a collector holds gc.lock exclusively the path must reach that collector through
 * its socket and be acknowledged first; a missing socket (ENOENT) or one nobody listens on
 * (ECONNREFUSED) means sleep 100 ms and try again.
 */
final class AddTempRoot extends ModelFrame {
    private static final long RETRY_NANOS = 100_000_000L;
    private final LocalStore ls;
    private final int p;
    private TempRootsFile file;
    private OpenFile fd;
    private boolean holdingShared;
    private boolean holdingState;
    private final boolean nix28;

    AddTempRoot(World w, LocalStore ls, int p) {
        super(w);
        this.ls = ls;
        this.p = p;
        this.nix28 = w.switches.tempRootClient() == gcsim.variant.TempRootClient.NIX_2_8;
    }

    @Override
    protected int subject() { // the path this activation is about, for transfers
        return p;
    }

    @Override
    protected Control step(Actor self) {
        switch (pc) {
            case 0: // 2.8 holds the store's state mutex for the whole call, ack wait included
                if (nix28 && !holdingState) {
                    pc = 100;
                    return self.await(ls.state.free());
                }
                return goTo(ls.tempRootsFd != null ? 10 : 1);
            case 100:
                ls.state.lock(self);
                holdingState = true;
                return goTo(ls.tempRootsFd != null ? 10 : 1);
            case 1: { // §2.6 step 1.1: unlink a leftover temproots/<pid> ⟂[fs]
                TempRootsFile old = w.tempRoots.lookup(ls.process.pid());
                if (old != null) {
                    w.tempRoots.unlink(old);
                    if (k.tracing()) {
                        note("createTempRootsFile §2.6 step 1.1", "unlinks leftover temproots/" + ls.process.pid());
                    }
                }
                return yieldTo(2);
            }
            case 2: { // §2.6 step 1.2: open or create, then a blocking exclusive flock ⟂[fs][lock]
                file = w.tempRoots.openOrCreate(ls.process.pid());
                fd = new OpenFile(ls.process, file.flock, "temproots/", ls.process.pid(), "");
                if (k.tracing()) {
                    note("createTempRootsFile §2.6 step 1.2", "opens temproots/" + ls.process.pid());
                }
                pc = 3;
                return self.await(file.flock.lockable(fd, true));
            }
            case 3: { // §2.6 step 1.3: locked; a nonzero size means a collector deleted it: start over
                file.flock.lock(fd, true);
                if (file.nonEmpty()) {
                    if (k.tracing()) {
                        note("createTempRootsFile §2.6 step 1.3", "temproots file was deleted by a collector; retrying");
                    }
                    fd.close();
                    return yieldTo(1);
                }
                ls.tempRootsFile = file;
                ls.tempRootsFd = fd;
                if (k.tracing()) {
                    note("createTempRootsFile §2.6 step 1.3", "holds temproots/" + ls.process.pid() + " exclusively");
                }
                return goTo(10);
            }
            case 10: // §2.6 step 2: open gc.lock once ⟂[fs]
                if (ls.gcLockFd == null) {
                    ls.gcLockFd = new OpenFile(ls.process, w.gcLock, "gc.lock");
                    return yieldTo(11);
                }
                return goTo(11);
            case 11: // §2.6 step 3: restart: try a shared non-blocking lock on gc.lock ⟂[try]
                if (w.gcLock.tryLock(ls.gcLockFd, false)) {
                    holdingShared = true;
                    return yieldTo(20);
                }
                if (k.tracing()) {
                    note("addTempRoot §2.6 step 3", "gc.lock is held by a collector; using its socket for " + name(p));
                }
                return yieldTo(12);
            case 12: // §2.6 step 5: connect to the collector's socket ⟂[sock]
                if (nix28 && ls.gcSocketUnconnected) {
                    // 2.8 cached the unconnected descriptor after a swallowed error: the write fails with
                    // ENOTCONN, which is swallowed too, and the path is appended with no ack
                    if (k.tracing()) {
                        story("addTempRoot §2.6 (2.8)", "cached gc-socket descriptor is unconnected; appends " + name(p) + " without an ack");
                    }
                    return yieldTo(20);
                }
                if (ls.gcSocket == null) {
                    try {
                        ls.gcSocket = w.gcSocket.connect(ls.process);
                    } catch (Fault f) {
                        if (!nix28) {
                            if (k.tracing()) {
                                note("addTempRoot §2.6 step 5", f.kind() + " on gc-socket; sleeping 100ms");
                            }
                            pc = 11;
                            return self.sleep(RETRY_NANOS);
                        }
                        if ("ECONNREFUSED".equals(f.kind())) { // 2.8: restart at once, no sleep
                            if (k.tracing()) {
                                note("addTempRoot §2.6 (2.8)", "ECONNREFUSED on gc-socket; restarting at once");
                            }
                            k.spin(); // a busy retry: no progress until the collector moves on
                            return yieldTo(11);
                        }
                        // 2.8 swallows the error, keeps the unconnected descriptor cached, writes to it
                        // (swallowed too) and appends the path with no ack from the collector
                        ls.gcSocketUnconnected = true;
                        if (k.tracing()) {
                            story("addTempRoot §2.6 (2.8)", f.kind() + " on gc-socket swallowed; appends " + name(p) + " without an ack");
                        }
                        return yieldTo(20);
                    }
                    return yieldTo(13);
                }
                return goTo(13);
            case 13: { // §2.6 step 6: send the path, then wait for the one-byte ack ⟂[sock]
                try {
                    ls.gcSocket.send(p);
                } catch (Fault f) { // EPIPE: the collector's end is gone; restart at once
                    dropSocket();
                    k.spin(); // a busy retry: no progress until the collector moves on
                    return yieldTo(11);
                }
                if (k.tracing()) {
                    note("addTempRoot §2.6 step 6", "sends " + name(p) + " to the collector");
                }
                pc = 14;
                Guard readable = ls.gcSocket.readable();
                return self.await(readable);
            }
            case 14: { // §2.6 steps 6–7: the ack, or EOF/reset: restart
                Object ack = ls.gcSocket.receive();
                if (ack == null) {
                    if (k.tracing()) {
                        note("addTempRoot §2.6 step 7", "collector closed the socket; restarting");
                    }
                    dropSocket();
                    k.spin(); // a busy retry: a collector that closed one connection may accept the next
                    return yieldTo(11);
                }
                if (k.tracing()) {
                    note("addTempRoot §2.6 step 6", "collector acknowledged " + name(p));
                }
                return yieldTo(20);
            }
            case 20: // §2.6 step 8: append to our temproots file ⟂[fs]
                ls.tempRootsFile.append(p);
                if (k.tracing()) {
                    story("addTempRoot §2.6 step 8", "temp-roots " + name(p));
                }
                if (holdingShared) {
                    return yieldTo(21);
                }
                return finish(self);
            case 21: // §2.6 step 9: release the shared lock ⟂[lock]
                w.gcLock.unlock(ls.gcLockFd);
                holdingShared = false;
                return finish(self);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }

    private Control finish(Actor self) {
        releaseState(self);
        return self.ret(null);
    }

    private void releaseState(Actor self) {
        if (holdingState) {
            ls.state.unlock(self);
            holdingState = false;
        }
    }

    @Override
    protected boolean handle(Actor self, Fault fault) {
        releaseState(self);
        return false;
    }

    private void dropSocket() {
        ls.gcSocket.close();
        ls.gcSocket = null;
    }
}
