package gcsim.search;

import gcsim.check.Executor;
import gcsim.check.Failure;
import gcsim.check.RunResult;
import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.kernel.Frame;
import gcsim.kernel.Kernel;
import gcsim.kernel.Mutex;
import gcsim.kernel.Outcome;
import gcsim.kernel.Strategy;

/**
 * Small systems built directly on the kernel, with known races, for testing the search layer
 * without the Nix model. Each is an {@link Executor} that builds a fresh kernel per run.
 */
public final class Toys {
    private Toys() {}

    private static RunResult result(Kernel k, Outcome o, Failure f) {
        return Results.of(o, f, k.schedule(), k.trace());
    }

    /**
     * Check-then-act: two actors each prepare for {@code padding} steps, then check that a shared
     * slot is free and, one step later, claim it. "locked" takes a mutex around it, "unlocked" does
     * not, so both can see the slot free and both claim it. With {@code bothLock} the race is gone.
     */
    public static Executor claimRace(int padding, boolean bothLock, int maxSteps) {
        return (strategy, trace) -> {
            Kernel k = new Kernel(strategy, maxSteps);
            if (trace) {
                k.withTrace();
            }
            Mutex m = new Mutex(k);
            int[] slot = {0, k.newResource()}; // the value, and its resource id for footprints
            int[] claims = {0};
            String[] lastClaimant = {null};
            k.newProcess("a").spawn("locked", new Claimer(1, padding, m, slot, claims, lastClaimant));
            k.newProcess("b").spawn("unlocked", new Claimer(2, padding, bothLock ? m : null, slot, claims, lastClaimant));
            Outcome o = k.run();
            Failure f = claims[0] > 1
                    ? new Failure("invariant", "claim slot", null, "the slot was claimed twice", lastClaimant[0], o.steps())
                    : null;
            return result(k, o, f);
        };
    }

    /** An actor that yields {@code steps} times and then ends. */
    public static final class Yielder extends Frame {
        private int left;

        public Yielder(int steps) {
            left = steps;
        }

        @Override
        protected Control step(Actor self) {
            if (left-- > 0) {
                self.kernel().note("works");
                return Control.YIELD;
            }
            return self.ret(null);
        }
    }

    /** {@code actors} actors that each yield {@code steps} times: no bug, only interleavings to observe. */
    public static Executor independent(int actors, int steps) {
        return (strategy, trace) -> {
            Kernel k = new Kernel(strategy, 1_000_000);
            if (trace) {
                k.withTrace();
            }
            for (int i = 0; i < actors; i++) {
                k.newProcess("p" + i).spawn("t" + i, new Yielder(steps));
            }
            return result(k, k.run(), null);
        };
    }

    /**
     * A depth-2 bug: "writer" sets a flag for exactly one step in the middle of {@code padding * 2}
     * steps of work; "reader" looks at the flag once. It fails only when the reader runs inside that
     * one-step window, which needs two ordering constraints. A random walk almost never gets there
     * (the reader runs early), PCT with depth 2 does with probability about 1/(2k).
     */
    public static Executor window(int padding) {
        return (strategy, trace) -> {
            Kernel k = new Kernel(strategy, 1_000_000);
            if (trace) {
                k.withTrace();
            }
            boolean[] flag = {false};
            boolean[] seen = {false};
            k.newProcess("w").spawn("writer", new Frame() {
                private int n;

                @Override
                protected Control step(Actor self) {
                    n++;
                    if (n == padding + 1) {
                        flag[0] = true;
                        k.story("sets the flag");
                    } else if (n == padding + 2) {
                        flag[0] = false;
                        k.story("clears the flag");
                    } else if (n > 2 * padding + 2) {
                        return self.ret(null);
                    }
                    return Control.YIELD;
                }
            });
            k.newProcess("r").spawn("reader", new Frame() {
                @Override
                protected Control step(Actor self) {
                    seen[0] = flag[0];
                    k.story(flag[0] ? "sees the flag set" : "sees the flag clear");
                    return self.ret(null);
                }
            });
            Outcome o = k.run();
            Failure f = seen[0] ? new Failure("invariant", "flag window", null, "saw the flag while it was set", "reader", o.steps()) : null;
            return result(k, o, f);
        };
    }

    /**
     * Virtual time: "sleeper" sleeps 10 ms then sets done; "poller" checks done {@code polls} times,
     * yielding between checks, and fails if it never sees it. The clock advance competes with the
     * poller, so the strategy decides whether time passes before the poller gives up.
     */
    public static Executor timeout(int polls) {
        return (strategy, trace) -> {
            Kernel k = new Kernel(strategy, 10_000);
            if (trace) {
                k.withTrace();
            }
            boolean[] done = {false};
            boolean[] gaveUp = {false};
            k.newProcess("s").spawn("sleeper", new Frame() {
                @Override
                protected Control step(Actor self) {
                    if (pc == 0) {
                        pc = 1;
                        k.story("sleeps 10ms");
                        return self.sleep(10_000_000L);
                    }
                    done[0] = true;
                    k.story("wakes and sets done");
                    return self.ret(null);
                }
            });
            k.newProcess("p").spawn("poller", new Frame() {
                private int left = polls;

                @Override
                protected Control step(Actor self) {
                    if (done[0]) {
                        k.story("sees done");
                        return self.ret(null);
                    }
                    if (left-- > 0) {
                        k.note("polls");
                        return Control.YIELD;
                    }
                    gaveUp[0] = true;
                    k.story("gives up");
                    return self.ret(null);
                }
            });
            Outcome o = k.run();
            Failure f = gaveUp[0] ? new Failure("invariant", "poll", null, "gave up before done", "poller", o.steps()) : null;
            return result(k, o, f);
        };
    }

    /** Data choices: two actors each pick a value below 4; it fails when both pick 3. */
    public static Executor dice() {
        return (strategy, trace) -> {
            Kernel k = new Kernel(strategy, 10_000);
            if (trace) {
                k.withTrace();
            }
            int[] picks = {-1, -1};
            for (int i = 0; i < 2; i++) {
                int me = i;
                k.newProcess("d" + i).spawn("die" + i, new Frame() {
                    @Override
                    protected Control step(Actor self) {
                        if (pc == 0) {
                            picks[me] = k.choose(4);
                            k.story("rolls " + picks[me]);
                            return yieldTo(1);
                        }
                        return self.ret(null);
                    }
                });
            }
            Outcome o = k.run();
            Failure f = picks[0] == 3 && picks[1] == 3
                    ? new Failure("invariant", "dice", null, "both rolled 3", "die1", o.steps()) : null;
            return result(k, o, f);
        };
    }

    /**
     * A livelock-prone loop: "spinner" yields until "setter" has run once. With a small step bound,
     * the schedules where the setter waits too long are cut; none fails.
     */
    public static Executor spin(int maxSteps) {
        return (strategy, trace) -> {
            Kernel k = new Kernel(strategy, maxSteps);
            if (trace) {
                k.withTrace();
            }
            boolean[] set = {false};
            k.newProcess("s").spawn("spinner", new Frame() {
                @Override
                protected Control step(Actor self) {
                    return set[0] ? self.ret(null) : Control.YIELD;
                }
            });
            k.newProcess("t").spawn("setter", new Frame() {
                @Override
                protected Control step(Actor self) {
                    set[0] = true;
                    return self.ret(null);
                }
            });
            return result(k, k.run(), null);
        };
    }

    /** Throws on the execution whose first value choice is {@code bad}, to test crash reporting. */
    public static Executor crashing(int bad) {
        return (strategy, trace) -> {
            Kernel k = new Kernel(strategy, 100);
            k.newProcess("c").spawn("chooser", new Frame() {
                @Override
                protected Control step(Actor self) {
                    if (k.choose(1000) == bad) {
                        throw new IllegalStateException("toy bug");
                    }
                    return self.ret(null);
                }
            });
            k.newProcess("o").spawn("other", new Yielder(1));
            return result(k, k.run(), null);
        };
    }

    /** Runs {@code e} once under {@code s} without a trace. */
    public static RunResult once(Executor e, Strategy s) {
        return e.run(s, false);
    }
}
