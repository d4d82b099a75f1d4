package gcsim.kernel;

/**
 * What a finished execution's kernel leaves to the next execution on the same thread (see {@link
 * Kernel#recycle}): its index of runnable actors, its list of choices when nobody reads it again,
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

    /** Keeps what the finished execution leaves: its index, its sizes, and its choices when {@code choicesToo}. */
    void keep(Readiness r, Schedule schedule, int actorCount, int processCount, boolean choicesToo) {
        readiness = r;
        choices = schedule.size();
        actors = Math.max(16, actorCount + 4); // room for an execution that spawns a few more
        processes = Math.max(8, processCount + 2);
        if (choicesToo) {
            choicesBuffer = schedule.choices();
        }
    }
}
