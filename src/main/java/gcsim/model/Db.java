package gcsim.model;

import gcsim.kernel.IntList;
import gcsim.kernel.Kernel;

/**
 * The SQLite database: {@code ValidPaths} rows with their deriver, and {@code Refs} rows. Each
 * public method is one transaction, so one atomic step (§1 item 1): SQLite serialises them, and
 * {@code retrySQLite} makes a busy transaction look like a later one.
 *
 * <p>Invariant: for every valid path, every registered reference is valid. The foreign key on
 * {@code Refs.reference} (ON DELETE RESTRICT) and the reference check in registerValidPaths keep it;
 * the {@code invariant} oracle checks it after every step that wrote here.
 */
public final class Db {
    private final StoreLayout layout;
    private final Kernel kernel;
    private final boolean[] valid;
    private final int[][] refs;
    private final int[] deriver;
    private final int firstResource;
    private boolean dirty;

    Db(StoreLayout layout, Kernel kernel) {
        this.layout = layout;
        this.kernel = kernel;
        int n = layout.size();
        valid = new boolean[n];
        refs = new int[n][];
        deriver = new int[n];
        int first = -1;
        for (int i = 0; i < n; i++) {
            int r = kernel.newResource();
            if (i == 0) {
                first = r;
            }
        }
        firstResource = first;
        for (int p = 0; p < n; p++) {
            if (layout.presentAtStart(p)) {
                valid[p] = true;
                refs[p] = layout.refs(p);
                deriver[p] = layout.deriver(p);
            }
        }
    }

    private int row(int p) {
        return firstResource + p;
    }

    /** {@code isValidPath}: one query. */
    public boolean isValid(int p) {
        kernel.read(row(p));
        return valid[p];
    }

    /**
     * {@code registerValidPaths} for one path (§2.5 steps 2–5): insert or update the row, then look
     * up every reference; a missing one throws "path '…' is not valid" and rolls the whole
     * transaction back.
     */
    public void register(int p, int[] references, int deriverOf, String check) {
        for (int r : references) {
            kernel.read(row(r));
            if (r != p && !valid[r]) {
                throw NixError.invalidPath(check, layout.full(r));
            }
        }
        kernel.write(row(p));
        valid[p] = true;
        refs[p] = references;
        deriver[p] = deriverOf;
        dirty = true;
    }

    /**
     * {@code registerValidPaths} for several paths in one transaction (a build's outputs): every
     * reference is checked before anything is written, so a failure registers none of them.
     */
    public void registerAll(int[] paths, int deriverOf, String check) {
        for (int p : paths) {
            for (int r : layout.refs(p)) {
                kernel.read(row(r));
                if (!valid[r] && !contains(paths, r)) {
                    throw NixError.invalidPath(check, layout.full(r));
                }
            }
        }
        for (int p : paths) {
            kernel.write(row(p));
            valid[p] = true;
            refs[p] = layout.refs(p);
            deriver[p] = deriverOf;
        }
        dirty = true;
    }

    /**
     * {@code invalidatePathChecked} (§2.7 B9.3): refuses with PathInUse while another valid path
     * refers to {@code p}; otherwise deletes the row, and its Refs rows cascade.
     */
    public void invalidateChecked(int p) {
        kernel.write(row(p));
        if (!valid[p]) {
            return;
        }
        for (int q = 0; q < valid.length; q++) {
            kernel.read(row(q));
            if (q != p && valid[q] && contains(refs[q], p)) {
                throw new NixError(NixError.PATH_IN_USE, "invalidatePathChecked §2.7 B9", layout.full(p),
                        "cannot delete path '" + layout.full(p) + "' because it is in use by '" + layout.full(q) + "'");
            }
        }
        valid[p] = false;
        refs[p] = null;
        dirty = true;
    }

    /** {@code queryGCReferrers}: valid paths whose references include {@code p}, in store-path order. */
    public IntList referrers(int p) {
        IntList out = new IntList(4);
        for (int q = 0; q < valid.length; q++) {
            kernel.read(row(q));
            if (valid[q] && contains(refs[q], p)) {
                out.add(q);
            }
        }
        return sortedByRank(out);
    }

    /**
     * {@code queryValidDerivers}: every valid derivation whose DerivationOutputs rows name {@code p}
     * as an output, whatever deriver {@code p}'s own row records.
     */
    public IntList validDrvsListing(int p) {
        IntList out = new IntList(2);
        for (int d = 0; d < valid.length; d++) {
            if (layout.isDrv(d) && Db.contains(layout.outputs(d), p)) {
                kernel.read(row(d));
                if (valid[d]) {
                    out.add(d);
                }
            }
        }
        return sortedByRank(out);
    }

    /** The valid outputs of {@code drv} from its DerivationOutputs rows, with no deriver check. */
    public IntList validOutputs(int drv) {
        IntList out = new IntList(2);
        kernel.read(row(drv));
        if (!valid[drv]) {
            return out;
        }
        for (int o : layout.outputs(drv)) {
            kernel.read(row(o));
            if (valid[o]) {
                out.add(o);
            }
        }
        return sortedByRank(out);
    }

    private IntList sortedByRank(IntList l) {
        for (int i = 1; i < l.size(); i++) { // insertion sort: these lists are tiny
            int v = l.get(i);
            int j = i - 1;
            while (j >= 0 && layout.rank(l.get(j)) > layout.rank(v)) {
                l.set(j + 1, l.get(j));
                j--;
            }
            l.set(j + 1, v);
        }
        return l;
    }

    boolean validQuiet(int p) {
        return valid[p];
    }

    /** The registered references of a valid path; empty for an invalid one. */
    public int[] references(int p) {
        kernel.read(row(p));
        return valid[p] ? refs[p] : new int[0];
    }

    /** The registered deriver of a valid path, or -1. */
    public int deriverOf(int p) {
        kernel.read(row(p));
        return valid[p] ? deriver[p] : -1;
    }

    /** Valid paths whose registered deriver is {@code drv} (queryValidDerivers' converse). */
    public IntList validOutputsOf(int drv) {
        IntList out = new IntList(2);
        for (int o : layout.outputs(drv)) {
            kernel.read(row(o));
            if (valid[o] && deriver[o] == drv) {
                out.add(o);
            }
        }
        return out;
    }

    /** The invariant: returns a violating (path, reference) pair as {@code p << 16 | r}, or -1. */
    public int firstDanglingReference() {
        for (int p = 0; p < valid.length; p++) {
            if (valid[p]) {
                for (int r : refs[p]) {
                    if (!valid[r]) {
                        return p << 16 | r;
                    }
                }
            }
        }
        return -1;
    }

    /** True once since the last call when a transaction wrote; lets the oracle skip clean steps. */
    public boolean takeDirty() {
        boolean d = dirty;
        dirty = false;
        return d;
    }

    static boolean contains(int[] a, int v) {
        if (a == null) {
            return false;
        }
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
