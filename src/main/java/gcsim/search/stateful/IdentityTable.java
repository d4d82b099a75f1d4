package gcsim.search.stateful;

/**
 * A map from objects, by identity, to their copies (for {@link Snapshot}) or to their numbers (for
 * {@link Fingerprint}): what the state walkers use to see sharing and cycles.
 *
 * <p>Why not {@link java.util.IdentityHashMap}: a walker fills and empties its map once per world,
 * hundreds of thousands of times per search, and profiles put a quarter of the whole comparison in
 * that map. This one is open-addressed over two parallel arrays sized once and kept, empties by
 * forgetting only the slots it filled, and keeps numbers unboxed. Identity hash codes are used here
 * only to place entries; they never reach a copy, a fingerprint or anything the model computes.
 * Not thread-safe.
 */
final class IdentityTable {
    private Object[] keys = new Object[1024];
    private Object[] values = new Object[1024];
    private int[] numbers = new int[1024];
    /** The slots filled since the last {@link #clear}, so that clearing costs what was filled. */
    private int[] filled = new int[512];
    private int size;

    int size() {
        return size;
    }

    /** The copy recorded for {@code key}, or null. */
    Object get(Object key) {
        int i = find(key);
        return i < 0 ? null : values[i];
    }

    /** The number recorded for {@code key}, or -1. */
    int number(Object key) {
        int i = find(key);
        return i < 0 ? -1 : numbers[i];
    }

    /** The slot holding {@code key}, or -1: linear probing from its hash until the key or a free slot. */
    private int find(Object key) {
        Object[] ks = keys;
        int mask = ks.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            Object k = ks[i];
            if (k == key) {
                return i;
            }
            if (k == null) {
                return -1;
            }
        }
    }

    /** Records {@code key}, not yet present, with a copy and a number. */
    void put(Object key, Object value, int number) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        numbers[i] = number;
        filled[size++] = i;
    }

    /** Forgets every entry, keeping the arrays. */
    void clear() {
        Object[] ks = keys;
        Object[] vs = values;
        for (int j = 0; j < size; j++) {
            int i = filled[j];
            ks[i] = null;
            vs[i] = null;
        }
        size = 0;
    }

    private static int slot(Object key, int mask) {
        int h = System.identityHashCode(key);
        return (h ^ (h >>> 16)) & mask;
    }

    private void grow() {
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        int[] oldNumbers = numbers;
        int[] oldFilled = filled;
        int n = size;
        keys = new Object[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        numbers = new int[oldKeys.length * 2];
        filled = new int[oldKeys.length];
        size = 0;
        for (int j = 0; j < n; j++) {
            int i = oldFilled[j];
            put(oldKeys[i], oldValues[i], oldNumbers[i]);
        }
    }
}
