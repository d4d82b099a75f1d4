package gcsim.search.stateful;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * Direct field access for the state walkers. Why not {@link Field#get}: a snapshot copies every
 * field of some thousands of objects per explored transition, and reflective access costs several
 * times more than the copy itself; and a copy must be made without running constructors, which
 * register resources with the kernel. {@code sun.misc.Unsafe} is exported by {@code jdk.unsupported}
 * to every module, so this needs no JVM flag.
 */
final class Unsafes {
    static final Unsafe U;

    static {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            U = (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Unsafes() {}

    static long[] offsets(Field[] fields) {
        long[] out = new long[fields.length];
        for (int i = 0; i < fields.length; i++) {
            out[i] = U.objectFieldOffset(fields[i]);
        }
        return out;
    }

    /** A new instance of {@code type} with every field zero, no constructor run. */
    static Object allocate(Class<?> type) {
        try {
            return U.allocateInstance(type);
        } catch (InstantiationException e) {
            throw new IllegalStateException("cannot copy a " + type.getName(), e);
        }
    }

    /** The value of a field as a long (primitives) for fingerprints; references are not read here. */
    static long primitive(Object o, Field f, long offset) {
        Class<?> t = f.getType();
        if (t == int.class) {
            return U.getInt(o, offset);
        } else if (t == long.class) {
            return U.getLong(o, offset);
        } else if (t == boolean.class) {
            return U.getBoolean(o, offset) ? 1 : 0;
        } else if (t == byte.class) {
            return U.getByte(o, offset);
        } else if (t == short.class) {
            return U.getShort(o, offset);
        } else if (t == char.class) {
            return U.getChar(o, offset);
        } else if (t == double.class) {
            return Double.doubleToLongBits(U.getDouble(o, offset));
        } else if (t == float.class) {
            return Float.floatToIntBits(U.getFloat(o, offset));
        }
        throw new IllegalArgumentException(t.getName());
    }

    /** Copies a primitive field from {@code from} to {@code to}. */
    static void copyPrimitive(Object from, Object to, Class<?> t, long offset) {
        if (t == int.class) {
            U.putInt(to, offset, U.getInt(from, offset));
        } else if (t == long.class) {
            U.putLong(to, offset, U.getLong(from, offset));
        } else if (t == boolean.class) {
            U.putBoolean(to, offset, U.getBoolean(from, offset));
        } else if (t == byte.class) {
            U.putByte(to, offset, U.getByte(from, offset));
        } else if (t == short.class) {
            U.putShort(to, offset, U.getShort(from, offset));
        } else if (t == char.class) {
            U.putChar(to, offset, U.getChar(from, offset));
        } else if (t == double.class) {
            U.putDouble(to, offset, U.getDouble(from, offset));
        } else if (t == float.class) {
            U.putFloat(to, offset, U.getFloat(from, offset));
        } else {
            throw new IllegalArgumentException(t.getName());
        }
    }

    /** A field's value by reflection, for records and lambdas, whose offsets the JVM does not give out. */
    static Object read(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }
}
