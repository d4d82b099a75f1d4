package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.scenario.Op;
import java.util.List;

/**
 * {@code BuildPaths} of one derivation in a worker or local store (§2.3), in the order the goals
 * run at the baseline commit: the worker loop's non-blocking auto-GC (every iteration, the first
 * included); DerivationTrampolineGoal reads the drv, then roots it — and asserts it is still valid,
 * aborting the whole worker if not; DerivationGoal roots each output; input derivations are built
 * by their own goals and missing input sources go through a substitution goal (root, then check);
 * DerivationBuildingGoal roots the drv again; the builder runs its operations, the loop's auto-GC
 * runs again, the outputs are written and registered in one transaction.
 */
final class BuildPaths extends ModelFrame {
    private static final String FN = "BuildPaths §2.3";
    private final LocalStore ls;
    private final int drv;
    private final List<Op> builder;
    private int i;

    BuildPaths(World w, LocalStore ls, int drv, List<Op> builder) {
        super(w);
        this.ls = ls;
        this.drv = drv;
        this.builder = builder;
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
            case 1: // DerivationTrampolineGoal: read the derivation ⟂[db][fs]
                if (!w.db.isValid(drv) || !w.store.exists(drv)) {
                    if (k.tracing()) {
                        story("DerivationTrampolineGoal §2.3", "cannot read " + name(drv) + ": it is gone");
                    }
                    throw new NixError(NixError.MISSING_DERIVATION, "DerivationTrampolineGoal §2.3", w.layout.full(drv),
                            "failed to obtain derivation of '" + w.layout.full(drv) + "'");
                }
                pc = 2;
                return self.call(new AddTempRoot(w, ls, drv)); // … then roots it, after resolving
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
                        return self.call(new BuildPaths(w, ls, r, List.of()));
                    }
                }
                i = 0;
                return goTo(6);
            case 6: // input sources ⟂[db]: a missing one goes to a substitution goal
                while (i < refs.length) {
                    int r = refs[i++];
                    if (!w.layout.isDrv(r) && r != drv && !w.db.isValid(r)) {
                        pc = 7;
                        return self.call(new AddTempRoot(w, ls, r)); // PathSubstitutionGoal roots it first
                    }
                }
                return goTo(8);
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
            case 8: // DerivationBuildingGoal roots the drv again
                pc = 9;
                i = 0;
                return self.call(new AddTempRoot(w, ls, drv));
            case 9: // the builder runs its own operations while the build holds its roots
                if (i < builder.size()) {
                    return SimpleOps.run(w, self, builder.get(i++));
                }
                i = 0;
                pc = 10; // Worker::run calls autoGC(false) on every iteration while the builder runs
                return self.call(new AutoGc(w, ls, false));
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
                return self.ret(null);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }
}
