package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;

/**
 * {@code Store::writeDerivation} (§2.1) under the variant's switch: the baseline checks validity and
 * returns early with no temp root (2.33); #15237 temp-roots the drv first; #15158 as proposed also
 * temp-roots each reference; ≤2.32 always sends the drv to the worker, which roots it (§2.4 step 3).
 */
final class WriteDerivation extends ModelFrame {
    private static final String FN = "Store::writeDerivation §2.1";
    private final Client c;
    private final int drv;
    private int i;

    WriteDerivation(World w, Client c, int drv) {
        super(w);
        this.c = c;
        this.drv = drv;
    }

    @Override
    protected int subject() { // the path this activation is about, for transfers
        return drv;
    }

    @Override
    protected Control step(Actor self) {
        int[] refs = w.layout.refs(drv);
        switch (pc) {
            case 0: // step 1 (variants drv-only, drv-and-refs): addTempRoot(drvPath) ⟂[ipc]
                c.remember(drv);
                switch (w.switches.writeDerivation()) {
                    case ROOT_DRV:
                    case ROOT_DRV_AND_REFS:
                        pc = 1;
                        i = 0;
                        return self.call(c.store.addTempRoot(drv));
                    case NO_EARLY_RETURN:
                        return goTo(4);
                    default:
                        return goTo(2);
                }
            case 1: // drv-and-refs: addTempRoot(r) for every reference ⟂[ipc]
                if (w.switches.writeDerivation() == gcsim.variant.WriteDerivationMode.ROOT_DRV_AND_REFS) {
                    while (i < refs.length) {
                        int r = refs[i++];
                        if (r != drv) {
                            return self.call(c.store.addTempRoot(r));
                        }
                    }
                }
                return goTo(2);
            case 2: // step 2: isValidPath(drvPath) ⟂[ipc/db]
                pc = 3;
                return self.call(c.store.isValidPath(drv));
            case 3: // step 3: valid and no repair: return
                if ((Boolean) self.result()) {
                    if (k.tracing()) {
                        story(FN + " step 3", "writeDerivation(" + name(drv) + "): already valid, returns early"
                                + (w.switches.writeDerivation() == gcsim.variant.WriteDerivationMode.EARLY_RETURN
                                        ? " without a temp root" : ""));
                    }
                    return self.ret(drv);
                }
                return goTo(4);
            case 4: // step 4: addToStoreFromDump through the worker ⟂[ipc]
                if (k.tracing()) {
                    note(FN + " step 4", "writeDerivation(" + name(drv) + "): sends the derivation to the store");
                }
                pc = 5;
                return self.call(c.store.addToStore(drv));
            case 5:
                if (k.tracing()) {
                    story(FN + " step 4", "writeDerivation(" + name(drv) + ") done");
                }
                return self.ret(drv);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }
}
