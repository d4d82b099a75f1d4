package gcsim.search.stateful;

import java.lang.reflect.Field;

/**
 * What copying one plain object of a class takes, worked out once per class: the offsets of its
 * reference fields and of its primitive fields grouped by width, so that {@link Snapshot} copies an
 * object with one loop per group and no reflection (no {@code Field.getType()}, no type switch per
 * field) on its hot path, which runs for every object of every copied world.
 *
 * <p>Why widths rather than types: a field's bits are all that a copy must carry, so a {@code
 * double} travels as a {@code long} and a {@code float} as an {@code int}; the value is never read.
 */
final class CopyPlan {
    /** Offsets of the reference fields. */
    final long[] references;
    /**
     * For each reference field, the shape of the first class it was seen to hold: a field nearly
     * always holds one class, and checking that is cheaper than the class-value lookup of {@link
     * Shape#of}. Set once (racily, by whichever thread copying this class comes first; any shape is
     * right for its own class) and never rewritten, so that two search threads do not pass the
     * cache line back and forth for a field that holds several classes.
     */
    final Shape[] lastShapes;
    /** For each reference field, whether {@link Shape#kernelOwns} it. */
    final boolean[] kernelOwned;
    /** Offsets of the 8-byte fields ({@code long}, {@code double}). */
    final long[] wide;
    /** Offsets of the 4-byte fields ({@code int}, {@code float}). */
    final long[] ints;
    /** Offsets of the 2-byte fields ({@code short}, {@code char}). */
    final long[] shorts;
    /** Offsets of the 1-byte fields ({@code boolean}, {@code byte}). */
    final long[] bytes;

    /** Offsets of the state fields (what a fingerprint reads), in {@link Shape#state}'s order. */
    final long[] stateOffsets;
    /** Each state field's type: one of the {@code T_} codes, {@link #T_REFERENCE} for references. */
    final byte[] stateTypes;
    /** Like {@link #lastShapes}, for the state fields that are references. */
    final Shape[] lastStateShapes;
    /** Like {@link #kernelOwned}, for the state fields. */
    final boolean[] stateKernelOwned;

    static final byte T_REFERENCE = 0, T_INT = 1, T_LONG = 2, T_BOOLEAN = 3, T_BYTE = 4, T_SHORT = 5, T_CHAR = 6,
            T_DOUBLE = 7, T_FLOAT = 8;

    CopyPlan(Field[] fields, long[] offsets, int[] state) {
        stateOffsets = new long[state.length];
        stateTypes = new byte[state.length];
        lastStateShapes = new Shape[state.length];
        stateKernelOwned = new boolean[state.length];
        for (int k = 0; k < state.length; k++) {
            stateKernelOwned[k] = Shape.kernelOwns(fields[state[k]]);
            stateOffsets[k] = offsets[state[k]];
            stateTypes[k] = typeCode(fields[state[k]].getType());
        }
        int r = 0, w = 0, i4 = 0, s = 0, b = 0;
        long[] ref = new long[fields.length];
        long[] l8 = new long[fields.length];
        long[] l4 = new long[fields.length];
        long[] l2 = new long[fields.length];
        long[] l1 = new long[fields.length];
        for (int k = 0; k < fields.length; k++) {
            Class<?> t = fields[k].getType();
            long off = offsets[k];
            if (!t.isPrimitive()) {
                ref[r++] = off;
            } else if (t == long.class || t == double.class) {
                l8[w++] = off;
            } else if (t == int.class || t == float.class) {
                l4[i4++] = off;
            } else if (t == short.class || t == char.class) {
                l2[s++] = off;
            } else {
                l1[b++] = off;
            }
        }
        references = java.util.Arrays.copyOf(ref, r);
        lastShapes = new Shape[r];
        kernelOwned = new boolean[r];
        for (int k = 0, j = 0; k < fields.length; k++) {
            if (!fields[k].getType().isPrimitive()) {
                kernelOwned[j++] = Shape.kernelOwns(fields[k]);
            }
        }
        wide = java.util.Arrays.copyOf(l8, w);
        ints = java.util.Arrays.copyOf(l4, i4);
        shorts = java.util.Arrays.copyOf(l2, s);
        bytes = java.util.Arrays.copyOf(l1, b);
    }

    private static byte typeCode(Class<?> t) {
        if (!t.isPrimitive()) {
            return T_REFERENCE;
        }
        return t == int.class ? T_INT : t == long.class ? T_LONG : t == boolean.class ? T_BOOLEAN : t == byte.class
                ? T_BYTE : t == short.class ? T_SHORT : t == char.class ? T_CHAR : t == double.class ? T_DOUBLE : T_FLOAT;
    }

    /** A primitive state field's value as a long, for a fingerprint: floating-point values by their bits. */
    static long primitive(Object o, byte type, long offset) {
        var u = Unsafes.U;
        return switch (type) {
            case T_INT -> u.getInt(o, offset);
            case T_LONG -> u.getLong(o, offset);
            case T_BOOLEAN -> u.getBoolean(o, offset) ? 1 : 0;
            case T_BYTE -> u.getByte(o, offset);
            case T_SHORT -> u.getShort(o, offset);
            case T_CHAR -> u.getChar(o, offset);
            case T_DOUBLE -> Double.doubleToLongBits(u.getDouble(o, offset));
            case T_FLOAT -> Float.floatToIntBits(u.getFloat(o, offset));
            default -> throw new IllegalArgumentException("type " + type);
        };
    }

    /** Copies every primitive field of {@code from} into {@code to}, a fresh instance of the same class. */
    void copyPrimitives(Object from, Object to) {
        var u = Unsafes.U;
        for (long off : ints) {
            u.putInt(to, off, u.getInt(from, off));
        }
        for (long off : wide) {
            u.putLong(to, off, u.getLong(from, off));
        }
        for (long off : bytes) {
            u.putByte(to, off, u.getByte(from, off));
        }
        for (long off : shorts) {
            u.putShort(to, off, u.getShort(from, off));
        }
    }

    /**
     * {@code v}'s shape, guessed from the class field {@code k} held the first time ({@code guesses}
     * is {@link #lastShapes} or {@link #lastStateShapes}): a field mostly holds one class, and the
     * guess saves a {@code ClassValue} lookup per reference.
     */
    static Shape shapeOf(Object v, Shape[] guesses, int k) {
        Shape vs = guesses[k];
        if (vs == null) {
            vs = Shape.of(v.getClass());
            guesses[k] = vs;
        } else if (vs.type != v.getClass()) {
            vs = Shape.of(v.getClass());
        }
        return vs;
    }
}
