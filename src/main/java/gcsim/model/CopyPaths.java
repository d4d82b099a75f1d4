package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.kernel.IntList;
import java.util.BitSet;

/**
 * {@code copyPaths} to the process's store (store-api.cc 1024–1111 at master), as {@code nix copy}
 * and a remote build's input upload run it: ask the destination which paths it has
 * (QueryValidPaths, which takes no root), then stream the missing ones, references first
 * (AddMultipleToStore). With #16113's switch it first temp-roots every path on the destination, so
 * the ones it is told are valid stay valid until the copy is done.
 */
final class CopyPaths extends ModelFrame {
    private static final String FN = "copyPaths";
    private final Client c;
    /** The closure to copy, references before referrers (what topoSortPaths gives the sender). */
    private final int[] paths;
    private int i;

    CopyPaths(World w, Client c, int[] paths) {
        super(w);
        this.c = c;
        this.paths = paths;
    }

    /** The closure of {@code roots} over the declared references, each path after its references. */
    static int[] closure(StoreLayout layout, int[] roots) {
        IntList out = new IntList(roots.length * 2);
        BitSet seen = new BitSet();
        for (int r : roots) {
            visit(layout, r, seen, out);
        }
        int[] a = new int[out.size()];
        for (int j = 0; j < a.length; j++) {
            a[j] = out.get(j);
        }
        return a;
    }

    private static void visit(StoreLayout layout, int p, BitSet seen, IntList out) {
        if (seen.get(p)) {
            return;
        }
        seen.set(p);
        for (int r : layout.refs(p)) {
            visit(layout, r, seen, out);
        }
        out.add(p);
    }

    @Override
    protected Control step(Actor self) {
        switch (pc) {
            case 0: // #16113 (945830f31c): dstStore.addTempRoot(path) for every path, before the query
                if (w.switches.copyTempRoots() && i < paths.length) {
                    return self.call(c.store.addTempRoot(paths[i++]));
                }
                pc = 1;
                return self.call(c.store.queryValidPaths(paths)); // store-api.cc 1032 ⟂[ipc]
            case 1: { // the missing paths (1034–1040); none: return early (b886f7ed77)
                BitSet valid = (BitSet) self.result();
                IntList missing = new IntList(paths.length);
                for (int p : paths) {
                    if (!valid.get(p)) {
                        missing.add(p);
                    }
                }
                if (k.tracing()) {
                    note(FN, "the destination has " + valid.cardinality() + " of " + paths.length + " paths; "
                            + missing.size() + " to send");
                }
                if (missing.size() == 0) {
                    return self.ret(null);
                }
                int[] send = new int[missing.size()];
                for (int j = 0; j < send.length; j++) {
                    send[j] = missing.get(j);
                }
                pc = 2;
                return self.call(c.store.addMultipleToStore(send)); // store-api.cc 1108 ⟂[ipc]
            }
            case 2:
                return self.ret(null);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }

    /**
     * The build hook's side of a remote build (build-remote.cc at master): copyPaths of the inputs'
     * closure to the builder (317), then BuildDerivation with the BasicDerivation (371). The process's
     * store stands for the builder's.
     */
    static final class RemoteBuild extends ModelFrame {
        private final Client c;
        private final int drv;
        private final java.util.List<gcsim.scenario.Op> builder;

        RemoteBuild(World w, Client c, int drv, java.util.List<gcsim.scenario.Op> builder) {
            super(w);
            this.c = c;
            this.drv = drv;
            this.builder = builder;
        }

        @Override
        protected Control step(Actor self) {
            switch (pc) {
                case 0: // copyPaths(store, sshStore, inputs) (build-remote.cc 317)
                    pc = 1;
                    return self.call(new CopyPaths(w, c, closure(w.layout, BuildDerivation.inputs(w.layout, drv))));
                case 1: // sshStore->buildDerivation(drvPath, drv) (371) ⟂[ipc]
                    pc = 2;
                    return self.call(c.store.buildDerivation(drv, builder));
                case 2:
                    return self.ret(null);
                default:
                    throw new IllegalStateException("pc " + pc);
            }
        }
    }
}
