package gcsim.search.dfs;

import static gcsim.kernel.Control.YIELD;

import gcsim.kernel.Control;
import gcsim.kernel.Mutex;
import gcsim.kernel.SimProcess;
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
        return List.of(checkThenAct(), GcToys.gcSocket(), GcToys.readdir(), threeActors(), exitKills());
    }
}
