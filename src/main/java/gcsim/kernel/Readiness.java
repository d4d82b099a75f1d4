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
 * <p>Waiting actors hang in one list per watched resource (and one for endings, one for guards that
 * watch nothing: {@link WaitLists}), so a write costs a look at the actors waiting on that resource,
 * not at every actor, and nothing is allocated per step; a search's executions reuse one index
 * ({@link #reset}, {@link Reuse}). The decision's cost does not grow with the actors that merely wait: the options are
 * rewritten only when the runnable set changed, and the window ends ({@link Guard#latest}) are kept
 * here rather than asked of every runnable actor. Everything here is derived from the actors'
 * guards and the state they read.
 */
final class Readiness {
    private static final int NONE = WaitLists.NONE;
    private static final int POLLED = WaitLists.POLLED;
    private static final int ENDS = WaitLists.ENDS;

    private final int clockResource;
    /** Bit {@code id} set when actor {@code id} can run. */
    private long[] runnable = new long[1];
    private final WaitLists lists = new WaitLists();
    /** Per resource: the decision round in which it was last marked written. */
    private int[] writtenRound = new int[128];
    /** Per actor: the decision round in which it was last marked changed. */
    private int[] changedRound = new int[32];
    /** Per actor: its guard's deadline while the guard is not ready, else {@link Guard#NEVER}. */
    private long[] deadline = new long[32];
    /** Per actor: its guard's {@link Guard#latest} while the guard is ready, else {@link Guard#NEVER}. */
    private long[] latest = new long[32];
    /** The earliest of {@link #deadline}, recomputed only after one of them changed. */
    private long earliest = Guard.NEVER;
    private boolean deadlinesChanged;
    /** How many actors have a {@link #latest} before NEVER: when none, no window holds the clock. */
    private int windows;
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
    }

    /**
     * Empties this index for a new execution whose clock is the same first resource, keeping its
     * arrays: what a search's next execution reuses instead of allocating them again.
     */
    void reset() {
        Arrays.fill(runnable, 0);
        Arrays.fill(writtenRound, 0);
        Arrays.fill(changedRound, 0, actorCount, 0);
        Arrays.fill(actors, 0, actorCount, null);
        lists.reset();
        actorCount = 0;
        windows = 0;
        earliest = Guard.NEVER;
        deadlinesChanged = false;
        ended = false;
        optionsChanged = true;
        count = 0;
        written.clear();
        changed.clear();
        round = 1;
    }

    void resourceCreated(int r) {
        int capacity = lists.resourceCreated(r);
        if (capacity > writtenRound.length) {
            writtenRound = Arrays.copyOf(writtenRound, capacity);
        }
    }

    void actorCreated(Actor a) {
        int id = a.id();
        if (id >= changedRound.length) {
            int n = Math.max(id + 1, changedRound.length * 2);
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
        lists.actorCreated(id);
        deadline[id] = Guard.NEVER;
        latest[id] = Guard.NEVER;
        changed(a);
    }

    /** Resource {@code r} was written: the actors waiting on it are asked again at the next decision. */
    void written(int r) {
        if (lists.hasWaiters(r) && writtenRound[r] != round) {
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

    /**
     * The actor that just ran a step: asked again like a {@link #changed} one, unless it yielded with
     * no guard from a state its answer already gives (runnable, in no list, no deadline or window end),
     * the commonest step, whose answer cannot have changed.
     */
    void ran(Actor a) {
        int id = a.id();
        if (a.guard != null || a.done || lists.listOf(id) != NONE || latest[id] != Guard.NEVER
                || deadline[id] != Guard.NEVER || !runnable(id)) {
            changed(a);
        }
    }

    /** Brings the runnable set up to date; call at each decision, before {@link #options} and {@link #nextDeadline}. */
    void update() {
        for (int i = 0, n = changed.size(); i < n; i++) {
            int id = changed.get(i);
            Actor a = actors[id];
            if (a.done || a.guard == null) { // most steps yield: no guard to hang by or to ask
                lists.unlink(id);
                settle(id, !a.done, Guard.NEVER, Guard.NEVER);
                continue;
            }
            Guard g = a.guard;
            long d = g.deadline(); // asked once here for both the list and the answer
            int list = listFor(g.watches(), d);
            if (list != lists.listOf(id)) { // an actor that waits on the same list again stays where it hangs
                lists.unlink(id);
                lists.link(id, list);
            }
            boolean ready = g.ready();
            settle(id, ready, ready ? Guard.NEVER : d, ready ? g.latestIfHeld() : Guard.NEVER);
        }
        for (int i = 0, n = written.size(); i < n; i++) {
            for (int id = lists.first(written.get(i)); id != NONE; id = lists.next(id)) {
                ask(actors[id]);
            }
        }
        if (ended) {
            for (int id = lists.first(ENDS); id != NONE; id = lists.next(id)) {
                ask(actors[id]);
            }
            ended = false;
        }
        for (int id = lists.first(POLLED); id != NONE; id = lists.next(id)) {
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
        if (out.length < actorCount + 2) { // room for every actor and the clock
            out = Arrays.copyOf(out, Math.max(actorCount + 2, out.length * 2));
        }
        int n = 0;
        for (int w = 0; w < runnable.length; w++) {
            long bits = runnable[w];
            while (bits != 0) {
                out[n++] = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        count = n;
        optionsChanged = false;
        return out;
    }

    /**
     * The earliest deadline among guards that are not ready, or {@link Guard#NEVER}: the least of the
     * kept deadlines, which are NEVER for every actor that can run, has ended or waits without one.
     */
    long nextDeadline() {
        if (deadlinesChanged) {
            long d = Guard.NEVER;
            for (int id = 0; id < actorCount; id++) {
                d = Math.min(d, deadline[id]);
            }
            earliest = d;
            deadlinesChanged = false;
        }
        return earliest;
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

    private void ask(Actor a) {
        Guard g = a.guard;
        boolean ready = !a.done && (g == null || g.ready());
        long d = ready || a.done || g == null ? Guard.NEVER : g.deadline();
        settle(a.id(), ready, d, ready && g != null ? g.latestIfHeld() : Guard.NEVER);
    }

    /** Keeps an actor's answer: whether it can run, its deadline while it cannot, its guard's latest while it can. */
    private void settle(int id, boolean ready, long d, long l) {
        if (d != deadline[id]) {
            deadline[id] = d;
            deadlinesChanged = true;
        }
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
     * The list a waiting actor hangs in: that of the resource its guard watches, or the endings'; a
     * guard that watches nothing, or has a deadline but does not watch the clock, is asked at every
     * decision; {@code w} and {@code d} are the guard's {@link Guard#watches} and {@link Guard#deadline}.
     */
    private int listFor(int w, long d) {
        if (w == Guard.ENDINGS && d == Guard.NEVER) {
            return ENDS;
        } else if (!lists.known(w) || (w != clockResource && d != Guard.NEVER)) {
            return POLLED;
        }
        return w;
    }
}
