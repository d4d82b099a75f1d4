package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;

/**
 * {@code BuildPaths} of one derivation in a worker or local store (§2.3): the goals' temp roots —
 * the drv after resolving it (DerivationTrampolineGoal), each output (DerivationGoal), the drv
 * again (DerivationBuildingGoal) — then inputs, the build loop's non-blocking auto-GC, the builder
 * writing the outputs, and their registration. Input derivations are built first by their own goals.
 */
final class BuildPaths extends ModelFrame {
    private static final String FN = "BuildPaths §2.3";
    private final LocalStore ls;
    private final int drv;
    private final java.util.List<gcsim.scenario.Op> builder;
    private int i;

    BuildPaths(World w, LocalStore ls, int drv, java.util.List<gcsim.scenario.Op> builder) {
        super(w);
        this.ls = ls;
        this.drv = drv;
        this.builder = builder;
    }

    @Override
    protected Control step(Actor self) {
        int[] outputs = w.layout.outputs(drv);
        switch (pc) {
            case 0: // DerivationTrampolineGoal: read the derivation ⟂[db][fs]
                if (!w.db.isValid(drv) || !w.store.exists(drv)) {
                    if (k.tracing()) {
                        story("DerivationTrampolineGoal §2.3", "cannot read " + name(drv) + ": it is gone");
                    }
                    throw new NixError(NixError.MISSING_DERIVATION, "DerivationTrampolineGoal §2.3", w.layout.full(drv),
                            "failed to obtain derivation of '" + w.layout.full(drv) + "'");
                }
                pc = 1;
                return yieldTo(1);
            case 1: // … then roots it, after resolving (the comment: it "should already be a root")
                pc = 2;
                i = 0;
                return self.call(new AddTempRoot(w, ls, drv));
            case 2: // DerivationGoal: temp roots for every output path
                if (i < outputs.length) {
                    return self.call(new AddTempRoot(w, ls, outputs[i++]));
                }
                return goTo(3);
            case 3: { // outputs already valid: nothing to build ⟂[db]
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
                pc = 4;
                return self.call(new AddTempRoot(w, ls, drv)); // DerivationBuildingGoal roots the drv again
            }
            case 4: // input derivations first
                i = 0;
                return goTo(5);
            case 5: {
                int[] refs = w.layout.refs(drv);
                while (i < refs.length) {
                    int r = refs[i++];
                    if (w.layout.isDrv(r) && r != drv) {
                        return self.call(new BuildPaths(w, ls, r, java.util.List.of()));
                    }
                }
                return yieldTo(6);
            }
            case 6: // input sources must be valid ⟂[db]
                for (int r : w.layout.refs(drv)) {
                    if (!w.layout.isDrv(r) && !w.db.isValid(r)) {
                        throw NixError.invalidPath("DerivationBuildingGoal inputs §2.3", w.layout.full(r));
                    }
                }
                pc = 7;
                return self.call(new AutoGc(w, ls, false)); // Worker::run: autoGC(sync = false)
            case 7: // the builder runs its own operations while the build holds its roots
                i = 0;
                return goTo(70);
            case 70:
                if (i < builder.size()) {
                    return SimpleOps.run(w, self, builder.get(i++));
                }
                i = 0;
                pc = 8; // Worker::run calls autoGC(false) on every iteration while the builder runs
                return self.call(new AutoGc(w, ls, false));
            case 8: // the builder writes each output ⟂[fs]
                if (i < outputs.length) {
                    w.store.materialise(outputs[i++]);
                    return yieldTo(8);
                }
                if (k.tracing()) {
                    note(FN, "builder of " + name(drv) + " finished");
                }
                return goTo(9);
            case 9: // registerValidPaths for the outputs ⟂[db]
                for (int o : outputs) {
                    w.db.register(o, w.layout.refs(o), drv, "registerValidPaths §2.5 step 4 (outputs of " + name(drv) + ")");
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
