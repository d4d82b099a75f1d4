package gcsim.model;

/** Store functions that are a single atomic step. */
final class Steps {
    private Steps() {}

    /** {@code isValidPath} on the local DB: one query, no root (§2.3 IsValidPath). */
    static final class IsValidPath extends ModelFrame {
        private final LocalStore ls;
        private final int p;

        IsValidPath(World w, LocalStore ls, int p) {
            super(w);
            this.ls = ls;
            this.p = p;
        }

        @Override
        protected int subject() { // the path this activation is about, for transfers
            return p;
        }

        @Override
        protected gcsim.kernel.Control step(gcsim.kernel.Actor self) {
            if (ls.cachedValid(p)) { // Store::isValidPath answers from the path-info cache
                if (k.tracing()) {
                    note("Store::isValidPath §2.2", "isValidPath(" + name(p) + ") = true, from this process's cache");
                }
                return self.ret(true);
            }
            if (pc == 0) {
                boolean v = w.db.isValid(p);
                if (k.tracing()) {
                    note("isValidPath §2.3", "isValidPath(" + name(p) + ") = " + v);
                }
                pc = 1;
                return self.ret(v);
            }
            throw new IllegalStateException();
        }
    }

    /**
     * {@code LocalStore::queryValidPaths} (local-store.cc 872–879 at master): one isValidPath per
     * path, each its own DB query ⟂[db], no root; the answer is the valid ones.
     */
    static final class QueryValidPaths extends ModelFrame {
        private final LocalStore ls;
        private final int[] paths;
        private final java.util.BitSet valid = new java.util.BitSet();
        private int i;

        QueryValidPaths(World w, LocalStore ls, int[] paths) {
            super(w);
            this.ls = ls;
            this.paths = paths;
        }

        @Override
        protected gcsim.kernel.Control step(gcsim.kernel.Actor self) {
            int p = paths[i++];
            if (ls.cachedValid(p) || w.db.isValid(p)) {
                valid.set(p);
            }
            if (i < paths.length) {
                return gcsim.kernel.Control.YIELD;
            }
            if (k.tracing()) {
                note("LocalStore::queryValidPaths §2.3", valid.cardinality() + " of " + paths.length
                        + " paths are valid; no root taken");
            }
            return self.ret(valid);
        }
    }

    /** {@code queryPathInfo}: throws "path '…' is not valid" for a missing path (§2.5, store-api.cc). */
    static final class QueryPathInfo extends ModelFrame {
        private final LocalStore ls;
        private final int p;

        QueryPathInfo(World w, LocalStore ls, int p) {
            super(w);
            this.ls = ls;
            this.p = p;
        }

        @Override
        protected int subject() { // the path this activation is about, for transfers
            return p;
        }

        @Override
        protected gcsim.kernel.Control step(gcsim.kernel.Actor self) {
            if (!w.db.isValid(p)) {
                if (k.tracing()) {
                    story("Store::queryPathInfo §2.5", "queryPathInfo(" + name(p) + "): not valid");
                }
                throw NixError.invalidPath("Store::queryPathInfo §2.5", w.layout.full(p));
            }
            if (k.tracing()) {
                note("Store::queryPathInfo §2.5", "queryPathInfo(" + name(p) + ") ok");
            }
            if (ls.pathInfoCache != null) {
                ls.pathInfoCache.set(p);
            }
            return self.ret(p);
        }
    }

    /** {@code addIndirectRoot}: gcroots/auto/<hash> → link, made atomically by rename (§2.10). */
    static final class AddIndirectRoot extends ModelFrame {
        private final String link;

        AddIndirectRoot(World w, String link) {
            super(w);
            this.link = link;
        }

        @Override
        protected gcsim.kernel.Control step(gcsim.kernel.Actor self) {
            w.roots.addIndirect(link);
            if (k.tracing()) {
                story("addIndirectRoot §2.10", "adds indirect root gcroots/auto → " + link);
            }
            return self.ret(null);
        }
    }
}
