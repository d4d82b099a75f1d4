package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Connection;
import gcsim.kernel.Control;
import gcsim.kernel.Frame;
import gcsim.kernel.SimProcess;

/**
 * A client's {@code RemoteStore} over the daemon socket (§2.2), with one connection (the default
 * max-connections). The connection is opened on first use; closing it ends its worker, and every
 * temp root that worker held stops protecting anything (§2.3 "Worker lifecycle").
 */
final class RemoteStore implements StoreApi {
    private final World w;
    private final SimProcess client;
    Connection.End conn;
    /**
     * The client's path-info cache (§1 item 7, §2.2): filled by queryPathInfo, consulted by
     * isValidPath, dropped for a path this process adds; a collection elsewhere never clears it.
     */
    private final java.util.BitSet pathInfoCache = new java.util.BitSet();
    /**
     * S8 (#16244, remote-store.cc 748–755 and remote-store-connection.hh 39 at master): the paths this
     * connection already temp-rooted in its worker. It belongs to the connection, so it goes when the
     * connection closes; Nix bounds it at 65,536 entries (LRU), more than any scenario declares.
     */
    private final java.util.BitSet tempRootsPinned = new java.util.BitSet();

    RemoteStore(World w, SimProcess client) {
        this.w = w;
        this.client = client;
    }

    @Override
    public Frame isValidPath(int p) {
        if (pathInfoCache.get(p)) {
            return new Cached(p);
        }
        return new Call(new WorkerOp.IsValidPath(p));
    }

    @Override
    public Frame addToStore(int p) {
        return new Call(new WorkerOp.AddToStore(p));
    }

    @Override
    public Frame addTempRoot(int p) {
        if (w.switches.tempRootDedup() && conn != null && tempRootsPinned.get(p)) {
            return new Pinned(p); // S8: getConnection, then the pinned set answers; no round trip
        }
        return new Call(new WorkerOp.AddTempRoot(p));
    }

    @Override
    public Frame queryValidPaths(int[] paths) {
        return new Call(new WorkerOp.QueryValidPaths(paths));
    }

    @Override
    public Frame addMultipleToStore(int[] paths) {
        return new Call(new WorkerOp.AddMultipleToStore(paths));
    }

    @Override
    public Frame buildDerivation(int drv, java.util.List<gcsim.scenario.Op> builder) {
        return new Call(new WorkerOp.BuildDerivation(drv, builder));
    }

    @Override
    public Frame addIndirectRoot(String link) {
        return new Call(new WorkerOp.AddIndirectRoot(link));
    }

    @Override
    public Frame queryPathInfo(int p) {
        return new Call(new WorkerOp.QueryPathInfo(p));
    }

    @Override
    public Frame buildPaths(int drv, java.util.List<gcsim.scenario.Op> builder) {
        return new Call(new WorkerOp.BuildPaths(drv, builder));
    }

    @Override
    public Frame collectGarbage(long maxFreed, java.util.List<gcsim.scenario.Op.GcPause> pauses) {
        return new Call(new WorkerOp.CollectGarbage(maxFreed, pauses));
    }

    @Override
    public void close() {
        if (conn != null) {
            conn.close();
            conn = null;
        }
        tempRootsPinned.clear(); // the pinned set dies with its connection (S8)
    }

    /** isValidPath answered from the cache: no round trip, no scheduling point. */
    private final class Cached extends ModelFrame {
        private final int p;

        Cached(int p) {
            super(RemoteStore.this.w);
            this.p = p;
        }

        @Override
        protected int subject() { // the path this activation is about, for transfers
            return p;
        }

        @Override
        protected Control step(Actor self) {
            if (k.tracing()) {
                note("Store::isValidPath §2.2", "isValidPath(" + name(p) + ") = true, from this process's cache");
            }
            return self.ret(true);
        }
    }

    /** S8: addTempRoot for a path this connection already rooted: no round trip, no scheduling point. */
    private final class Pinned extends ModelFrame {
        private final int p;

        Pinned(int p) {
            super(RemoteStore.this.w);
            this.p = p;
        }

        @Override
        protected Control step(Actor self) {
            if (k.tracing()) {
                note("RemoteStore::addTempRoot S8", name(p) + " is already pinned on this connection; no AddTempRoot sent");
            }
            return self.ret(null);
        }
    }

    /** One round trip: connect if needed ⟂[ipc], send the op ⟂[ipc], wait for and read the reply. */
    private final class Call extends ModelFrame {
        private final WorkerOp op;

        Call(WorkerOp op) {
            super(RemoteStore.this.w);
            this.op = op;
        }

        @Override
        protected Control step(Actor self) {
            switch (pc) {
                case 0:
                    if (conn == null) {
                        conn = w.daemonSocket.connect(client);
                        if (k.tracing()) {
                            note("RemoteStore §2.2", "connects to the daemon");
                        }
                        return yieldTo(1);
                    }
                    return goTo(1);
                case 1:
                    conn.send(op);
                    pc = 2;
                    return self.await(conn.readable());
                case 2: {
                    Object m = conn.receive();
                    if (m == null) {
                        throw new NixError(NixError.DAEMON_EOF, "RemoteStore §2.2 (the worker died during " + opName() + ")",
                                null, "unexpected end-of-file");
                    }
                    WorkerOp.Reply reply = (WorkerOp.Reply) m;
                    if (reply.error() != null) {
                        throw reply.error();
                    }
                    if (op instanceof WorkerOp.QueryPathInfo q) {
                        pathInfoCache.set(q.path());
                    } else if (op instanceof WorkerOp.AddToStore a) {
                        pathInfoCache.clear(a.path());
                    } else if (op instanceof WorkerOp.CollectGarbage) {
                        pathInfoCache.clear(); // RemoteStore::collectGarbage empties the whole cache (B remote-store.cc 721)
                    } else if (op instanceof WorkerOp.AddTempRoot t && w.switches.tempRootDedup()) {
                        tempRootsPinned.set(t.path()); // S8: upsert after the worker's reply
                    }
                    return self.ret(reply.value());
                }
                default:
                    throw new IllegalStateException("pc " + pc);
            }
        }

        private String opName() {
            return op.getClass().getSimpleName();
        }
    }
}
