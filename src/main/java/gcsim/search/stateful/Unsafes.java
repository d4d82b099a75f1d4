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

    /** The offset of {@code type}'s field {@code name}, for a walker that reads one class specially. */
    static long offset(Class<?> type, String name) {
        try {
            return U.objectFieldOffset(type.getDeclaredField(name));
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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

    /** A field's value by reflection, for records and lambdas, whose offsets the JVM does not give out. */
    static Object read(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }
}
