package gcsim.kernel;

import java.util.Arrays;

/**
 * Which actors can run, kept up to date between scheduling decisions instead of asking every
 * actor's guard at every one. Why it gives the same answers: a guard is a pure read of state, so
 * its answer can change only when what it reads changes. A guard that {@link Guard#watches watches}
 * a resource reads only state that changes through {@link Kernel#write} (or {@link Kernel#wake}) of
 * that resource (or, for a timer, through a clock advance), so it is asked again only after such a
 * write; one that watches {@link Guard#ENDINGS} is asked again only after an actor ended or a
 * process exited; a guard that declares nothing is asked at every decision, as before. Actors whose
 * guard was replaced (the one that ran, one that was spawned or killed) are asked again too. The set
 * of runnable actors is then a bit set read in id order, which is the order the options always had.
 *
 * <p>Waiting actors hang in one doubly linked intrusive list per watched resource (and one for
 * endings, one for guards that watch nothing), so a write costs a look at the actors waiting on that
 * resource, not at every actor, taking an actor out costs nothing, and nothing is allocated per
 * step. The decision's cost does not grow with the actors that merely wait: the options are
 * rewritten only when the runnable set changed, and the window ends ({@link Guard#latest}) are kept
 * here rather than asked of every runnable actor. Everything here is derived from the actors'
 * guards and the state they read.
 */
final class Readiness {
    private static final int NONE = -1;
    /** {@link #listOf} value: in the list of guards asked at every decision. */
    private static final int POLLED = -2;
    /** {@link #listOf} value: in the list of guards that watch {@link Guard#ENDINGS}. */
    private static final int ENDS = -3;

    private final int clockResource;
    /** Bit {@code id} set when actor {@code id} can run. */
    private long[] runnable = new long[1];
    /** Per resource: the first actor waiting on it, or NONE. */
    // sized so that an execution of a scenario seldom has to grow them
    private int[] firstWaiter = new int[128];
    /** Per resource: the decision round in which it was last marked written. */
    private int[] writtenRound = new int[128];
    /** Per actor: the next and the previous actor in the same list, or NONE. */
    private int[] next = new int[32];
    private int[] prev = new int[32];
    /** Per actor: the resource whose list holds it, POLLED, ENDS, or NONE. */
    private int[] listOf = new int[32];
    /** Per actor: the decision round in which it was last marked changed. */
    private int[] changedRound = new int[32];
    /** Per actor: its guard's deadline while the guard is not ready, else {@link Guard#NEVER}. */
    private long[] deadline = new long[32];
    /** Per actor: its guard's {@link Guard#latest} while the guard is ready, else {@link Guard#NEVER}. */
    private long[] latest = new long[32];
    /** How many actors have a {@link #latest} before NEVER: when none, no window holds the clock. */
    private int windows;
    private int polledFirst = NONE;
    private int endsFirst = NONE;
    /** An actor ended or a process exited since the last decision. */
    private boolean ended;
    /** The runnable set changed since the last {@link #options} call. */
    private boolean optionsChanged = true;
    /** How many ids the last {@link #options} call wrote. */
    int count;
    private final IntList written = new IntList(8);
    private final IntList changed = new IntList(8);
    private Actor[] actors = new Actor[32];
    private int actorCount;
    /** Starts at 1 so that the zeroed round arrays mark nothing. */
    private int round = 1;

    Readiness(int clockResource) {
        this.clockResource = clockResource;
        Arrays.fill(firstWaiter, NONE);
    }

    void resourceCreated(int r) {
        if (r >= firstWaiter.length) {
            int old = firstWaiter.length;
            firstWaiter = Arrays.copyOf(firstWaiter, Math.max(r + 1, old * 2));
            Arrays.fill(firstWaiter, old, firstWaiter.length, NONE);
            writtenRound = Arrays.copyOf(writtenRound, firstWaiter.length);
        }
    }

    void actorCreated(Actor a) {
        int id = a.id();
        if (id >= next.length) {
            int n = Math.max(id + 1, next.length * 2);
            next = Arrays.copyOf(next, n);
            prev = Arrays.copyOf(prev, n);
            listOf = Arrays.copyOf(listOf, n);
            changedRound = Arrays.copyOf(changedRound, n);
            deadline = Arrays.copyOf(deadline, n);
            latest = Arrays.copyOf(latest, n);
            actors = Arrays.copyOf(actors, n);
        }
        if ((id >> 6) >= runnable.length) {
            runnable = Arrays.copyOf(runnable, Math.max((id >> 6) + 1, runnable.length * 2));
        }
        actors[id] = a;
        actorCount = Math.max(actorCount, id + 1);
        next[id] = NONE;
        prev[id] = NONE;
        listOf[id] = NONE;
        deadline[id] = Guard.NEVER;
        latest[id] = Guard.NEVER;
        changed(a);
    }

    /** Resource {@code r} was written: the actors waiting on it are asked again at the next decision. */
    void written(int r) {
        if (r < firstWaiter.length && firstWaiter[r] != NONE && writtenRound[r] != round) {
            writtenRound[r] = round;
            written.add(r);
        }
    }

    /** An actor ended or a process exited: guards watching {@link Guard#ENDINGS} are asked again. */
    void ended() {
        ended = true;
    }

    /** The actor's guard or end may have changed: it is asked again at the next decision. */
    void changed(Actor a) {
        int id = a.id();
        if (changedRound[id] != round) {
            changedRound[id] = round;
            changed.add(id);
        }
    }

    /** Brings the runnable set up to date; call at each decision, before {@link #options} and {@link #nextDeadline}. */
    void update() {
        for (int i = 0, n = changed.size(); i < n; i++) {
            Actor a = actors[changed.get(i)];
            unlink(a.id());
            link(a);
            ask(a);
        }
        for (int i = 0, n = written.size(); i < n; i++) {
            for (int id = firstWaiter[written.get(i)]; id != NONE; id = next[id]) {
                ask(actors[id]);
            }
        }
        if (ended) {
            for (int id = endsFirst; id != NONE; id = next[id]) {
                ask(actors[id]);
            }
            ended = false;
        }
        for (int id = polledFirst; id != NONE; id = next[id]) {
            ask(actors[id]);
        }
        changed.clear();
        written.clear();
        round++;
    }

    boolean runnable(int id) {
        return (runnable[id >> 6] & (1L << id)) != 0;
    }

    /** True when the runnable set changed since the last {@link #options} call, which then writes other ids. */
    boolean optionsChanged() {
        return optionsChanged;
    }

    /** Writes the runnable actors' ids in increasing order into {@code out} (grown as needed); returns the array. */
    int[] options(int[] out) {
        int n = 0;
        for (int w = 0; w < runnable.length; w++) {
            long bits = runnable[w];
            while (bits != 0) {
                if (n + 1 >= out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[n++] = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        count = n;
        optionsChanged = false;
        return out;
    }

    /** The earliest deadline among guards that are not ready, or {@link Guard#NEVER}. */
    long nextDeadline() {
        long d = Guard.NEVER;
        for (int id = firstWaiter[clockResource]; id != NONE; id = next[id]) {
            d = Math.min(d, deadline[id]);
        }
        for (int id = endsFirst; id != NONE; id = next[id]) {
            d = Math.min(d, deadline[id]);
        }
        for (int id = polledFirst; id != NONE; id = next[id]) {
            d = Math.min(d, deadline[id]);
        }
        return d;
    }

    /** The earliest {@link Guard#latest} among the runnable actors' guards, or {@link Guard#NEVER}. */
    long latest() {
        if (windows == 0) {
            return Guard.NEVER;
        }
        long l = Guard.NEVER;
        for (int id = 0; id < actorCount; id++) {
            l = Math.min(l, latest[id]);
        }
        return l;
    }

    /**
     * Fails unless asking every guard of {@code actors} now gives the first {@code n} of {@code options},
     * {@code nextDeadline} and {@code latest}, as kept; the tests' check that every watched guard's
     * changes are written.
     */
    static void audit(java.util.List<Actor> actors, int[] options, int n, long nextDeadline, long latest, int step) {
        int m = 0;
        long deadline = Guard.NEVER;
        long asked = Guard.NEVER;
        for (Actor a : actors) {
            if (a.done) {
                continue;
            }
            Guard g = a.guard;
            if (g == null || g.ready()) {
                if (m >= n || options[m] != a.id()) {
                    throw new IllegalStateException("readiness kept for step " + step + " misses " + a.name());
                }
                m++;
                asked = g == null ? asked : Math.min(asked, g.latest());
            } else {
                deadline = Math.min(deadline, g.deadline());
            }
        }
        if (m != n || deadline != nextDeadline || asked != latest) {
            throw new IllegalStateException("readiness kept for step " + step + " offers " + n + " actors (asked: " + m
                    + "), deadline " + nextDeadline + " (asked: " + deadline + ") and latest " + latest + " (asked: "
                    + asked + ")");
        }
    }

    private void ask(Actor a) {
        int id = a.id();
        Guard g = a.guard;
        boolean ready = !a.done && (g == null || g.ready());
        deadline[id] = ready || a.done || g == null ? Guard.NEVER : g.deadline();
        long l = ready && g != null ? g.latest() : Guard.NEVER;
        if (l != latest[id]) {
            windows += (l != Guard.NEVER ? 1 : 0) - (latest[id] != Guard.NEVER ? 1 : 0);
            latest[id] = l;
        }
        long bit = 1L << id;
        long word = runnable[id >> 6];
        long now = ready ? word | bit : word & ~bit;
        if (now != word) {
            runnable[id >> 6] = now;
            optionsChanged = true;
        }
    }

    /**
     * Hangs a waiting actor in the list of the resource its guard watches; a guard that watches
     * nothing, or has a deadline but does not watch the clock, is asked at every decision.
     */
    private void link(Actor a) {
        Guard g = a.guard;
        int id = a.id();
        if (a.done || g == null) {
            return;
        }
        int w = g.watches();
        int list;
        if (w == Guard.ENDINGS && g.deadline() == Guard.NEVER) {
            list = ENDS;
        } else if (w < 0 || w >= firstWaiter.length || (w != clockResource && g.deadline() != Guard.NEVER)) {
            list = POLLED;
        } else {
            list = w;
        }
        int head = head(list);
        listOf[id] = list;
        prev[id] = NONE;
        next[id] = head;
        if (head != NONE) {
            prev[head] = id;
        }
        setHead(list, id);
    }

    private void unlink(int id) {
        int list = listOf[id];
        if (list == NONE) {
            return;
        }
        int p = prev[id];
        int n = next[id];
        if (p == NONE) {
            setHead(list, n);
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

    private int head(int list) {
        return list == POLLED ? polledFirst : list == ENDS ? endsFirst : firstWaiter[list];
    }

    private void setHead(int list, int id) {
        if (list == POLLED) {
            polledFirst = id;
        } else if (list == ENDS) {
            endsFirst = id;
        } else {
            firstWaiter[list] = id;
        }
    }
}
