package gcsim.kernel;

import java.util.Arrays;

/**
 * The waiting actors of {@link Readiness}, hung in one doubly linked intrusive list per watched
 * resource, one for guards that watch {@link Guard#ENDINGS} and one for guards asked at every
 * decision. Intrusive (per-actor next and previous ids in arrays) so that hanging an actor and
 * taking it out cost a few array writes and nothing is allocated per step; doubly linked so that
 * taking an actor out does not walk its list.
 */
final class WaitLists {
    static final int NONE = -1;
    /** The list of guards asked at every decision. */
    static final int POLLED = -2;
    /** The list of guards that watch {@link Guard#ENDINGS}. */
    static final int ENDS = -3;
    /** A list's head lives at index list + OFFSET, so that the two special lists come first. */
    private static final int OFFSET = 3;

    /** Per list: the first actor in it, or NONE. */
    // sized so that an execution of a scenario seldom has to grow them
    private int[] first = new int[128 + OFFSET];
    /** Per actor: the next and the previous actor in the same list, or NONE. */
    private int[] next = new int[32];
    private int[] prev = new int[32];
    /** Per actor: the list that holds it, or NONE. */
    private int[] listOf = new int[32];
    /** How many resources were created: the lists that may hold actors. */
    private int resources;

    WaitLists() {
        Arrays.fill(first, NONE);
    }

    /** Empties every list for a new execution, keeping the arrays. */
    void reset() {
        Arrays.fill(first, 0, resources + OFFSET, NONE);
        resources = 0;
    }

    /** Resource {@code r} exists from now on; returns the capacity, to which per-resource arrays grow. */
    int resourceCreated(int r) {
        resources = Math.max(resources, r + 1);
        if (r + OFFSET >= first.length) {
            int old = first.length;
            first = Arrays.copyOf(first, Math.max(r + OFFSET + 1, old * 2));
            Arrays.fill(first, old, first.length, NONE);
        }
        return first.length - OFFSET;
    }

    void actorCreated(int id) {
        if (id >= next.length) {
            int n = Math.max(id + 1, next.length * 2);
            next = Arrays.copyOf(next, n);
            prev = Arrays.copyOf(prev, n);
            listOf = Arrays.copyOf(listOf, n);
        }
        next[id] = NONE;
        prev[id] = NONE;
        listOf[id] = NONE;
    }

    /** True when {@code r} is a resource created so far, whose list an actor may hang in. */
    boolean known(int r) {
        return r >= 0 && r < resources;
    }

    /** True when some actor hangs in the list of resource {@code r}. */
    boolean hasWaiters(int r) {
        return r < resources && first[r + OFFSET] != NONE;
    }

    int first(int list) {
        return first[list + OFFSET];
    }

    int next(int id) {
        return next[id];
    }

    int listOf(int id) {
        return listOf[id];
    }

    /** Hangs actor {@code id}, in no list, in {@code list}; nothing for NONE. */
    void link(int id, int list) {
        if (list == NONE) {
            return;
        }
        int head = first[list + OFFSET];
        listOf[id] = list;
        prev[id] = NONE;
        next[id] = head;
        if (head != NONE) {
            prev[head] = id;
        }
        first[list + OFFSET] = id;
    }

    /** Takes actor {@code id} out of the list that holds it, if any. */
    void unlink(int id) {
        int list = listOf[id];
        if (list == NONE) {
            return;
        }
        int p = prev[id];
        int n = next[id];
        if (p == NONE) {
            first[list + OFFSET] = n;
        } else {
            next[p] = n;
        }
        if (n != NONE) {
            prev[n] = p;
        }
        listOf[id] = NONE;
        next[id] = NONE;
        prev[id] = NONE;
    }
}
