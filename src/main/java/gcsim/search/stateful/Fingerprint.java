package gcsim.search.stateful;

import gcsim.kernel.IntList;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A canonical 128-bit fingerprint of everything reachable from a root object: for a run of the
 * model, the store and database, files and their locks, sockets and their queues, timers, the
 * virtual clock, and every actor's frames with their program counters and locals.
 *
 * <p>Canonical: objects are numbered by their first visit in a fixed traversal (fields in
 * {@link Shape}'s order, collections in their own order, which the model keeps free of hash order),
 * and a second visit writes that number, so sharing and cycles count and identity hash codes never
 * do. Constants shared by every execution (the scenario, the layout) are numbered by first sight
 * over the whole search, since they are the same objects in every state. A container reached
 * through its only reference ({@link Shape#ownedThrough}) is numbered but not remembered: a second
 * visit cannot happen, and remembering it cost a fresh identity hash code. Not thread-safe: one per
 * search thread.
 */
public final class Fingerprint {
    /** A 128-bit fingerprint; {@code equals} by value. */
    public record Value(long high, long low) {}

    /** The objects numbered so far that may be reached again; owned containers are not kept (see {@link Shape#ownedThrough}). */
    private final IdentityTable seen = new IdentityTable();
    /** How many objects were numbered so far: the next one's number. */
    private int numbered;
    private final IdentityHashMap<Object, Long> constants = new IdentityHashMap<>();
    private long h1;
    private static final long INT_LIST_ITEMS = Unsafes.offset(IntList.class, "items");
    private static final long INT_LIST_SIZE = Unsafes.offset(IntList.class, "size");
    private long h2;

    /** The fingerprint of everything reachable from {@code root}. */
    public Value of(Object root) {
        seen.clear();
        numbered = 0;
        h1 = 0x243f6a8885a308d3L;
        h2 = 0x13198a2e03707344L;
        visit(root);
        return new Value(fmix(h1 ^ numbered), fmix(h2 + numbered));
    }

    /** How many objects the last fingerprint visited (constants and values aside): the size of a state. */
    public int objects() {
        return numbered;
    }

    /** The probability that some two of {@code n} distinct states share a 128-bit fingerprint: n²/2¹²⁹. */
    public static double collisionProbability(long n) {
        return (double) n * (double) n / Math.pow(2, 129);
    }

    private void emit(long v) {
        h1 = fmix(h1 ^ v) + 0x9e3779b97f4a7c15L;
        h2 = Long.rotateLeft(h2 + v * 0xc2b2ae3d27d4eb4fL, 31) * 0x165667b19e3779f9L;
    }

    private void visit(Object o) {
        if (o == null) {
            emit(0);
            return;
        }
        visit(o, Shape.of(o.getClass()), Shape.VIA_FIELD);
    }

    /** @param via how {@code o} was reached (see {@link Shape#ownedThrough}) */
    private void visit(Object o, Shape s, int via) {
        switch (s.kind) {
            case VALUE -> {
                emit(s.tag);
                emit(valueHash(o));
                return;
            }
            case CONSTANT -> {
                Long id = constants.get(o);
                if (id == null) {
                    id = (long) constants.size();
                    constants.put(o, id);
                }
                emit(3);
                emit(id);
                return;
            }
            default -> { }
        }
        if (!s.ownedThrough(via)) {
            int id = seen.number(o);
            if (id >= 0) {
                emit(1);
                emit(id);
                return;
            }
            seen.put(o, null, numbered);
        }
        numbered++;
        emit(s.tag);
        switch (s.kind) {
            case FAULT -> {
                emit(stringHash(((Throwable) o).getMessage()));
                reflected(o, s);
            }
            case PRIMITIVE_ARRAY -> primitiveArray(o);
            case OBJECT_ARRAY -> {
                Object[] a = (Object[]) o;
                emit(a.length);
                for (Object e : a) {
                    visit(e);
                }
            }
            case ARRAY_LIST, ARRAYS_LIST, IMMUTABLE_LIST -> {
                List<?> l = (List<?>) o;
                emit(l.size());
                for (int i = 0, n = l.size(); i < n; i++) {
                    visit(l.get(i));
                }
            }
            case ARRAY_DEQUE -> {
                emit(((ArrayDeque<?>) o).size());
                for (Object e : (ArrayDeque<?>) o) {
                    visit(e);
                }
            }
            case TREE_MAP, LINKED_HASH_MAP -> {
                Map<?, ?> m = (Map<?, ?>) o;
                emit(m.size());
                if (o instanceof TreeMap<?, ?> t) {
                    visit(t.comparator());
                }
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    visit(e.getKey());
                    visit(e.getValue());
                }
            }
            case TREE_SET -> {
                TreeSet<?> t = (TreeSet<?>) o;
                emit(t.size());
                visit(t.comparator());
                for (Object e : t) {
                    visit(e);
                }
            }
            case BIT_SET -> {
                long[] words = ((BitSet) o).toLongArray();
                emit(words.length);
                for (long w : words) {
                    emit(w);
                }
            }
            case RECORD, LAMBDA -> reflected(o, s);
            case OBJECT -> {
                if (s.type == IntList.class) {
                    intList(o);
                    return;
                }
                CopyPlan plan = s.plan;
                long[] offsets = plan.stateOffsets;
                byte[] types = plan.stateTypes;
                Shape[] guesses = plan.lastStateShapes;
                for (int k = 0; k < offsets.length; k++) {
                    if (types[k] != CopyPlan.T_REFERENCE) {
                        emit(CopyPlan.primitive(o, types[k], offsets[k]));
                        continue;
                    }
                    Object v = Unsafes.U.getObject(o, offsets[k]);
                    if (v == null) {
                        emit(0);
                        continue;
                    }
                    Shape vs = CopyPlan.shapeOf(v, guesses, k);
                    visit(v, vs, plan.stateKernelOwned[k] ? Shape.VIA_KERNEL_FIELD : Shape.VIA_FIELD);
                }
            }
            default -> throw new IllegalStateException(s.kind.toString());
        }
    }

    /**
     * An {@link IntList} by content: its size and its elements up to the size. Its array's length
     * and what lies past the size depend on the list's history (growth, truncation, capacities sized
     * from an earlier execution), so equal states would otherwise fingerprint differently and the
     * visited set would keep both. A missing array writes -1, so that the completeness audit's
     * clearing of the field still shows.
     */
    private void intList(Object o) {
        int[] items = (int[]) Unsafes.U.getObject(o, INT_LIST_ITEMS);
        int size = Unsafes.U.getInt(o, INT_LIST_SIZE);
        if (items == null) {
            emit(-1);
            return;
        }
        emit(size);
        for (int i = 0, n = Math.min(size, items.length); i < n; i++) {
            emit(items[i]);
        }
    }

    private void reflected(Object o, Shape s) {
        for (int i : s.state) {
            Field f = s.all[i];
            Object v = Unsafes.read(f, o);
            if (f.getType().isPrimitive()) {
                emit(valueHash(v));
            } else if (v == null) {
                emit(0);
            } else {
                visit(v, Shape.of(v.getClass()), Shape.VIA_CAPTURE);
            }
        }
    }

    private void primitiveArray(Object o) {
        if (o instanceof int[] a) {
            emit(a.length);
            for (int v : a) {
                emit(v);
            }
        } else if (o instanceof long[] a) {
            emit(a.length);
            for (long v : a) {
                emit(v);
            }
        } else if (o instanceof boolean[] a) {
            emit(a.length);
            for (boolean v : a) {
                emit(v ? 1 : 0);
            }
        } else if (o instanceof byte[] a) {
            emit(a.length);
            for (byte v : a) {
                emit(v);
            }
        } else if (o instanceof char[] a) {
            emit(stringHash(new String(a)));
        } else {
            throw new IllegalStateException("state holds a " + o.getClass().getName());
        }
    }

    private static long valueHash(Object v) {
        if (v instanceof String str) {
            return stringHash(str);
        } else if (v instanceof Number n) {
            return v instanceof Double || v instanceof Float ? Double.doubleToLongBits(n.doubleValue()) : n.longValue();
        } else if (v instanceof Boolean b) {
            return b ? 1 : 0;
        } else if (v instanceof Character c) {
            return c;
        } else if (v instanceof Enum<?> e) {
            return stringHash(e.name());
        } else if (v instanceof Class<?> c) {
            return stringHash(c.getName());
        }
        throw new IllegalStateException(v.getClass().getName());
    }

    /** A 64-bit hash of a string's characters; the same in every JVM. */
    static long stringHash(String s) {
        if (s == null) {
            return 0x51ed27;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return fmix(h);
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb53a185a4e63L;
        k ^= k >>> 33;
        return k;
    }
}
