package gcsim.search.stateful;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
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
 *
 * <p>Why it looks as it does: a search copies a world (a few hundred objects) once or more per
 * execution, and the copy was a quarter of a comparison's CPU, most of it spent in the identity map
 * that finds objects reached twice (each object of a copy is new, so its identity hash code is
 * made afresh when the next copy looks it up). So a container reached through a reference that is
 * its only one ({@link Shape#ownedThrough}: collections, and the kernel's own int arrays and bit
 * sets) is copied without entering the map; plain objects are copied by a plan worked out once per
 * class ({@link CopyPlan}); and the map is a table kept between copies ({@link IdentityTable}).
 */
public final class Snapshot {
    private final Object[] shared;
    /** Each copied object that may be reached again, to its copy; owned containers are not kept (see {@link Shape#ownedThrough}). */
    private final IdentityTable copies = new IdentityTable();
    /** Where {@link #copy(Object, Map)} wants every copied object's copy, or null. */
    private Map<Object, Object> keepAll;

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
    @SuppressWarnings("unchecked")
    public <T> T copy(T root, Map<Object, Object> map) {
        copies.clear();
        keepAll = map;
        try {
            return (T) copyOf(root);
        } finally {
            keepAll = null;
            copies.clear();
        }
    }

    private Object copyOf(Object o) {
        return o == null ? null : copyOf(o, Shape.of(o.getClass()), Shape.VIA_FIELD);
    }

    /** The shape of {@code o}: {@code guess} when it is the right one, as it nearly always is. */
    private static Shape shapeOf(Object o, Shape guess) {
        return guess != null && guess.type == o.getClass() ? guess : Shape.of(o.getClass());
    }

    /** @param via how {@code o} was reached (see {@link Shape#ownedThrough}) */
    private Object copyOf(Object o, Shape s, int via) {
        switch (s.kind) {
            case VALUE, CONSTANT, FAULT, IMMUTABLE_LIST -> {
                return o;
            }
            default -> { }
        }
        boolean owned = s.ownedThrough(via);
        if (!owned) {
            for (Object x : shared) {
                if (x == o) {
                    return o;
                }
            }
            Object done = copies.get(o);
            if (done != null) {
                return done;
            }
        }
        return switch (s.kind) {
            case PRIMITIVE_ARRAY -> remember(o, owned, cloneArray(o));
            case OBJECT_ARRAY -> {
                Object[] a = (Object[]) o;
                Object[] c = a.clone();
                remember(o, owned, c);
                Shape last = null;
                for (int i = 0; i < a.length; i++) {
                    Object e = a[i];
                    if (e != null) {
                        last = shapeOf(e, last);
                        c[i] = copyOf(e, last, Shape.VIA_FIELD);
                    }
                }
                yield c;
            }
            case ARRAY_LIST -> {
                ArrayList<?> l = (ArrayList<?>) o;
                ArrayList<Object> c = new ArrayList<>(Math.max(2, l.size()));
                remember(o, owned, c);
                Shape last = null;
                for (int i = 0, n = l.size(); i < n; i++) {
                    Object e = l.get(i);
                    if (e == null) {
                        c.add(null);
                    } else {
                        last = shapeOf(e, last);
                        c.add(copyOf(e, last, Shape.VIA_FIELD));
                    }
                }
                yield c;
            }
            case ARRAYS_LIST -> {
                java.util.List<?> l = (java.util.List<?>) o;
                Object[] items = new Object[l.size()];
                java.util.List<Object> c = java.util.Arrays.asList(items);
                remember(o, owned, c);
                for (int i = 0; i < items.length; i++) {
                    items[i] = copyOf(l.get(i));
                }
                yield c;
            }
            case ARRAY_DEQUE -> {
                ArrayDeque<Object> c = new ArrayDeque<>(Math.max(2, ((ArrayDeque<?>) o).size()));
                remember(o, owned, c);
                Shape last = null;
                for (Object e : (ArrayDeque<?>) o) {
                    last = shapeOf(e, last); // a deque holds no nulls
                    c.add(copyOf(e, last, Shape.VIA_FIELD));
                }
                yield c;
            }
            case TREE_MAP -> {
                TreeMap<?, ?> m = (TreeMap<?, ?>) o;
                @SuppressWarnings("unchecked")
                TreeMap<Object, Object> c = new TreeMap<>((java.util.Comparator<Object>) copyOf(m.comparator()));
                remember(o, owned, c);
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    c.put(copyOf(e.getKey()), copyOf(e.getValue()));
                }
                yield c;
            }
            case TREE_SET -> {
                TreeSet<?> t = (TreeSet<?>) o;
                @SuppressWarnings("unchecked")
                TreeSet<Object> c = new TreeSet<>((java.util.Comparator<Object>) copyOf(t.comparator()));
                remember(o, owned, c);
                for (Object e : t) {
                    c.add(copyOf(e));
                }
                yield c;
            }
            case LINKED_HASH_MAP -> {
                LinkedHashMap<Object, Object> c = new LinkedHashMap<>();
                remember(o, owned, c);
                for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                    c.put(copyOf(e.getKey()), copyOf(e.getValue()));
                }
                yield c;
            }
            case BIT_SET -> remember(o, owned, ((BitSet) o).clone());
            case RECORD, LAMBDA -> rebuilt(o, s, owned);
            case OBJECT -> {
                Object c = Unsafes.allocate(s.type);
                remember(o, owned, c);
                CopyPlan plan = s.plan;
                plan.copyPrimitives(o, c);
                var u = Unsafes.U;
                long[] refs = plan.references;
                Shape[] guesses = plan.lastShapes;
                for (int k = 0; k < refs.length; k++) {
                    Object v = u.getObject(o, refs[k]);
                    if (v != null) {
                        Shape vs = CopyPlan.shapeOf(v, guesses, k);
                        u.putObject(c, refs[k], copyOf(v, vs, plan.kernelOwned[k] ? Shape.VIA_KERNEL_FIELD : Shape.VIA_FIELD));
                    }
                }
                yield c;
            }
            default -> throw new IllegalStateException(s.kind.toString());
        };
    }

    /** Records {@code c} as the copy of {@code o} unless {@code o} is owned (reached once), and returns it. */
    private Object remember(Object o, boolean owned, Object c) {
        if (!owned) {
            copies.put(o, c, 0);
        }
        if (keepAll != null) {
            keepAll.put(o, c);
        }
        return c;
    }

    /** A record or capturing lambda: its parts first, then the constructor (so no cycle may run through it alone). */
    private Object rebuilt(Object o, Shape s, boolean owned) {
        if (s.all.length == 0) {
            return o; // a lambda that captures nothing is a constant
        }
        Object[] args = new Object[s.all.length];
        for (int i = 0; i < args.length; i++) {
            Object v = Unsafes.read(s.all[i], o);
            args[i] = s.all[i].getType().isPrimitive() || v == null ? v : copyOf(v, Shape.of(v.getClass()), Shape.VIA_CAPTURE);
        }
        Object again = copies.get(o); // a cycle through the parts may have rebuilt it already
        if (again != null) {
            return again;
        }
        try {
            return remember(o, owned, s.constructor.newInstance(args));
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
