package gcsim.search.dfs;

import static gcsim.kernel.Control.YIELD;

import gcsim.kernel.Connection;
import gcsim.kernel.Control;
import gcsim.kernel.Fault;
import gcsim.kernel.Flock;
import gcsim.kernel.Listener;
import gcsim.kernel.Mutex;
import gcsim.kernel.OpenFile;
import gcsim.kernel.SimProcess;
import gcsim.kernel.SocketFile;
import java.util.List;

/** The small systems the search is checked on, each exercising one thing the reduction must respect. */
final class Toys {
    private Toys() {}

    /**
     * Takes a mutex as the model does: one step waits for it to be free (unconditionally: the kernel
     * polls the guard, recording nothing), the next takes it (a recorded write). The kernel runs the
     * second step only while the guard holds, so it never finds the mutex taken.
     */
    static Toy.Step[] lock(Mutex m) {
        return new Toy.Step[] {
            (self, p) -> self.await(m.free()),
            (self, p) -> {
                m.lock(self);
                return YIELD;
            }
        };
    }

    /** Concatenates step arrays and single steps into one program. */
    static Toy.Step[] steps(Object... parts) {
        List<Toy.Step> out = new java.util.ArrayList<>();
        for (Object o : parts) {
            if (o instanceof Toy.Step[] many) {
                out.addAll(List.of(many));
            } else {
                out.add((Toy.Step) o);
            }
        }
        return out.toArray(new Toy.Step[0]);
    }

    /**
     * Two actors, each: check a flag and act on it without a lock (a check-then-act race that can
     * create twice), a counter incremented under a mutex, and one incremented without (lost update).
     */
    static Toy checkThenAct() {
        return new Toy("check-then-act", 200, w -> {
            Toy.Var created = w.var(0);
            Toy.Var owners = w.var(0);
            Toy.Var counter = w.var(0);
            Toy.Var hits = w.var(0);
            Mutex m = new Mutex(w.k);
            w.invariant = () -> owners.value > 1 ? "double-create: two actors created the resource" : null;
            for (String name : List.of("p", "q")) {
                w.actor(name, steps(
                        (Toy.Step) (self, p) -> {
                            p.a = created.get() == 0 ? 1 : 0;
                            return YIELD;
                        },
                        (Toy.Step) (self, p) -> {
                            if (p.a == 1) {
                                created.set(1);
                                owners.set(owners.get() + 1);
                            }
                            return YIELD;
                        },
                        lock(m),
                        (Toy.Step) (self, p) -> {
                            p.b = counter.get();
                            return YIELD;
                        },
                        (Toy.Step) (self, p) -> {
                            counter.set(p.b + 1);
                            m.unlock(self);
                            return YIELD;
                        },
                        (Toy.Step) (self, p) -> {
                            p.b = hits.get();
                            return YIELD;
                        },
                        (Toy.Step) (self, p) -> {
                            hits.set(p.b + 1);
                            return YIELD;
                        }));
            }
        });
    }

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

    /**
     * Three actors of at most four steps over three variables, with a sleep each for two of them, so
     * that clock advances race with clock reads.
     */
    static Toy threeActors() {
        return new Toy("three-actors", 200, w -> {
            Toy.Var x = w.var(0);
            Toy.Var y = w.var(0);
            Toy.Var z = w.var(0);
            w.actor("a",
                    (self, p) -> {
                        x.set(1);
                        return YIELD;
                    },
                    (self, p) -> self.sleep(5),
                    (self, p) -> {
                        y.set(x.get() + y.get());
                        return YIELD;
                    });
            w.actor("b",
                    (self, p) -> {
                        p.a = y.get();
                        return YIELD;
                    },
                    (self, p) -> {
                        z.set(p.a + 1);
                        return YIELD;
                    },
                    (self, p) -> {
                        x.set(2);
                        return YIELD;
                    });
            w.actor("c",
                    (self, p) -> self.sleep(3),
                    (self, p) -> {
                        z.set(z.get() * 2 + (int) w.k.now());
                        return YIELD;
                    },
                    (self, p) -> {
                        p.a = x.get();
                        return YIELD;
                    },
                    (self, p) -> {
                        y.set(p.a * 10 + y.get());
                        return YIELD;
                    });
        });
    }

    /**
     * Disabling by others: a process of two threads where one exits the process (killing the other
     * mid-way), and an outside actor writing what the killed thread reads.
     */
    static Toy exitKills() {
        return new Toy("exit-kills", 200, w -> {
            Toy.Var x = w.var(0);
            Toy.Var y = w.var(0);
            SimProcess p = w.process("p");
            w.spawn(p, "killer",
                    (self, q) -> {
                        x.set(1);
                        return YIELD;
                    },
                    (self, q) -> {
                        p.exit();
                        return YIELD;
                    });
            w.spawn(p, "victim",
                    (self, q) -> {
                        q.a = y.get();
                        return YIELD;
                    },
                    (self, q) -> {
                        y.set(q.a + 1);
                        return YIELD;
                    },
                    (self, q) -> {
                        x.set(x.get() + 10);
                        return YIELD;
                    });
            w.actor("outsider",
                    (self, q) -> {
                        y.set(5);
                        return YIELD;
                    },
                    (self, q) -> {
                        q.a = x.get();
                        return YIELD;
                    },
                    (self, q) -> {
                        y.set(y.get() + q.a);
                        return YIELD;
                    });
        });
    }

    /** Two actors touching only their own variables: one execution class, nothing can fail. */
    static Toy raceFree() {
        return new Toy("race-free", 200, w -> {
            Toy.Var x = w.var(0);
            Toy.Var y = w.var(0);
            for (Toy.Var v : List.of(x, y)) {
                w.actor("owner of " + (v == x ? "x" : "y"),
                        (self, p) -> {
                            v.set(v.get() + 1);
                            return YIELD;
                        },
                        (self, p) -> {
                            v.set(v.get() * 3);
                            return YIELD;
                        },
                        (self, p) -> {
                            v.set(v.get() + 2);
                            return YIELD;
                        });
            }
        });
    }

    /** Two actors of three steps, every step writing the same variable: every order is its own class. */
    static Toy allDependent() {
        return new Toy("all-dependent", 200, w -> {
            Toy.Var x = w.var(1);
            for (int k = 2; k <= 3; k++) {
                int factor = k;
                w.actor("times " + k,
                        (self, p) -> {
                            x.set(x.get() * factor);
                            return YIELD;
                        },
                        (self, p) -> {
                            x.set(x.get() + factor);
                            return YIELD;
                        },
                        (self, p) -> {
                            x.set(x.get() * factor + 1);
                            return YIELD;
                        });
            }
        });
    }

    /**
     * A waiter that spins (yields and rechecks, no guard) until a setter raises a flag: every spin
     * count is its own execution, so only the step bound ends the space, and the search's default
     * of keeping the running actor would starve the setter if cut executions were not analysed.
     */
    static Toy spinner(int maxSteps) {
        return new Toy("spinner", maxSteps, w -> {
            Toy.Var flag = w.var(0);
            Toy.Var seen = w.var(0);
            w.actor("waiter",
                    (self, p) -> flag.get() == 0 ? p.next(0) : Control.YIELD,
                    (self, p) -> {
                        seen.set(1);
                        return Control.YIELD;
                    });
            w.actor("setter", (self, p) -> {
                flag.set(1);
                return Control.YIELD;
            });
        });
    }

    /**
     * Two clients retry every 100 ms until a collector, which has two steps to do, is done, as
     * addTempRoot retries while a collector finishes; each client then counts itself in. Without a
     * starvation bound only the step bound ends the space: the clock can pass the collector again
     * and again. {@code busy}: the clients retry at once ({@link gcsim.kernel.Kernel#spin}), as 2.8's
     * addTempRoot does on ECONNREFUSED, instead of sleeping.
     */
    static Toy retryLoop(int maxSteps, boolean busy) {
        return new Toy(busy ? "busy-retry-loop" : "retry-loop", maxSteps, w -> {
            Toy.Var phase = w.var(0);
            Toy.Var arrived = w.var(0);
            w.actor("collector",
                    (self, p) -> {
                        phase.set(1);
                        return Control.YIELD;
                    },
                    (self, p) -> {
                        phase.set(2);
                        return Control.YIELD;
                    });
            for (String name : List.of("client-1", "client-2")) {
                w.actor(name,
                        (self, p) -> {
                            if (phase.get() == 2) {
                                return Control.YIELD;
                            }
                            if (busy) {
                                w.k.spin();
                                return p.next(0);
                            }
                            return p.retryAfter(self, w.k.timerAfter(100_000_000L));
                        },
                        (self, p) -> {
                            arrived.set(arrived.get() + 1);
                            return Control.YIELD;
                        });
            }
        });
    }

    /**
     * Breaks the footprint contract on purpose: one actor raises a flag and another branches on it,
     * both without reporting the access, so the two steps look independent but do not commute.
     */
    static Toy unrecordedFlag() {
        return new Toy("unrecorded-flag", 200, w -> {
            Toy.Var flag = w.var(0);
            Toy.Var seen = w.var(0);
            w.actor("raiser", (self, p) -> {
                flag.value = 1; // not reported: a model bug
                return Control.YIELD;
            });
            w.actor("reader", (self, p) -> {
                seen.set(flag.value == 1 ? 2 : 1); // the read of flag is not reported either
                return Control.YIELD;
            });
        });
    }

    static List<Toy> all() {
        return List.of(checkThenAct(), gcSocket(), readdir(), threeActors(), exitKills());
    }
}
