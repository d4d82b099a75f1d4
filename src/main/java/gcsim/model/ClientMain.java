package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Guard;
import gcsim.kernel.Control;
import gcsim.kernel.SimProcess;
import gcsim.kernel.VirtualTime;
import gcsim.scenario.Op;
import gcsim.scenario.ProcessSpec;
import gcsim.scenario.Start;
import java.util.ArrayList;
import java.util.List;

/**
 * The main thread of a scenario's client process: wait for its start, run its operations in order,
 * then exit — registering permanent roots first under the caller-root variant, and closing the
 * store, which for a daemon client ends its worker.
 */
final class ClientMain extends ModelFrame {
    private final Client c;
    private final ProcessSpec spec;
    /** Cursor stack over nested op lists: list, next index, repetitions left. */
    private final List<Cursor> stack = new ArrayList<>(2);
    private int i;
    /** The kernel step in which the running operation started, to tell one that never yielded. */
    private int opStep;
    /** The kernel step of the last turn of a repeat, to tell a turn that followed another without yielding. */
    private int turnStep = -1;

    private static final class Cursor {
        final List<Op> ops;
        int next;
        int repeatsLeft;

        Cursor(List<Op> ops, int repeats) {
            this.ops = ops;
            this.repeatsLeft = repeats;
        }
    }

    ClientMain(World w, Client c, ProcessSpec spec) {
        super(w);
        this.c = c;
        this.spec = spec;
        stack.add(new Cursor(spec.ops(), 1));
    }

    /**
     * Spawns the client's main thread in {@code proc}, before the execution runs. A client that waits
     * for its start (a later time, another process's exit) is spawned already waiting, with no step
     * of its own before the start: that step would only begin the wait, which nobody can see (docs/model.md,
     * "A wait is the scheduling point itself"). A start in a window is spawned waiting in its window,
     * and the pick that runs it is the start the search chose.
     */
    static Actor spawn(World w, SimProcess proc, Client c, ProcessSpec spec) {
        ClientMain body = new ClientMain(w, c, spec);
        Actor main = proc.spawn(spec.name(), body);
        Start start = spec.start();
        if (start instanceof Start.Window || start instanceof Start.Any) {
            body.pc = 4;
            main.startsWhen(StartWindow.of(w, start)); // its first pick is its start
            w.kernel.startChosen(main);
        } else if (start instanceof Start.At at && at.nanos() > 0) {
            body.pc = 1;
            main.startsWhen(Guard.at(w.kernel, at.nanos()));
        } else if (start instanceof Start.After after) {
            SimProcess other = w.process(after.process());
            body.pc = 1;
            main.startsWhen(Guard.watching(Guard.ENDINGS, other::exited));
        }
        return main;
    }

    @Override
    protected Control step(Actor self) {
        switch (pc) {
            case 0: // a start at time 0; every other start is waited for from the spawn (spawn)
                return goTo(1);
            case 1: {
                c.start(k);
                if (k.tracing()) {
                    note("client", c.process.name() + " starts");
                }
                return goTo(2);
            }
            case 4: { // a start the search chose: this pick is it; the clock read ties it to the window
                long at = k.now();
                c.start(k);
                if (k.tracing()) {
                    story("client", c.process.name() + " starts at " + VirtualTime.format(at) + " (start "
                            + StartWindow.describe(spec.start()) + ", chosen by the search)");
                }
                return goTo(2);
            }
            case 2: { // next operation
                Op op = nextOp();
                if (op == OVER_BOUND) {
                    return Control.YIELD; // the step bound is reached inside this step: the kernel cuts the execution
                }
                if (op == null || op instanceof Op.Exit) {
                    return goTo(50);
                }
                w.clientOpStarted();
                c.inOp = true;
                pc = 3;
                opStep = k.steps();
                return run(self, op);
            }
            case 3:
                w.clientOpFinished();
                c.inOp = false;
                if (opStep == k.steps() && k.silentWork()) {
                    pc = 2; // an operation that never yielded counts toward the step bound
                    return Control.YIELD;
                }
                return goTo(2);
            case 50: // exit path: caller-root variant first registers permanent roots
                i = 0;
                return goTo(51);
            case 51:
                while (w.switches.callerRoots() && i < c.wroteOrBuilt.size()) {
                    int p = c.wroteOrBuilt.get(i++);
                    if (c.rootsAtExit(p, w.layout)) {
                        return self.call(new AddPermRoot(w, c, p, "/home/" + c.user + "/roots/" + c.process.name() + "-" + name(p)));
                    }
                }
                if (!c.viaDaemon) {
                    pc = 52;
                    return self.call(new LocalStoreDestructor(w, (LocalStore) c.store));
                }
                return goTo(52);
            case 52:
                if (k.tracing()) {
                    story("client", c.process.name() + " exits; its connections close");
                }
                if (c.lifeResource >= 0) { // an interrupt after this finds nobody
                    k.write(c.lifeResource);
                }
                c.process.exit();
                return self.ret(null);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }

    /** What {@link #nextOp} returns when the step bound was reached while it looked for the next operation. */
    private static final Op OVER_BOUND = new Op.Exit(null);

    private Op nextOp() {
        while (!stack.isEmpty()) {
            Cursor top = stack.get(stack.size() - 1);
            if (top.next < top.ops.size()) {
                Op op = top.ops.get(top.next++);
                if (op instanceof Op.Repeat r) {
                    if (r.times() > 0 && !r.ops().isEmpty()) {
                        stack.add(new Cursor(r.ops(), r.times()));
                    }
                    continue;
                }
                return op;
            }
            if (--top.repeatsLeft > 0) {
                top.next = 0;
                // a turn that follows another in the same step counts too: a repeat of nothing must end
                if (turnStep == k.steps() && k.silentWork()) {
                    return OVER_BOUND;
                }
                turnStep = k.steps();
            } else {
                stack.remove(stack.size() - 1);
            }
        }
        return null;
    }

    private Control run(Actor self, Op op) {
        if (op instanceof Op.WriteDerivation o) {
            return self.call(new WriteDerivation(w, c, w.layout.id(o.drv())));
        } else if (op instanceof Op.AddToStore o) {
            return self.call(c.store.addToStore(w.layout.id(o.path())));
        } else if (op instanceof Op.FetchToStore o) {
            return self.call(new FetchToStore(w, c, w.layout.id(o.path()), true));
        } else if (op instanceof Op.BuiltinsPath o) {
            return self.call(new FetchToStore(w, c, w.layout.id(o.path()), false));
        } else if (op instanceof Op.CopyPaths o) {
            int[] roots = new int[o.paths().size()];
            for (int j = 0; j < roots.length; j++) {
                roots[j] = w.layout.id(o.paths().get(j));
            }
            return self.call(new CopyPaths(w, c, CopyPaths.closure(w.layout, roots)));
        } else if (op instanceof Op.BuildDerivation o) {
            return self.call(new CopyPaths.RemoteBuild(w, c, w.layout.id(o.drv()), o.builder()));
        } else if (op instanceof Op.ImportDerivation o) {
            return self.call(new ImportDerivation(w, c, w.layout.id(o.drv()), o.tolerateCollected()));
        } else if (op instanceof Op.IsValidPath o) {
            return self.call(c.store.isValidPath(w.layout.id(o.path())));
        } else if (SimpleOps.handles(op)) {
            return SimpleOps.run(w, self, op);
        } else if (op instanceof Op.AddTempRoot o) {
            return self.call(c.store.addTempRoot(w.layout.id(o.path())));
        } else if (op instanceof Op.AddPermRoot o) {
            c.permRooted.set(w.layout.id(o.path()));
            return self.call(new AddPermRoot(w, c, w.layout.id(o.path()), o.link()));
        } else if (op instanceof Op.Build o) {
            int drv = w.layout.id(o.drv());
            c.markBuilt(drv, w.layout);
            for (int out : w.layout.outputs(drv)) {
                c.remember(out);
            }
            return self.call(c.store.buildPaths(drv, o.builder()));
        } else if (op instanceof Op.CollectGarbage o) {
            return self.call(c.store.collectGarbage(o.maxFreed(), o.pauses()));
        } else if (op instanceof Op.SymlinkRoot o) {
            w.roots.addDirect("gcroots/" + o.link(), w.layout.id(o.path()));
            if (k.tracing()) {
                story("symlink-root", "makes a bare symlink gcroots/" + o.link() + " → " + o.path() + " (no temp root)");
            }
            return Control.YIELD;
        } else if (op instanceof Op.RemoveRoot o) {
            w.roots.remove(o.link());
            if (k.tracing()) {
                story("remove-root", "removes root " + o.link());
            }
            return Control.YIELD;
        } else if (op instanceof Op.Interrupt o) {
            return InterruptOp.run(w, o);
        } else if (op instanceof Op.Reconnect) {
            c.store.close();
            if (k.tracing()) {
                story("RemoteStore §2.2", c.process.name() + " drops its daemon connection; its worker's temp roots go");
            }
            return Control.YIELD;
        }
        throw new IllegalStateException("unhandled op " + op);
    }

    /** Reading a path's contents from the store (`use`): fails as Nix does when the path is gone. */
    static final class Use extends ModelFrame {
        private final int p;

        Use(World w, int p) {
            super(w);
            this.p = p;
        }

        @Override
        protected int subject() { // the path this activation is about, for transfers
            return p;
        }

        @Override
        protected Control step(Actor self) {
            if (!w.store.exists(p)) {
                throw new NixError(NixError.MISSING_FILE, "reading the path (use)", w.layout.full(p),
                        "opening file '" + w.layout.full(p) + "': No such file or directory");
            }
            if (k.tracing()) {
                note("use", "reads " + name(p));
            }
            return self.ret(null);
        }
    }
}
