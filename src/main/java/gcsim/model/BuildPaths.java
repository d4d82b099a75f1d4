package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.kernel.Fault;
import gcsim.scenario.Op;
import java.util.List;

/**
 * {@code BuildPaths} of one derivation in a worker or local store (§2.3), in the order the goals
 * run at the baseline commit: the worker loop's non-blocking auto-GC (every iteration, the first
 * included); DerivationTrampolineGoal checks the drv (an invalid one goes to a substitution goal,
 * which roots it and checks again), then roots it — and asserts it is still valid, aborting the
 * whole worker if not; DerivationGoal roots each output; input derivations are built by their own
 * goals; DerivationBuildingGoal roots the drv again, checks each input source (a missing one goes
 * through a substitution goal: root, then check), takes the output locks ({@link OutputLocks}),
 * looks at the outputs again (done if another build made them) and deletes invalid leftovers; the
 * builder runs its operations, the loop's auto-GC running before each and after the last; the
 * outputs are written and registered in one transaction, and the locks released.
 *
 * <p>An input derivation's goals are subgoals in the same worker loop: they start in
 * the iteration that created them, so no auto-GC comes first. The loop iterates again only when
 * every goal waits, which in the model means while a builder runs: Worker::run's only autoGC call is
 * at the top of an iteration (worker.cc 293 at 88b09c64fb, 340 at the baseline), and waitForInput
 * returns on a builder's output or after ten seconds.
 */
final class BuildPaths extends ModelFrame {
    private static final String FN = "BuildPaths §2.3";
    private final LocalStore ls;
    private final int drv;
    private final List<Op> builder;
    private int i;
    private OutputLocks outputLocks;

    BuildPaths(World w, LocalStore ls, int drv, List<Op> builder) {
        this(w, ls, drv, builder, false);
    }

    /** @param nested an input derivation's goals, run by the loop of the build that needs it */
    private BuildPaths(World w, LocalStore ls, int drv, List<Op> builder, boolean nested) {
        super(w);
        this.ls = ls;
        this.drv = drv;
        this.builder = builder;
        if (nested) {
            pc = 1;
        }
    }

    @Override
    protected int subject() { // the path this activation is about, for transfers
        return drv;
    }

    @Override
    protected Control step(Actor self) {
        int[] outputs = w.layout.outputs(drv);
        int[] refs = w.layout.refs(drv);
        switch (pc) {
            case 0: // Worker::run: autoGC(sync = false) at the top of every iteration
                pc = 1;
                return self.call(new AutoGc(w, ls, false));
            case 1: // DerivationTrampolineGoal: is the derivation valid? ⟂[db][fs]
                if (!w.db.isValid(drv) || !w.store.exists(drv)) {
                    // no: it awaits a PathSubstitutionGoal for the drv, which roots it first (2.8's
                    // DerivationGoal::getDerivation does the same; substitution-goal.cc 35 at master)
                    if (k.tracing()) {
                        note("DerivationTrampolineGoal §2.3", name(drv) + " is not valid: a substitution goal roots it and looks again");
                    }
                    pc = 13;
                    return self.call(new AddTempRoot(w, ls, drv));
                }
                pc = 2;
                return self.call(new AddTempRoot(w, ls, drv)); // … then roots it, after resolving
            case 13: // … and checks it again ⟂[db]: made valid meanwhile, it is AlreadyValid and the
                     // trampoline goes on; else no substituter has it and the goal fails
                if (!w.db.isValid(drv)) {
                    if (k.tracing()) {
                        story("DerivationTrampolineGoal §2.3", name(drv) + " is gone and nothing substitutes it");
                    }
                    throw new NixError(NixError.MISSING_DERIVATION, "DerivationTrampolineGoal §2.3", w.layout.full(drv),
                            "failed to obtain derivation of '" + w.layout.full(drv) + "'");
                }
                if (k.tracing()) {
                    note("PathSubstitutionGoal §2.3", name(drv) + " became valid meanwhile; the build goes on");
                }
                pc = 2;
                return self.call(new AddTempRoot(w, ls, drv)); // the trampoline's own root
            case 2: // … and asserts it is still valid ⟂[db]: assert(false) otherwise
                if (!w.db.isValid(drv)) {
                    if (k.tracing()) {
                        story("DerivationTrampolineGoal §2.3", name(drv) + " vanished before its temp root: assertion fails, "
                                + self.process().name() + " aborts");
                    }
                    throw new NixError(NixError.ABORT, "DerivationTrampolineGoal §2.3 (assert after the temp root)",
                            w.layout.full(drv), "assertion failed: '" + w.layout.full(drv) + "' is not valid after rooting it");
                }
                i = 0;
                return yieldTo(3);
            case 3: // DerivationGoal: temp roots for every output path
                if (i < outputs.length) {
                    return self.call(new AddTempRoot(w, ls, outputs[i++]));
                }
                return goTo(4);
            case 4: { // outputs already valid: nothing to build ⟂[db]
                boolean all = true;
                for (int o : outputs) {
                    all &= w.db.isValid(o);
                }
                if (all) {
                    if (k.tracing()) {
                        note(FN, name(drv) + "'s outputs are valid; nothing to build");
                    }
                    return self.ret(null);
                }
                i = 0;
                return yieldTo(5);
            }
            case 5: // input derivations first, each by its own goals
                while (i < refs.length) {
                    int r = refs[i++];
                    if (w.layout.isDrv(r) && r != drv) {
                        return self.call(new BuildPaths(w, ls, r, List.of(), true));
                    }
                }
                return goTo(8);
            case 6: // gaveUpOnSubstitution: each input source ⟂[db]; a missing one goes to a substitution goal
                while (i < refs.length) {
                    int r = refs[i++];
                    if (!w.layout.isDrv(r) && r != drv) {
                        if (!w.db.isValid(r)) {
                            pc = 7;
                            return self.call(new AddTempRoot(w, ls, r)); // PathSubstitutionGoal roots it first
                        }
                        return yieldTo(6);
                    }
                }
                return goTo(14);
            case 7: { // … then checks it again ⟂[db]; nothing substitutes here, so the build fails
                int r = refs[i - 1];
                if (!w.db.isValid(r)) {
                    if (k.tracing()) {
                        story(FN, "input " + name(r) + " of " + name(drv) + " is gone");
                    }
                    throw new NixError(NixError.DEPENDENCY_FAILED, "PathSubstitutionGoal §2.3 (input source of " + name(drv) + ")",
                            w.layout.full(r), "Cannot build '" + w.layout.full(drv) + "'. Reason: 1 dependency failed.");
                }
                return yieldTo(6);
            }
            case 8: // DerivationBuildingGoal's constructor roots the drv again, before it looks at the inputs
                i = 0;
                pc = 6;
                return self.call(new AddTempRoot(w, ls, drv));
            case 14: // tryToBuild: lock the outputs, without waiting (derivation-building-goal.cc 285 at the baseline)
                outputLocks = new OutputLocks(w, ls, drv);
                pc = 15;
                return self.call(outputLocks);
            case 15: // holding the output locks: another build made the outputs, or go on and build
                if ((Boolean) self.result()) {
                    return self.ret(null);
                }
                i = 0;
                return goTo(9);
            case 9: // a loop iteration while the builder runs: autoGC(false), then its next operation
                pc = 12;
                return self.call(new AutoGc(w, ls, false));
            case 12: // the builder runs its own operations while the build holds its roots
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
                return yieldTo(17);
            case 17: // the output locks go, their files deleted ⟂[fs][lock]
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
