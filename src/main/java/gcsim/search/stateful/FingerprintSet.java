package gcsim.search.stateful;

/**
 * The visited set: 128-bit fingerprints in open addressing over two long arrays, 16 bytes a state,
 * so that millions of states fit where a set of objects would take ten times the memory.
 */
final class FingerprintSet {
    private long[] high = new long[1 << 12];
    private long[] low = new long[1 << 12];
    private boolean[] used = new boolean[1 << 12];
    private int size;

    int size() {
        return size;
    }

    /** Adds the fingerprint; false when it was already there. */
    boolean add(Fingerprint.Value v) {
        if ((size + 1) * 4L > used.length * 3L) {
            grow();
        }
        return insert(v.high(), v.low());
    }

    boolean contains(Fingerprint.Value v) {
        int mask = used.length - 1;
        long l = v.low();
        int i = (int) (l ^ (l >>> 32)) & mask;
        while (used[i]) {
            if (high[i] == v.high() && low[i] == l) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    private boolean insert(long h, long l) {
        int mask = used.length - 1;
        int i = (int) (l ^ (l >>> 32)) & mask;
        while (used[i]) {
            if (high[i] == h && low[i] == l) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        high[i] = h;
        low[i] = l;
        size++;
        return true;
    }

    private void grow() {
        long[] oh = high;
        long[] ol = low;
        boolean[] ou = used;
        high = new long[oh.length * 2];
        low = new long[ol.length * 2];
        used = new boolean[ou.length * 2];
        size = 0;
        for (int i = 0; i < ou.length; i++) {
            if (ou[i]) {
                insert(oh[i], ol[i]);
            }
        }
    }
}
