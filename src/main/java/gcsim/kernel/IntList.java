package gcsim.kernel;

import java.util.Arrays;

/** A growable list of ints without boxing, for schedules and footprints on the hot path. */
public final class IntList {
    private int[] items;
    private int size;

    public IntList() {
        this(16);
    }

    public IntList(int capacity) {
        items = new int[Math.max(4, capacity)];
    }

    public static IntList of(int... values) {
        IntList l = new IntList(values.length);
        for (int v : values) {
            l.add(v);
        }
        return l;
    }

    public void add(int v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = v;
    }

    public int get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return items[i];
    }

    public void set(int i, int v) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        items[i] = v;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        size = 0;
    }

    public void truncate(int newSize) {
        if (newSize < size) {
            size = newSize;
        }
    }

    public boolean contains(int v) {
        return indexOf(v) >= 0;
    }

    public int indexOf(int v) {
        for (int i = 0; i < size; i++) {
            if (items[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** Removes the first occurrence of {@code v}, keeping order; true if it was there. */
    public boolean removeValue(int v) {
        int i = indexOf(v);
        if (i < 0) {
            return false;
        }
        System.arraycopy(items, i + 1, items, i, size - i - 1);
        size--;
        return true;
    }

    public int removeAt(int i) {
        int v = get(i);
        System.arraycopy(items, i + 1, items, i, size - i - 1);
        size--;
        return v;
    }

    public int[] toArray() {
        return Arrays.copyOf(items, size);
    }

    public IntList copy() {
        IntList c = new IntList(size);
        System.arraycopy(items, 0, c.items, 0, size);
        c.size = size;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntList other && Arrays.equals(toArray(), other.toArray());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toArray());
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }
}
