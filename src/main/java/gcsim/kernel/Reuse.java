package gcsim.kernel;

/**
 * What a finished execution's kernel leaves to the next execution on the same thread (see {@link
 * #keep}): its index of runnable actors, its list of choices when nobody reads it again,
 * and the sizes its lists reached, so that a search does not allocate, zero and grow them once per
 * execution. Holds nothing between a take and a give back, so two live kernels never share a
 * buffer. Not thread-safe: one per search thread.
 */
public final class Reuse {
    private Readiness readiness;
    /** The last execution's number of choices: the next schedule is sized for it, not grown by doubling. */
    private int choices = 64;
    /** The last execution's numbers of actors and processes, which size the next one's lists likewise. */
    private int actors = 16;
    private int processes = 8;
    /** A finished execution's list of choices that nobody reads again, emptied and filled anew; or null. */
    private IntList choicesBuffer;

    /** The kept index, emptied, or a new one whose clock is resource {@code clockResource}. */
    Readiness takeReadiness(int clockResource) {
        Readiness r = readiness;
        if (r == null) {
            return new Readiness(clockResource);
        }
        readiness = null;
        r.reset();
        return r;
    }

    /** An empty schedule: in the kept list when there is one, else in one sized for the last execution. */
    Schedule takeSchedule() {
        IntList c = choicesBuffer;
        if (c == null) {
            return new Schedule(new IntList(choices + (choices >> 2) + 8));
        }
        choicesBuffer = null;
        c.clear();
        return new Schedule(c);
    }

    int actorCapacity() {
        return actors;
    }

    int processCapacity() {
        return processes;
    }

    /**
     * Keeps the buffers of the finished kernel {@code k} for the next execution: its index, its sizes,
     * and its choices when {@code choicesToo}. Call only when nothing will ask {@code k}'s actors
     * again; it may not run again. Its trace and outcome stay valid, and so does its schedule unless
     * {@code choicesToo}: a search that reads only a failing execution's schedule lets the next
     * execution overwrite the choices of one that passed rather than allocate a new list.
     */
    public void keep(Kernel k, boolean choicesToo) {
        k.recycled = true;
        readiness = k.readiness;
        choices = k.schedule.size();
        actors = Math.max(16, k.actors.size() + 4); // room for an execution that spawns a few more
        processes = Math.max(8, k.processes.size() + 2);
        if (choicesToo) {
            choicesBuffer = k.schedule.choices();
        }
    }
}
