package gcsim.search.dfs;

import static gcsim.kernel.Control.YIELD;

import gcsim.kernel.Fault;
import gcsim.kernel.Guard;
import gcsim.kernel.Mutex;
import gcsim.kernel.SimProcess;
import java.util.ArrayList;
import java.util.List;

/**
 * Random small systems for fuzzing the search against brute force: two or three actors of a few
 * steps each over shared variables, a mutex, sleeps, data choices, waits on a variable's value (a
 * guard the footprints do not see, waited on unconditionally as the model does), assertions that
 * stop the execution, and a process exit that kills a sibling thread. Generated from a seed with SplitMix64, so a
 * failing seed reproduces.
 */
final class RandomSystems {
    private RandomSystems() {}

    private static final class Seq {
        private long state;

        Seq(long seed) {
            state = seed;
        }

        int next(int bound) {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            return (int) Long.remainderUnsigned(z, bound);
        }
    }

    /** One step's description: kind and operands, decided once per seed. */
    private record Op(int kind, int var, int arg) {}

    private static final int READ = 0;
    private static final int WRITE = 1;
    private static final int UPDATE = 2;
    private static final int LOCK = 3;
    private static final int UNLOCK = 4;
    private static final int SLEEP = 5;
    private static final int CHOOSE = 6;
    private static final int AWAIT = 7;
    private static final int ASSERT = 8;
    private static final int EXIT = 9;
    private static final int NOTHING = 10;

    private static final String[] NAMES = {"read", "write", "update", "lock", "unlock", "sleep", "choose", "await",
        "assert", "exit", "nothing"};

    /** The programs of the system a seed makes, one line per actor, for failure messages. */
    static String describe(long seed) {
        StringBuilder sb = new StringBuilder();
        system(seed, sb);
        return sb.toString();
    }

    static Toy system(long seed) {
        return system(seed, null);
    }

    private static Toy system(long seed, StringBuilder describe) {
        Seq r = new Seq(seed);
        int actors = 2 + r.next(2);
        int vars = 2 + r.next(2);
        boolean twoThreads = r.next(3) == 0; // actors 0 and 1 share a process; actor 0 may exit it
        List<List<Op>> programs = new ArrayList<>();
        for (int a = 0; a < actors; a++) {
            int len = actors == 3 ? 2 + r.next(3) : 3 + r.next(4);
            List<Op> prog = new ArrayList<>();
            boolean holding = false;
            for (int i = 0; i < len; i++) {
                int kind = r.next(11);
                if (kind == LOCK && holding || kind == UNLOCK && !holding) {
                    kind = UPDATE;
                }
                if (kind == EXIT && !(twoThreads && a == 0)) {
                    kind = NOTHING;
                }
                holding = kind == LOCK || holding && kind != UNLOCK;
                prog.add(new Op(kind, r.next(vars), 1 + r.next(3)));
            }
            if (holding) {
                prog.add(new Op(UNLOCK, 0, 0));
            }
            programs.add(prog);
            if (describe != null) {
                describe.append("a").append(a).append(twoThreads && a < 2 ? " (process p0)" : "").append(':');
                for (Op op : prog) {
                    describe.append(' ').append(NAMES[op.kind()]).append(" v").append(op.var()).append(' ').append(op.arg());
                }
                describe.append('\n');
            }
        }
        return new Toy("random-" + seed, 300, w -> {
            Toy.Var[] v = new Toy.Var[vars];
            for (int i = 0; i < vars; i++) {
                v[i] = w.var(0);
            }
            Mutex m = new Mutex(w.k);
            SimProcess shared = twoThreads ? w.process("p0") : null;
            for (int a = 0; a < actors; a++) {
                List<Toy.Step> steps = new ArrayList<>();
                SimProcess proc = twoThreads && a < 2 ? shared : w.process("p" + a);
                for (Op op : programs.get(a)) {
                    steps.addAll(steps(op, v, m, proc, w));
                }
                w.spawn(proc, "a" + a, steps.toArray(new Toy.Step[0]));
            }
        });
    }

    private static List<Toy.Step> steps(Op op, Toy.Var[] v, Mutex m, SimProcess proc, Toy.World w) {
        Toy.Var x = v[op.var()];
        return switch (op.kind()) {
            case LOCK -> List.of(Toys.lock(m));
            case AWAIT -> List.of( // as the model waits: unconditionally, then a recorded read
                    (self, p) -> self.await(new Guard() {
                        @Override
                        public boolean ready() {
                            return x.value != 0;
                        }
                    }),
                    (self, p) -> {
                        p.a = x.get();
                        return YIELD;
                    });
            default -> List.of(step(op, x, m, proc, w));
        };
    }

    private static Toy.Step step(Op op, Toy.Var x, Mutex m, SimProcess proc, Toy.World w) {
        int c = op.arg();
        return switch (op.kind()) {
            case READ -> (self, p) -> {
                p.a = x.get();
                return YIELD;
            };
            case WRITE -> (self, p) -> {
                x.set(p.a + c);
                return YIELD;
            };
            case UPDATE -> (self, p) -> {
                x.set(x.get() * 2 + c);
                return YIELD;
            };
            case UNLOCK -> (self, p) -> {
                if (m.holder() == self) {
                    m.unlock(self);
                }
                return YIELD;
            };
            case SLEEP -> (self, p) -> self.sleep(c);
            case CHOOSE -> (self, p) -> {
                p.a = w.k.choose(2) + c;
                x.set(x.get() + p.a);
                return YIELD;
            };
            case ASSERT -> (self, p) -> {
                if (x.get() == c + 2) {
                    throw new Fault("Assert", "variable " + op.var() + " reached " + (c + 2));
                }
                return YIELD;
            };
            case EXIT -> (self, p) -> {
                proc.exit();
                return YIELD;
            };
            default -> (self, p) -> YIELD;
        };
    }
}
