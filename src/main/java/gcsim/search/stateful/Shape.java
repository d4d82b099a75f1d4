package gcsim.search.stateful;

import gcsim.kernel.Derived;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the state walkers ({@link Fingerprint}, {@link Snapshot}) see one class: its kind and its
 * instance fields in a fixed order, cached per class so that a walk costs no reflection lookups.
 *
 * <p>Why reflection rather than a copy/fingerprint method per model class: the model has some sixty
 * classes that change often, and a hand-written method per class is the incompleteness a
 * fingerprint must not have. A walker that sees every field unless it is annotated
 * {@link Derived} (or is one of the kernel's few records of history, {@link #HISTORY}) can only err
 * on the side of telling equal states apart, and {@code FingerprintAudit} checks it field by field.
 */
final class Shape {
    /** What a walker does with an object of the class. */
    enum Kind {
        /** Immutable values compared by content: strings, boxed primitives, enums, classes. */
        VALUE,
        /** Immutable objects shared by every execution of one search (the scenario, the variant, the layout): never copied, fingerprinted by identity. */
        CONSTANT,
        /** A fault (an exception object): immutable once thrown; shared, fingerprinted by class, message and own fields. */
        FAULT,
        PRIMITIVE_ARRAY, OBJECT_ARRAY, ARRAY_LIST,
        /** {@code Arrays.asList}: a fixed-size list over an array, walked as a list and copied as another. */
        ARRAYS_LIST, ARRAY_DEQUE, TREE_MAP, TREE_SET, LINKED_HASH_MAP, BIT_SET,
        /** An immutable JDK collection ({@code List.of}): shared, walked by content. */
        IMMUTABLE_LIST,
        RECORD, LAMBDA, OBJECT
    }

    /**
     * Fields of the kernel that record how a state was reached, or the search machinery, not the
     * state: the schedule so far, the step counts, the trace and footprints, the run loop (the
     * strategy, the options' scratch space, the previous actor, read only by strategies). Kept here rather than as
     * {@link Derived} on the kernel so that the kernel stays untouched; each is checked to exist.
     */
    static final Map<String, Set<String>> HISTORY = Map.of(
            "gcsim.kernel.Kernel", Set.of("loop", "schedule", "steps", "silentWork", "trace", "footprints",
                    "recording", "current"));

    final Class<?> type;
    final Kind kind;
    /** Every instance field, superclass first, each class's in name order: what a copy must copy. */
    final Field[] all;
    /** Offsets of {@link #all} for direct access, or null where the JVM refuses them (records, lambdas). */
    final long[] offsets;
    /** Indices into {@link #all} of the fields that are state: what a fingerprint reads. */
    final int[] state;
    /** The constructor a record or a capturing lambda is rebuilt with, its parameters in {@link #all}'s order. */
    final Constructor<?> constructor;
    /** A stable tag for the class within this JVM. */
    final long tag;
    /** How {@link Snapshot} copies a plain object of the class; null for other kinds. */
    final CopyPlan plan;
    /**
     * Whether an instance is reached through one reference only in any state, so that a walker
     * need not remember it to see sharing or cycles (see {@link #ownedKind}).
     */
    final boolean owned;

    private static final ClassValue<Shape> CACHE = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return new Shape(type);
        }
    };

    private Shape(Class<?> type) {
        this.type = type;
        this.kind = kindOf(type);
        this.tag = Fingerprint.stringHash(type.getName());
        boolean walkFields = kind == Kind.RECORD || kind == Kind.LAMBDA || kind == Kind.OBJECT || kind == Kind.FAULT;
        this.all = walkFields ? fields(type, kind) : new Field[0];
        this.offsets = kind == Kind.OBJECT ? Unsafes.offsets(all) : null;
        this.state = stateFields(type, all);
        this.constructor = constructorFor(type, kind, all);
        this.plan = kind == Kind.OBJECT ? new CopyPlan(all, offsets, state) : null;
        this.owned = ownedKind(kind);
    }

    /**
     * The kinds the model never shares: a collection (or an array of objects) belongs to the one
     * object or collection that holds it, and whoever else needs its contents holds the objects in
     * it, not the collection. Primitive arrays and bit sets are another matter: the model passes them
     * by reference in messages and results (a request's paths, a reply's set of valid paths), so they
     * are owned only where {@link #kernelOwns} says. A third of the objects of a world are such
     * containers, and the copy and the fingerprint skip their identity map for them. {@code
     * OwnershipAuditTest} walks the worlds of every library scenario and fails if an object reached
     * through an owning reference is reached twice.
     */
    static boolean ownedKind(Kind kind) {
        return switch (kind) {
            case OBJECT_ARRAY, ARRAY_LIST, ARRAYS_LIST, ARRAY_DEQUE, TREE_MAP, TREE_SET, LINKED_HASH_MAP -> true;
            default -> false;
        };
    }

    /**
     * Whether the primitive array or bit set in field {@code f} belongs to its object alone: true for
     * the kernel's own fields of those types (its lists of ints, its sets of actors), which the
     * kernel never hands out, and false elsewhere (see {@link #ownedKind}).
     */
    static boolean kernelOwns(Field f) {
        Class<?> t = f.getType();
        Class<?> holder = f.getDeclaringClass();
        return !holder.isRecord() && holder.getName().startsWith("gcsim.kernel.")
                && ((t.isArray() && t.getComponentType().isPrimitive()) || t == java.util.BitSet.class);
    }

    /** How a walker reached an object: what decides whether that reference may be its only one. */
    static final int VIA_FIELD = 0, VIA_KERNEL_FIELD = 1, VIA_CAPTURE = 2;

    /**
     * Whether a reference to an object of this shape is its only one, given how it was reached: as a
     * plain field or an element ({@link #VIA_FIELD}), as a field that {@link #kernelOwns}, or as a
     * part of a record or a lambda ({@link #VIA_CAPTURE}: a value passed on, or a local that several
     * lambdas capture, which is never assumed to be owned).
     */
    boolean ownedThrough(int via) {
        return via != VIA_CAPTURE && (owned || (via == VIA_KERNEL_FIELD && (kind == Kind.PRIMITIVE_ARRAY || kind == Kind.BIT_SET)));
    }

    /** How a walker reaches the value of field {@code f} of an object of this shape (see {@link #ownedThrough}). */
    int via(Field f) {
        return kind == Kind.RECORD || kind == Kind.LAMBDA ? VIA_CAPTURE : kernelOwns(f) ? VIA_KERNEL_FIELD : VIA_FIELD;
    }

    static Shape of(Class<?> type) {
        return CACHE.get(type);
    }

    private static Kind kindOf(Class<?> c) {
        if (c == String.class || c == Integer.class || c == Long.class || c == Boolean.class || c == Short.class
                || c == Byte.class || c == Character.class || c == Double.class || c == Float.class || c.isEnum()
                || (c.getSuperclass() != null && c.getSuperclass().isEnum()) || c == Class.class) {
            return Kind.VALUE;
        }
        if (Throwable.class.isAssignableFrom(c)) {
            return Kind.FAULT;
        }
        if (c.isArray()) {
            return c.getComponentType().isPrimitive() ? Kind.PRIMITIVE_ARRAY : Kind.OBJECT_ARRAY;
        }
        String n = c.getName();
        if (n.startsWith("gcsim.scenario.") || n.startsWith("gcsim.variant.") || n.equals("gcsim.model.StoreLayout")) {
            return Kind.CONSTANT; // built once per search from the scenario file and shared by every execution
        }
        if (c == java.util.ArrayList.class) {
            return Kind.ARRAY_LIST;
        }
        if (n.equals("java.util.Arrays$ArrayList")) {
            return Kind.ARRAYS_LIST;
        }
        if (c == java.util.ArrayDeque.class) {
            return Kind.ARRAY_DEQUE;
        }
        if (c == java.util.TreeMap.class) {
            return Kind.TREE_MAP;
        }
        if (c == java.util.TreeSet.class) {
            return Kind.TREE_SET;
        }
        if (c == java.util.LinkedHashMap.class) {
            return Kind.LINKED_HASH_MAP;
        }
        if (c == java.util.BitSet.class) {
            return Kind.BIT_SET;
        }
        if (n.startsWith("java.util.ImmutableCollections$List")) {
            return Kind.IMMUTABLE_LIST;
        }
        if (c.isHidden()) {
            return Kind.LAMBDA;
        }
        if (c.isRecord()) {
            return Kind.RECORD;
        }
        if (n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jdk.") || n.startsWith("sun.")) {
            // a HashMap's order is not canonical, and other JDK internals cannot be copied field by field
            throw new IllegalStateException("state holds a " + n + ", which the state walker does not know");
        }
        return Kind.OBJECT;
    }

    private static Field[] fields(Class<?> type, Kind kind) {
        List<Class<?>> chain = new ArrayList<>();
        Class<?> stop = kind == Kind.FAULT ? Throwable.class : Object.class;
        for (Class<?> c = type; c != null && c != stop; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<Field> out = new ArrayList<>();
        for (Class<?> c : chain) {
            List<Field> own = new ArrayList<>();
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    own.add(f);
                }
            }
            if (kind == Kind.RECORD && c.isRecord()) { // the canonical constructor's order, which the language fixes
                List<String> names = java.util.Arrays.stream(c.getRecordComponents()).map(RecordComponent::getName).toList();
                own.sort(Comparator.comparing(f -> names.indexOf(f.getName())));
            } else if (kind != Kind.LAMBDA) { // a lambda's captured fields stay in constructor order
                own.sort(Comparator.comparing(Field::getName));
            }
            out.addAll(own);
        }
        return out.toArray(new Field[0]);
    }

    private static int[] stateFields(Class<?> type, Field[] all) {
        Set<String> history = HISTORY.getOrDefault(type.getName(), Set.of());
        int[] out = new int[all.length];
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            Field f = all[i];
            if (f.isAnnotationPresent(Derived.class) || (f.getDeclaringClass() == type && history.contains(f.getName()))) {
                continue;
            }
            out[n++] = i;
        }
        for (String h : history) {
            if (java.util.Arrays.stream(all).noneMatch(f -> f.getName().equals(h))) {
                throw new IllegalStateException(type.getName() + " has no field " + h + " (Shape.HISTORY is stale)");
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static Constructor<?> constructorFor(Class<?> type, Kind kind, Field[] all) {
        try {
            if (kind == Kind.RECORD) {
                RecordComponent[] rc = type.getRecordComponents();
                Class<?>[] params = new Class<?>[rc.length];
                for (int i = 0; i < rc.length; i++) {
                    params[i] = rc[i].getType();
                }
                Constructor<?> c = type.getDeclaredConstructor(params);
                c.setAccessible(true);
                return c;
            }
            if (kind == Kind.LAMBDA && all.length > 0) {
                Constructor<?>[] cs = type.getDeclaredConstructors();
                Constructor<?> c = cs[0];
                Class<?>[] p = c.getParameterTypes();
                for (int i = 0; i < p.length; i++) {
                    if (p[i] != all[i].getType()) {
                        throw new IllegalStateException("cannot rebuild " + type.getName() + ": fields out of order");
                    }
                }
                c.setAccessible(true);
                return c;
            }
            return null;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
        }
    }
}
