package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.kernel.Fault;
import gcsim.scenario.Op;
import java.util.List;

/**
 * BuildDerivation in a worker (daemon.cc 626–699 at master; Worker::buildDerivation,
 * entry-points.cc 109–116): the derivation arrives inline as a BasicDerivation, so no trampoline
 * reads or roots a .drv; its inputs are its input sources plus the outputs of its input derivations,
 * flattened. The goals run in this order: the worker loop's non-blocking auto-GC (worker.cc 291–293,
 * every iteration); DerivationGoal roots each output (derivation-goal.cc 65–67); the building goal
 * roots only the drv path (derivation-building-goal.cc 49); each input that isValidPath calls valid is
 * skipped without a root (175–176) — #15613's switch roots it first — and a missing one goes to a
 * substitution goal, which fails at once with no substituter; computeFSClosure of the inputs (206),
 * in the same loop iteration, since nothing was awaited; the output locks ({@link OutputLocks}), a
 * second look at the outputs (done if another build made them) and the removal of invalid
 * leftovers; the builder runs its operations, the loop's auto-GC running before each and after the
 * last (it iterates while the builder runs); the outputs are written and registered, and the locks
 * released.
 */
final class BuildDerivation extends ModelFrame {
    private static final String FN = "DerivationBuildingGoal §2.3";
    private final LocalStore ls;
    private final int drv;
    private final List<Op> builder;
    private final int[] inputs;
    private int i;
    private OutputLocks outputLocks;

    BuildDerivation(World w, LocalStore ls, int drv, List<Op> builder) {
        super(w);
        this.ls = ls;
        this.drv = drv;
        this.builder = builder;
        this.inputs = inputs(w.layout, drv);
    }

    /** A BasicDerivation's inputs: the input sources and each input derivation's outputs, as one set. */
    static int[] inputs(StoreLayout layout, int drv) {
        gcsim.kernel.IntList l = new gcsim.kernel.IntList(4);
        for (int r : layout.refs(drv)) {
            if (r != drv && !layout.isDrv(r)) {
                l.add(r);
            }
        }
        for (int r : layout.refs(drv)) {
            if (r != drv && layout.isDrv(r)) {
                for (int o : layout.outputs(r)) {
                    l.add(o);
                }
            }
        }
        int[] a = new int[l.size()];
        for (int j = 0; j < a.length; j++) {
            a[j] = l.get(j);
        }
        layout.sortByRank(a); // inputSrcs is a StorePathSet: the inputs are checked in its order
        return a;
    }

    @Override
    protected Control step(Actor self) {
        int[] outputs = w.layout.outputs(drv);
        switch (pc) {
            case 0: // Worker::run: autoGC(false) at the top of the first iteration (worker.cc 293)
                pc = 1;
                return self.call(new AutoGc(w, ls, false));
            case 1: // DerivationGoal: a temp root for every output path (derivation-goal.cc 65–67)
                if (i < outputs.length) {
                    return self.call(new AddTempRoot(w, ls, outputs[i++]));
                }
                return yieldTo(2);
            case 2: { // checkPathValidity ⟂[db] (derivation-goal.cc 75): all outputs valid, nothing to build
                boolean all = true;
                for (int o : outputs) {
                    all &= w.db.isValid(o);
                }
                if (all) {
                    return self.ret(null);
                }
                pc = 3;
                return self.call(new AddTempRoot(w, ls, drv)); // building goal's constructor (line 49)
            }
            case 3:
                i = 0;
                return goTo(4);
            case 4: // gaveUpOnSubstitution, for each input (175): #15613 roots it before the check
                if (i >= inputs.length) {
                    // no loop iteration in between: with every input valid there is nothing to await,
                    // so computeFSClosure follows in the same goal step (derivation-building-goal.cc 185–206)
                    return goTo(7);
                }
                if (w.switches.buildInputTempRoots()) {
                    pc = 5;
                    return self.call(new AddTempRoot(w, ls, inputs[i]));
                }
                return goTo(5);
            case 5: { // isValidPath(input) ⟂[db] (175–176): valid → skipped, with no root of its own
                int in = inputs[i];
                if (w.db.isValid(in)) {
                    if (k.tracing()) {
                        note(FN, "input " + name(in) + " is valid; "
                                + (w.switches.buildInputTempRoots() ? "temp-rooted first (#15613)" : "no temp root taken"));
                    }
                    i++;
                    return yieldTo(4);
                }
                pc = 6; // missing: a PathSubstitutionGoal roots it, then checks it again (substitution-goal.cc 35)
                return self.call(new AddTempRoot(w, ls, in));
            }
            case 6: { // … ⟂[db]; no substituter has it, so the build fails
                int in = inputs[i];
                if (!w.db.isValid(in)) {
                    if (k.tracing()) {
                        story(FN, "input " + name(in) + " of " + name(drv) + " is gone");
                    }
                    throw new NixError(NixError.DEPENDENCY_FAILED, "PathSubstitutionGoal §2.3 (input of " + name(drv) + ")",
                            w.layout.full(in), "Cannot build '" + w.layout.full(drv) + "'. Reason: 1 dependency failed.");
                }
                i++;
                return yieldTo(4);
            }
            case 7: // computeFSClosure(drv->inputs) (206): queryPathInfo of each input ⟂[db]
                i = 0;
                return goTo(8);
            case 8:
                if (i < inputs.length) {
                    int in = inputs[i++];
                    if (!w.db.isValid(in)) {
                        if (k.tracing()) {
                            story(FN, "computeFSClosure: input " + name(in) + " of " + name(drv) + " is no longer valid");
                        }
                        throw NixError.invalidPath("Store::queryPathInfo §2.5 (computeFSClosure of "
                                + name(drv) + "'s inputs, derivation-building-goal.cc 206)", w.layout.full(in));
                    }
                    return Control.YIELD;
                }
                pc = 13; // tryToBuild: lock the outputs, without waiting (derivation-building-goal.cc 418)
                outputLocks = new OutputLocks(w, ls, drv);
                return self.call(outputLocks);
            case 13: // holding the output locks: another build made the outputs, or go on and build
                if ((Boolean) self.result()) {
                    return self.ret(null);
                }
                i = 0;
                return goTo(9);
            case 9: // a loop iteration while the builder runs: autoGC(false) (worker.cc 293), then its next operation
                pc = 12;
                return self.call(new AutoGc(w, ls, false));
            case 12:
                if (i < builder.size()) {
                    pc = 9;
                    return SimpleOps.run(w, self, builder.get(i++));
                }
                i = 0;
                return goTo(10);
            case 10: // the builder writes each output ⟂[fs]
                if (i < outputs.length) {
                    w.store.materialise(outputs[i++]);
                    return yieldTo(10);
                }
                return goTo(11);
            case 11: // registerValidPaths for the outputs, one transaction ⟂[db]
                w.db.registerAll(outputs, drv, "registerValidPaths §2.5 step 4 (outputs of " + name(drv) + ")");
                for (int o : outputs) {
                    ls.registered(o);
                }
                if (k.tracing()) {
                    story(FN, "builds " + name(drv) + " and registers its outputs");
                }
                return yieldTo(15);
            case 15: // the output locks go, their files deleted ⟂[fs][lock] (1072–1073)
                outputLocks.release(true);
                return self.ret(null);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }

    @Override
    protected boolean handle(Actor self, Fault fault) {
        if (outputLocks != null) {
            outputLocks.release(false); // PathLocks' destructor: unlocked, the files left
        }
        return false;
    }
}
