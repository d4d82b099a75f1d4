package gcsim.search.dfs;

import static gcsim.kernel.Control.YIELD;

import gcsim.kernel.Control;
import gcsim.kernel.Guard;
import java.util.List;

/**
 * Toys whose actors loop: a spinner that never ends on its own and a retry loop, busy or not. They
 * check the search's bounds on executions that could go on for ever.
 */
final class LoopToys {
    private LoopToys() {}

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
                            return p.retryAfter(self, Guard.after(w.k, 100_000_000L));
                        },
                        (self, p) -> {
                            arrived.set(arrived.get() + 1);
                            return Control.YIELD;
                        });
            }
        });
    }
}
