package gcsim.search.stateful;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks, on a real world, the promise the state walkers rely on when they skip their identity map
 * ({@link Shape#ownedThrough}): that an object reached through an owning reference (a collection,
 * or a primitive array or bit set in a kernel field) is reached through that reference only. Were one reached twice, a {@link Snapshot} would copy it twice, and
 * the copy would hold two containers where the original held one; a {@link Fingerprint} would
 * number it twice rather than write a back-reference. Neither would be seen in a run until the two
 * copies disagreed, so this audit looks for the sharing itself.
 *
 * <p>It follows every reference a copy follows (all fields, history and derived ones too, and the
 * elements of every container, immutable lists included, which the fingerprint walks), counts the
 * references to each object, and reports each object that an owning reference reaches and that is
 * reached more than once, with the places that reach it. Not thread-safe.
 */
public final class OwnershipAudit {
    /** Where each reached object was reached from: "Class.field" or a container's kind. */
    private final IdentityHashMap<Object, List<String>> holders = new IdentityHashMap<>();
    /** The reached objects that some owning reference reached. */
    private final IdentityHashMap<Object, Boolean> ownedOnes = new IdentityHashMap<>();
    private final List<String> shared = new ArrayList<>();
    private long owned;

    /** Owned objects reached more than once so far, each with where it was found and its holders. */
    public List<String> shared() {
        return shared;
    }

    /** How many owned objects the audit has seen, over every world. */
    public long ownedSeen() {
        return owned;
    }

    /**
     * Audits everything reachable from {@code root}, except {@code skip} (objects every copy shares,
     * as {@link Snapshot}'s {@code shared}); {@code where} names the world in reports.
     */
    public void audit(Object root, String where, Object... skip) {
        holders.clear();
        ownedOnes.clear();
        List<Object> todo = new ArrayList<>();
        List<String> from = new ArrayList<>();
        List<Integer> via = new ArrayList<>();
        todo.add(root);
        from.add("the root");
        via.add(Shape.VIA_FIELD);
        for (int next = 0; next < todo.size(); next++) {
            Object o = todo.get(next);
            if (o == null || isSkipped(o, skip)) {
                continue;
            }
            Shape s = Shape.of(o.getClass());
            if (s.kind == Shape.Kind.VALUE || s.kind == Shape.Kind.CONSTANT || s.kind == Shape.Kind.FAULT) {
                continue;
            }
            if (s.ownedThrough(via.get(next))) {
                ownedOnes.put(o, true);
            }
            List<String> h = holders.get(o);
            if (h != null) {
                h.add(from.get(next));
                continue;
            }
            h = new ArrayList<>(1);
            h.add(from.get(next));
            holders.put(o, h);
            String kind = s.kind.toString();
            switch (s.kind) {
                case OBJECT_ARRAY -> add(todo, from, via, java.util.Arrays.asList((Object[]) o), kind);
                case ARRAY_LIST, ARRAYS_LIST, IMMUTABLE_LIST, ARRAY_DEQUE -> add(todo, from, via, (Collection<?>) o, kind);
                case TREE_SET -> {
                    add(todo, from, via, java.util.Arrays.asList(new Object[] {((TreeSet<?>) o).comparator()}), kind);
                    add(todo, from, via, (Collection<?>) o, kind);
                }
                case TREE_MAP, LINKED_HASH_MAP -> {
                    if (o instanceof TreeMap<?, ?> t) {
                        add(todo, from, via, java.util.Arrays.asList(new Object[] {t.comparator()}), kind);
                    }
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                        add(todo, from, via, java.util.Arrays.asList(e.getKey(), e.getValue()), kind);
                    }
                }
                case RECORD, LAMBDA, OBJECT -> {
                    for (Field f : s.all) {
                        if (!f.getType().isPrimitive()) {
                            todo.add(Unsafes.read(f, o));
                            from.add(f.getDeclaringClass().getName() + "." + f.getName());
                            via.add(s.via(f));
                        }
                    }
                }
                case PRIMITIVE_ARRAY, BIT_SET -> { }
                default -> throw new IllegalStateException(kind);
            }
        }
        for (Map.Entry<Object, List<String>> e : holders.entrySet()) {
            if (ownedOnes.containsKey(e.getKey())) {
                owned++;
                if (e.getValue().size() > 1) {
                    shared.add("a " + e.getKey().getClass().getName() + " reached " + e.getValue().size()
                            + " times (" + where + "), from " + e.getValue());
                }
            }
        }
    }

    private static void add(List<Object> todo, List<String> from, List<Integer> via, Collection<?> items,
            String kind) {
        for (Object x : items) {
            todo.add(x);
            from.add("an element of a " + kind);
            via.add(Shape.VIA_FIELD);
        }
    }

    private static boolean isSkipped(Object o, Object[] skip) {
        for (Object x : skip) {
            if (x == o) {
                return true;
            }
        }
        return false;
    }
}
