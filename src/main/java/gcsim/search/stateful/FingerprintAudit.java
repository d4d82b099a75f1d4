package gcsim.search.stateful;

import gcsim.check.Forkable;
import gcsim.kernel.Strategy;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The guard against an incomplete fingerprint: in a world paused between two steps, changes each
 * field of each object reachable from it, one at a time, on a copy, and checks that the fingerprint
 * changes. A field whose change leaves it unchanged is state the stateful search would not see, so
 * two different states would count as one and the search could verify what fails.
 *
 * <p>Fields annotated {@link gcsim.kernel.Derived} and the kernel's records of history ({@link
 * Shape#HISTORY}) are listed as skipped, never changed. A reference field is changed to null, a
 * number by one, a flag flipped; a field seen only as null cannot be changed that way and is listed
 * as such. Records and capturing lambdas are values rebuilt from their parts; their parts are
 * changed where they are objects. Accumulates over many worlds; single-threaded.
 */
public final class FingerprintAudit {
    private final SortedSet<String> changed = new TreeSet<>();
    private final SortedSet<String> seenNull = new TreeSet<>();
    private final SortedSet<String> skipped = new TreeSet<>();
    private final SortedSet<String> classes = new TreeSet<>();
    private final List<String> missed = new ArrayList<>();
    private long mutations;

    /** Fields whose change changed the fingerprint, as {@code class.field}. */
    public SortedSet<String> changed() {
        return changed;
    }

    /** Fields seen only as null, never changed: neither proven nor refuted. */
    public SortedSet<String> onlyNull() {
        SortedSet<String> out = new TreeSet<>(seenNull);
        out.removeAll(changed);
        return out;
    }

    /** Fields the fingerprint skips by design (derived, or history). */
    public SortedSet<String> skipped() {
        return skipped;
    }

    /** The classes of the objects reached. */
    public SortedSet<String> classes() {
        return classes;
    }

    /** Each change that left the fingerprint as it was, with where: the failures of the audit. */
    public List<String> missed() {
        return missed;
    }

    public long mutations() {
        return mutations;
    }

    /**
     * Audits the world {@code session} is in (between two steps); {@code strategy} is its kernel's
     * strategy, shared by the copies rather than copied.
     */
    public void audit(Forkable.Session session, Strategy strategy, String where) {
        Snapshot snapshot = new Snapshot(strategy);
        Fingerprint fingerprint = new Fingerprint();
        Fingerprint.Value base = fingerprint.of(session);
        for (Object o : reachable(session, strategy)) {
            Shape s = Shape.of(o.getClass());
            classes.add(s.type.getName());
            if (s.kind != Shape.Kind.OBJECT) {
                continue;
            }
            boolean[] isState = new boolean[s.all.length];
            for (int i : s.state) {
                isState[i] = true;
            }
            for (int i = 0; i < s.all.length; i++) {
                Field f = s.all[i];
                String key = f.getDeclaringClass().getName() + "." + f.getName();
                if (!isState[i]) {
                    skipped.add(key);
                    continue;
                }
                Map<Object, Object> map = new IdentityHashMap<>();
                Forkable.Session copy = snapshot.copy(session, map);
                if (!change(map.get(o), f, s.offsets[i])) {
                    seenNull.add(key);
                    continue;
                }
                mutations++;
                if (fingerprint.of(copy).equals(base)) {
                    missed.add(key + " (" + where + ")");
                } else {
                    changed.add(key);
                }
            }
        }
    }

    private static boolean change(Object o, Field f, long offset) {
        Class<?> t = f.getType();
        var u = Unsafes.U;
        if (t == int.class) {
            u.putInt(o, offset, u.getInt(o, offset) + 1);
        } else if (t == long.class) {
            u.putLong(o, offset, u.getLong(o, offset) + 1);
        } else if (t == boolean.class) {
            u.putBoolean(o, offset, !u.getBoolean(o, offset));
        } else if (t == byte.class) {
            u.putByte(o, offset, (byte) (u.getByte(o, offset) + 1));
        } else if (t == short.class) {
            u.putShort(o, offset, (short) (u.getShort(o, offset) + 1));
        } else if (t == char.class) {
            u.putChar(o, offset, (char) (u.getChar(o, offset) + 1));
        } else if (t == double.class) {
            u.putDouble(o, offset, u.getDouble(o, offset) + 1);
        } else if (t == float.class) {
            u.putFloat(o, offset, u.getFloat(o, offset) + 1);
        } else if (u.getObject(o, offset) != null) {
            u.putObject(o, offset, null);
        } else {
            return false;
        }
        return true;
    }

    /** Every object of the state (not values, constants or the strategy), in a fixed order. */
    private static List<Object> reachable(Object root, Object strategy) {
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        List<Object> out = new ArrayList<>();
        List<Object> todo = new ArrayList<>();
        todo.add(root);
        for (int next = 0; next < todo.size(); next++) {
            Object o = todo.get(next);
            if (o == null || o == strategy || seen.containsKey(o)) {
                continue;
            }
            Shape s = Shape.of(o.getClass());
            if (s.kind == Shape.Kind.VALUE || s.kind == Shape.Kind.CONSTANT || s.kind == Shape.Kind.FAULT) {
                continue;
            }
            seen.put(o, true);
            out.add(o);
            switch (s.kind) {
                case OBJECT_ARRAY -> todo.addAll(java.util.Arrays.asList((Object[]) o));
                case ARRAY_LIST, ARRAYS_LIST, IMMUTABLE_LIST, ARRAY_DEQUE, TREE_SET -> todo.addAll((java.util.Collection<?>) o);
                case TREE_MAP, LINKED_HASH_MAP -> {
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                        todo.add(e.getKey());
                        todo.add(e.getValue());
                    }
                }
                case RECORD, LAMBDA, OBJECT -> { // through state fields only: history is not audited
                    for (int i : s.state) {
                        Field f = s.all[i];
                        if (!f.getType().isPrimitive()) {
                            todo.add(Unsafes.read(f, o));
                        }
                    }
                }
                case PRIMITIVE_ARRAY -> { }
                default -> {
                    if (!(o instanceof BitSet)) {
                        throw new IllegalStateException(s.kind.toString());
                    }
                }
            }
        }
        return out;
    }
}
