package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;

/**
 * The evaluator's {@code import} of a path that is a valid .drv (primops.cc 295–317 at master):
 * isValidPath with no root (305), then derivationToValue → readDerivation (232), whose accessor asks
 * isValidPath again (store-api.cc 1203, local-fs-store.cc 162–166) before reading the file
 * (store-api.cc 1204). Nothing roots the drv unless #15795's switch takes a temp root first; a
 * collection in between makes the read fail.
 */
final class ImportDerivation extends ModelFrame {
    private static final String FN = "import (primops.cc)";
    private final Client c;
    private final int drv;
    private final boolean tolerateCollected;

    ImportDerivation(World w, Client c, int drv, boolean tolerateCollected) {
        super(w);
        this.c = c;
        this.drv = drv;
        this.tolerateCollected = tolerateCollected;
    }

    @Override
    protected Control step(Actor self) {
        switch (pc) {
            case 0: // #15795 (52f00a33f6): addTempRoot(drv) before the check ⟂[ipc]
                if (w.switches.importDrvRoot()) {
                    pc = 1;
                    return self.call(c.store.addTempRoot(drv));
                }
                return goTo(1);
            case 1: // isValidDerivationInStore: isValidPath(drv) ⟂[ipc] (primops.cc 305)
                pc = 2;
                return self.call(c.store.isValidPath(drv));
            case 2:
                if (!(Boolean) self.result()) { // not valid: evalFile reads it as a Nix file
                    if (tolerateCollected) { // the scenario's caller holds no root: collected before import
                        if (k.tracing()) {
                            note(FN, name(drv) + " was collected before import checked it; the error is tolerated");
                        }
                        return self.ret(null);
                    }
                    if (!w.store.exists(drv)) {
                        throw missing("evalFile (import of a path that is not a valid derivation)");
                    }
                    throw new NixError(NixError.ERROR, "evalFile (import of an invalid .drv still on disk)", w.layout.full(drv),
                            "syntax error, unexpected ',' in '" + w.layout.full(drv) + "'");
                }
                pc = 3; // readDerivation: requireStoreObjectAccessor → isValidPath ⟂[ipc]
                return self.call(c.store.isValidPath(drv));
            case 3:
                if (!(Boolean) self.result()) {
                    if (k.tracing()) {
                        story(FN, name(drv) + " was valid when import checked it and is not any more");
                    }
                    throw new NixError(NixError.INVALID_PATH, "Store::requireStoreObjectAccessor (readDerivation in import)",
                            w.layout.full(drv), "path '" + w.layout.full(drv) + "' is not a valid store path");
                }
                return yieldTo(4);
            case 4: // readFile ⟂[fs] (store-api.cc 1204)
                if (!w.store.exists(drv)) {
                    throw missing("readDerivation (import of a valid .drv)");
                }
                if (k.tracing()) {
                    note(FN, "reads " + name(drv) + " and turns it into a value");
                }
                return self.ret(null);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }

    private NixError missing(String check) {
        if (k.tracing()) {
            story(FN, name(drv) + " is gone from the store when the evaluator reads it");
        }
        return new NixError(NixError.MISSING_FILE, check, w.layout.full(drv),
                "opening file '" + w.layout.full(drv) + "': No such file or directory");
    }
}
