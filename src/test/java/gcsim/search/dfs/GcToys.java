package gcsim.search.dfs;

import static gcsim.kernel.Control.YIELD;

import gcsim.kernel.Connection;
import gcsim.kernel.Fault;
import gcsim.kernel.Flock;
import gcsim.kernel.Listener;
import gcsim.kernel.OpenFile;
import gcsim.kernel.SimProcess;
import gcsim.kernel.SocketFile;

/**
 * Toys cut from the collector's own protocol: its socket handshake with a client, and its directory
 * scan racing a deletion. They are the shapes the reduction most needs to get right on the library.
 */
final class GcToys {
    private GcToys() {}

    /**
     * The GC-socket pattern on the bare kernel: a collector takes gc.lock exclusively and binds a
     * socket, starts a server thread, reads the file temp roots, deletes the path unless rooted, then
     * closes everything and exits (killing its server). A user either takes gc.lock shared and roots
     * the path in its file, or, when the collector holds it, sends the path through the socket and
     * waits for the ack; then it uses the path. The toy collector has no "pending" handshake, so a
     * root sent after its check is acknowledged for a deleted path: a failure the search must find.
     */
    static Toy gcSocket() {
        return new Toy("gc-socket", 200, w -> {
            Toy.Var exists = w.var(1);
            Toy.Var fileRoot = w.var(0);
            Toy.Var socketRoot = w.var(0);
            Flock gcLock = new Flock(w.k);
            SocketFile socket = new SocketFile(w.k, "gc-socket");
            SimProcess gc = w.process("gc");
            OpenFile lockFd = new OpenFile(gc, gcLock, "gc.lock (collector)");
            Listener[] listener = new Listener[1];
            Connection.End[] accepted = new Connection.End[1];
            w.spawn(gc, "collector",
                    (self, p) -> {
                        if (!gcLock.canLock(lockFd, true)) {
                            return p.retryAfter(self, gcLock.lockable(lockFd, true));
                        }
                        gcLock.lock(lockFd, true);
                        listener[0] = socket.bind(gc);
                        w.spawn(gc, "server",
                                (me, q) -> {
                                    if (!listener[0].hasPending()) {
                                        return q.retryAfterWork(me, listener[0].pending());
                                    }
                                    accepted[0] = listener[0].accept(gc);
                                    return YIELD;
                                },
                                (me, q) -> me.await(accepted[0].readable()), // unconditional, as the model waits
                                (me, q) -> {
                                    if (accepted[0].receive() != null) {
                                        socketRoot.set(1);
                                        accepted[0].send("ack");
                                    }
                                    return YIELD;
                                });
                        return YIELD;
                    },
                    (self, p) -> {
                        p.a = fileRoot.get();
                        return YIELD;
                    },
                    (self, p) -> {
                        if (p.a == 0 && socketRoot.get() == 0) {
                            exists.set(0);
                        }
                        return YIELD;
                    },
                    (self, p) -> {
                        gc.exit(); // closes the listener and gc.lock, kills the server thread
                        return YIELD;
                    });
            SimProcess user = w.process("user");
            OpenFile userFd = new OpenFile(user, gcLock, "gc.lock (user)");
            Connection.End[] end = new Connection.End[1];
            w.spawn(user, "user",
                    (self, p) -> {
                        if (gcLock.tryLock(userFd, false)) {
                            fileRoot.set(1);
                            return p.next(4);
                        }
                        return YIELD;
                    },
                    (self, p) -> {
                        try {
                            end[0] = socket.connect(user);
                            end[0].send("path");
                        } catch (Fault f) {
                            return p.next(0); // refused: the collector is gone, try the lock again
                        }
                        return YIELD;
                    },
                    (self, p) -> self.await(end[0].readable()),
                    (self, p) -> {
                        if (end[0].receive() == null) {
                            end[0].close();
                            return p.next(0); // reset before the ack: start over
                        }
                        return YIELD;
                    },
                    (self, p) -> {
                        if (exists.get() == 0) {
                            throw new Fault("InvalidPath", "path deleted although the user rooted it");
                        }
                        return YIELD;
                    },
                    (self, p) -> {
                        user.exit(); // releases a shared gc.lock, if it holds one
                        return YIELD;
                    });
        });
    }

    /**
     * A readdir-style data choice: a collector draws the order of three entries (two choices inside
     * one step) and then deletes unrooted entries one per step; a user roots entry 1 and then uses
     * it. Whether the use fails depends on the order drawn as much as on the interleaving.
     */
    static Toy readdir() {
        return new Toy("readdir", 200, w -> {
            Toy.Var[] exists = {w.var(1), w.var(1), w.var(1)};
            Toy.Var root = w.var(0);
            int[] order = new int[3];
            w.actor("collector",
                    (self, p) -> {
                        int[] left = {0, 1, 2};
                        for (int i = 0; i < 2; i++) {
                            int pick = i + w.k.choose(3 - i);
                            int t = left[i];
                            left[i] = left[pick];
                            left[pick] = t;
                        }
                        System.arraycopy(left, 0, order, 0, 3);
                        return YIELD;
                    },
                    deleteUnrooted(exists, root, order, 0),
                    deleteUnrooted(exists, root, order, 1),
                    deleteUnrooted(exists, root, order, 2));
            w.actor("user",
                    (self, p) -> {
                        root.set(1);
                        return YIELD;
                    },
                    (self, p) -> {
                        if (exists[1].get() == 0) {
                            throw new Fault("InvalidPath", "entry 1 was deleted although rooted");
                        }
                        return YIELD;
                    });
        });
    }

    private static Toy.Step deleteUnrooted(Toy.Var[] exists, Toy.Var root, int[] order, int slot) {
        return (self, p) -> {
            int e = order[slot];
            if (e != 1 || root.get() == 0) {
                exists[e].set(0);
            }
            return YIELD;
        };
    }
}
