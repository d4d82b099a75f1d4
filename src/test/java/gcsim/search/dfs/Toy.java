package gcsim.search.dfs;

import gcsim.check.Executor;
import gcsim.check.Forkable;
import gcsim.check.Failure;
import gcsim.check.RunResult;
import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.kernel.Fault;
import gcsim.kernel.Frame;
import gcsim.kernel.Guard;
import gcsim.kernel.Kernel;
import gcsim.kernel.Outcome;
import gcsim.kernel.SimProcess;
import gcsim.kernel.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A tiny system built directly on the kernel, wrapped as an {@link Executor}: small enough for
 * brute force, yet using the kernel's real primitives (locks, sockets, timers, process exit, data
 * choices), so that the search is checked against the same footprints and guards the model uses.
 *
 * <p>A system is a builder run on a fresh {@link World} per execution. Its terminal state digests
 * every shared variable, which actors finished, the virtual time and the failure, so two executions
 * that end differently in any visible way count as two terminal states.
 */
final class Toy implements Forkable {
    private final String name;
    private final int maxSteps;
    private final Consumer<World> body;
    /** The kernel's starvation bound, or -1 for none. */
    private final int starvationBound;

    Toy(String name, int maxSteps, Consumer<World> body) {
        this(name, maxSteps, body, -1);
    }

    private Toy(String name, int maxSteps, Consumer<World> body, int starvationBound) {
        this.name = name;
        this.maxSteps = maxSteps;
        this.body = body;
        this.starvationBound = starvationBound;
    }

    /** The same system on a kernel with a starvation bound ({@link Kernel#withStarvationBound}). */
    Toy withStarvationBound(int bound) {
        return new Toy(name + " (starvation bound " + bound + ")", maxSteps, body, bound);
    }

    @Override
    public String toString() {
        return name;
    }

    /** The shared state and the actors of one execution. */
    static final class World {
        final Kernel k;
        final List<Var> vars = new ArrayList<>();
        /** Checked after every step; a non-null answer is a failure and stops the execution. */
        Supplier<String> invariant;
        String failure;

        World(Kernel k) {
            this.k = k;
        }

        Var var(int initial) {
            Var v = new Var(k, initial);
            vars.add(v);
            return v;
        }

        SimProcess process(String name) {
            return k.newProcess(name);
        }

        Actor spawn(SimProcess p, String name, Step... steps) {
            return p.spawn(name, new Prog(steps));
        }

        /** A process with one thread. */
        Actor actor(String name, Step... steps) {
            return spawn(process(name), name, steps);
        }
    }

    /** A shared integer whose accesses are footprints. */
    static final class Var {
        private final Kernel k;
        private final int resource;
        int value;

        Var(Kernel k, int value) {
            this.k = k;
            this.resource = k.newResource();
            this.value = value;
        }

        int get() {
            k.read(resource);
            return value;
        }

        void set(int v) {
            k.write(resource);
            value = v;
        }
    }

    /** One step of an actor's program; may return YIELD, WAIT (via the helpers) or end the actor. */
    interface Step {
        Control run(Actor self, Prog prog);
    }

    /** A straight-line program of steps with a program counter and two locals. */
    static final class Prog extends Frame {
        private final Step[] steps;
        int a;
        int b;

        Prog(Step[] steps) {
            this.steps = steps;
        }

        @Override
        protected Control step(Actor self) {
            if (pc >= steps.length) {
                return self.ret(null);
            }
            Control c = steps[pc++].run(self, this);
            if (c == Control.YIELD && pc >= steps.length) {
                return self.ret(null); // the last step ends the actor, without an extra empty step
            }
            return c;
        }

        /** Waits for {@code g}, then runs the same step again. */
        Control retryAfter(Actor self, Guard g) {
            pc--;
            return self.await(g);
        }

        /** Waits for work on {@code g} (a service wait, never a deadlock), then runs the same step again. */
        Control retryAfterWork(Actor self, Guard g) {
            pc--;
            return self.awaitWork(g);
        }

        /** A scheduling point, then step {@code index}. */
        Control next(int index) {
            pc = index;
            return Control.YIELD;
        }

        /** Ends the actor now. */
        Control end(Actor self) {
            pc = steps.length;
            return self.ret(null);
        }
    }

    @Override
    public RunResult run(Strategy strategy, boolean trace) {
        ToyRun r = build(strategy, trace);
        return r.finish(r.k.run());
    }

    @Override
    public Forkable.Session open(Strategy strategy) {
        return build(strategy, false);
    }

    private ToyRun build(Strategy strategy, boolean trace) {
        Kernel k = new Kernel(strategy, maxSteps);
        if (starvationBound >= 0) {
            k.withStarvationBound(starvationBound);
        }
        if (trace) {
            k.withTrace();
        }
        World w = new World(k);
        body.accept(w);
        k.observe((kernel, actor) -> {
            if (w.failure != null) {
                return;
            }
            Fault f = actor.failure();
            if (f != null && actor.done()) {
                w.failure = f.kind() + ": " + f.getMessage();
            } else if (w.invariant != null) {
                w.failure = w.invariant.get();
            }
            if (w.failure != null) {
                kernel.story("failure: " + w.failure);
                kernel.stop(w.failure);
            }
        });
        return new ToyRun(k, w, name);
    }

    /** One execution of a toy as a value, so the stateful search can copy it between steps. */
    static final class ToyRun implements Forkable.Session {
        final Kernel k;
        final World w;
        final String name;

        ToyRun(Kernel k, World w, String name) {
            this.k = k;
            this.w = w;
            this.name = name;
        }

        @Override
        public Kernel kernel() {
            return k;
        }

        @Override
        public RunResult finish(Outcome o) {
            Failure failure = null;
            if (w.failure != null) {
                failure = new Failure("toy", name, null, w.failure, null, o.steps());
            } else if (o.end() == Outcome.End.DEADLOCK) {
                failure = new Failure("deadlock", name, null, "deadlock: blocked " + o.blocked(), null, o.steps());
            }
            long h = 0xcbf29ce484222325L;
            for (Var v : w.vars) {
                h = mix(h, v.value);
            }
            for (Actor a : k.actors()) {
                h = mix(h, a.done() ? 1 : 2);
            }
            h = mix(h, o.time());
            h = mix(h, o.end().ordinal());
            h = mix(h, failure == null ? 0 : failure.message().hashCode());
            return new RunResult(o, failure, k.schedule(), k.trace(), new RunResult.Coverage(0, 0, 0), List.of(), h);
        }
    }

    private static long mix(long h, long v) {
        h ^= v;
        h *= 0x100000001b3L;
        return h ^ (h >>> 29);
    }
}
