package gcsim.search.stateful;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deep copy of everything reachable from a root: what lets the stateful search keep a world at a
 * branch point and run each branch on a copy, simulating only the new suffix of every execution.
 *
 * <p>Copies every field, {@link gcsim.kernel.Derived} ones included (a cache must travel with what
 * it caches), without running constructors (they would register resources with the kernel). Shares
 * what never changes: values, the scenario's constants, thrown faults, and the objects named in
 * {@code shared} (the search's own strategy). Records and capturing lambdas are rebuilt through
 * their constructors, since the JVM forbids writing their final fields. Not thread-safe.
 */
public final class Snapshot {
    private final Object[] shared;
    private final IdentityHashMap<Object, Object> copies = new IdentityHashMap<>(64);

    /** @param shared the few objects every copy refers to as they are */
    public Snapshot(Object... shared) {
        this.shared = shared.clone();
    }

    /** A copy of the graph under {@code root}, sharing nothing mutable with it. */
    @SuppressWarnings("unchecked")
    public <T> T copy(T root) {
        copies.clear();
        try {
            return (T) copyOf(root);
        } finally {
            copies.clear();
        }
    }

    /**
     * Like {@link #copy}, and leaves in {@code map} each copied object's copy (for the fingerprint
     * audit, which changes one field of one copied object).
     */
    public <T> T copy(T root, java.util.Map<Object, Object> map) {
        T c = copy0(root);
        map.putAll(copies);
        copies.clear();
        return c;
    }

    @SuppressWarnings("unchecked")
    private <T> T copy0(T root) {
        copies.clear();
        return (T) copyOf(root);
    }

    private Object copyOf(Object o) {
        if (o == null) {
            return null;
        }
        Shape s = Shape.of(o.getClass());
        switch (s.kind) {
            case VALUE, CONSTANT, FAULT, IMMUTABLE_LIST -> {
                return o;
            }
            default -> { }
        }
        for (Object x : shared) {
            if (x == o) {
                return o;
            }
        }
        Object done = copies.get(o);
        if (done != null) {
            return done;
        }
        return switch (s.kind) {
            case PRIMITIVE_ARRAY -> remember(o, cloneArray(o));
            case OBJECT_ARRAY -> {
                Object[] a = (Object[]) o;
                Object[] c = (Object[]) Array.newInstance(a.getClass().getComponentType(), a.length);
                copies.put(o, c);
                for (int i = 0; i < a.length; i++) {
                    c[i] = copyOf(a[i]);
                }
                yield c;
            }
            case ARRAY_LIST -> {
                ArrayList<?> l = (ArrayList<?>) o;
                ArrayList<Object> c = new ArrayList<>(Math.max(2, l.size()));
                copies.put(o, c);
                for (int i = 0, n = l.size(); i < n; i++) {
                    c.add(copyOf(l.get(i)));
                }
                yield c;
            }
            case ARRAYS_LIST -> {
                java.util.List<?> l = (java.util.List<?>) o;
                Object[] items = new Object[l.size()];
                java.util.List<Object> c = java.util.Arrays.asList(items);
                copies.put(o, c);
                for (int i = 0; i < items.length; i++) {
                    items[i] = copyOf(l.get(i));
                }
                yield c;
            }
            case ARRAY_DEQUE -> {
                ArrayDeque<Object> c = new ArrayDeque<>(Math.max(2, ((ArrayDeque<?>) o).size()));
                copies.put(o, c);
                for (Object e : (ArrayDeque<?>) o) {
                    c.add(copyOf(e));
                }
                yield c;
            }
            case TREE_MAP -> {
                TreeMap<?, ?> m = (TreeMap<?, ?>) o;
                @SuppressWarnings("unchecked")
                TreeMap<Object, Object> c = new TreeMap<>((java.util.Comparator<Object>) copyOf(m.comparator()));
                copies.put(o, c);
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    c.put(copyOf(e.getKey()), copyOf(e.getValue()));
                }
                yield c;
            }
            case TREE_SET -> {
                TreeSet<?> t = (TreeSet<?>) o;
                @SuppressWarnings("unchecked")
                TreeSet<Object> c = new TreeSet<>((java.util.Comparator<Object>) copyOf(t.comparator()));
                copies.put(o, c);
                for (Object e : t) {
                    c.add(copyOf(e));
                }
                yield c;
            }
            case LINKED_HASH_MAP -> {
                LinkedHashMap<Object, Object> c = new LinkedHashMap<>();
                copies.put(o, c);
                for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                    c.put(copyOf(e.getKey()), copyOf(e.getValue()));
                }
                yield c;
            }
            case BIT_SET -> remember(o, ((BitSet) o).clone());
            case RECORD, LAMBDA -> rebuilt(o, s);
            case OBJECT -> {
                Object c = Unsafes.allocate(s.type);
                copies.put(o, c);
                for (int i = 0; i < s.all.length; i++) {
                    Field f = s.all[i];
                    long off = s.offsets[i];
                    if (f.getType().isPrimitive()) {
                        Unsafes.copyPrimitive(o, c, f.getType(), off);
                    } else {
                        Unsafes.U.putObject(c, off, copyOf(Unsafes.U.getObject(o, off)));
                    }
                }
                yield c;
            }
            default -> throw new IllegalStateException(s.kind.toString());
        };
    }

    private Object remember(Object o, Object c) {
        copies.put(o, c);
        return c;
    }

    /** A record or capturing lambda: its parts first, then the constructor (so no cycle may run through it alone). */
    private Object rebuilt(Object o, Shape s) {
        if (s.all.length == 0) {
            return o; // a lambda that captures nothing is a constant
        }
        Object[] args = new Object[s.all.length];
        for (int i = 0; i < args.length; i++) {
            Object v = Unsafes.read(s.all[i], o);
            args[i] = s.all[i].getType().isPrimitive() ? v : copyOf(v);
        }
        Object again = copies.get(o); // a cycle through the parts may have rebuilt it already
        if (again != null) {
            return again;
        }
        try {
            return remember(o, s.constructor.newInstance(args));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy a " + s.type.getName(), e);
        }
    }

    private static Object cloneArray(Object o) {
        if (o instanceof int[] a) {
            return a.clone();
        } else if (o instanceof long[] a) {
            return a.clone();
        } else if (o instanceof boolean[] a) {
            return a.clone();
        } else if (o instanceof byte[] a) {
            return a.clone();
        } else if (o instanceof char[] a) {
            return a.clone();
        }
        throw new IllegalStateException("state holds a " + o.getClass().getName());
    }
}
