package gcsim.search.dfs;

import java.util.Arrays;

/**
 * Footprints as sorted sets of accesses, one per resource ({@code resource << 1 | write}, the write
 * bit set when any access wrote). Sleep sets compare a sleeping step with the step just taken; a
 * sorted form makes that a merge instead of a quadratic scan, and lets the footprints of every value
 * a step's data choices took be merged into one conservative footprint.
 */
final class Accesses {
    static final int[] NONE = new int[0];

    private Accesses() {}

    /** The set form of a kernel footprint (which may repeat resources, reads and writes mixed). */
    static int[] normalize(int[] raw) {
        if (raw.length == 0) {
            return NONE;
        }
        int[] a = raw.clone();
        Arrays.sort(a);
        int n = 0;
        for (int x : a) {
            if (n > 0 && (a[n - 1] >>> 1) == (x >>> 1)) {
                a[n - 1] |= x & 1;
            } else {
                a[n++] = x;
            }
        }
        return n == a.length ? a : Arrays.copyOf(a, n);
    }

    /** Every access of either set, a write where either writes. */
    static int[] union(int[] a, int[] b) {
        if (a.length == 0) {
            return b;
        }
        if (b.length == 0 || Arrays.equals(a, b)) {
            return a;
        }
        int[] out = new int[a.length + b.length];
        int i = 0, j = 0, n = 0;
        while (i < a.length || j < b.length) {
            int x;
            if (j == b.length || (i < a.length && (a[i] >>> 1) < (b[j] >>> 1))) {
                x = a[i++];
            } else if (i == a.length || (b[j] >>> 1) < (a[i] >>> 1)) {
                x = b[j++];
            } else {
                x = a[i++] | b[j++];
            }
            out[n++] = x;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * True when both touch a resource numbered {@code from} or above and at least one of those
     * accesses is a write: fresh resources, whose numbers differ between executions, are compared as
     * if they were all one resource.
     */
    static boolean freshConflict(int[] a, int[] b, int from) {
        int fa = freshAccess(a, from);
        int fb = freshAccess(b, from);
        return fa >= 0 && fb >= 0 && (fa | fb) == 1;
    }

    /** -1 when no access is at or above {@code from}, else 1 when one of those writes, else 0. */
    private static int freshAccess(int[] a, int from) {
        int found = -1;
        for (int x : a) {
            if ((x >>> 1) >= from) {
                if ((x & 1) != 0) {
                    return 1;
                }
                found = 0;
            }
        }
        return found;
    }

    /** True when both touch some resource and at least one of them writes it. */
    static boolean dependent(int[] a, int[] b) {
        int i = 0, j = 0;
        while (i < a.length && j < b.length) {
            int ra = a[i] >>> 1, rb = b[j] >>> 1;
            if (ra < rb) {
                i++;
            } else if (rb < ra) {
                j++;
            } else {
                if (((a[i] | b[j]) & 1) != 0) {
                    return true;
                }
                i++;
                j++;
            }
        }
        return false;
    }
}
