package gcsim.kernel;

import java.util.Arrays;
import java.util.List;

/**
 * The starvation bound's bookkeeping: the most retry-loop turns in a row (clock advances, retries of
 * spinning actors) that may pass over an actor that can run (see {@link Kernel#withStarvationBound}).
 *
 * <p>Invariant: {@code passedOver[a]} counts the turns since actor {@code a} last ran or last could
 * not run, and {@code fairness[a]} is the resource that count lives in, written by the turns that
 * raise it and by {@code a}'s own steps, so that the exhaustive search sees the dependence between a
 * retry loop and the actor it passes over.
 *
 * <p>Why a bound: a clock advance is not offered while an actor that can run has already been passed
 * over by {@code bound} turns of retry loops in a row, and neither is the retry of an actor whose
 * last step {@link Kernel#spin spun}. A turn is a clock advance (a loop waiting on time, such as a
 * retry every 100 ms) or the retry of a spinning actor (a loop that retries at once). So such a loop
 * cannot go on forever while the actor it waits for never runs. It bounds the schedules explored,
 * as the step bound does, for the exhaustive search; choices made where an option was held back are
 * still recorded, so such a schedule replays in a kernel without the bound.
 */
final class Starvation {
    /** The bound: at least 0. */
    final int bound;
    private int[] passedOver = new int[16];
    private int[] fairness = new int[16];

    Starvation(int bound) {
        this.bound = bound;
    }

    /**
     * The bound for {@code kernel}: the actors spawned before it was set get their counters now (each
     * its own resource, not the clock's, which an unset counter would look like to a search).
     */
    static Starvation over(int bound, Kernel kernel) {
        if (bound < 0) {
            throw new IllegalArgumentException("the starvation bound must be at least 0, not " + bound);
        }
        Starvation s = new Starvation(bound);
        for (int i = 0, n = kernel.actors.size(); i < n; i++) {
            s.actorCreated(kernel.actors.get(i).id(), kernel.newResource());
        }
        return s;
    }

    /** A new actor: its counter lives in {@code resource}. */
    void actorCreated(int id, int resource) {
        if (id >= fairness.length) {
            fairness = Arrays.copyOf(fairness, Math.max(id + 1, fairness.length * 2));
            passedOver = Arrays.copyOf(passedOver, fairness.length);
        }
        fairness[id] = resource;
    }

    /** The resource actor {@code id}'s counter lives in. */
    int resource(int id) {
        return fairness[id];
    }

    /** An actor that cannot run is not starved: its count starts again. */
    void forgetUnrunnable(List<Actor> actors, Readiness readiness) {
        for (int i = 0, size = actors.size(); i < size; i++) {
            if (!actors.get(i).done && !readiness.runnable(i)) {
                passedOver[i] = 0;
            }
        }
    }

    /** How many of the first {@code n} options (all actors) have been passed over {@link #bound} times. */
    int countStarved(int[] options, int n) {
        int starved = 0;
        for (int i = 0; i < n; i++) {
            if (passedOver[options[i]] >= bound) {
                starved++;
            }
        }
        return starved;
    }

    /**
     * Removes from the first {@code n} options each spinning actor whose retry would pass over a
     * starved actor other than itself, unless that would leave none; returns how many remain.
     */
    int holdBackSpinners(int[] options, int n, int starved, List<Actor> actors) {
        int j = 0;
        for (int i = 0; i < n; i++) {
            int id = options[i];
            boolean self = passedOver[id] >= bound;
            if (!(actors.get(id).spun && starved - (self ? 1 : 0) > 0)) {
                options[j++] = id;
            }
        }
        // only spinners starving one another: let them all run (with j == 0 nothing was overwritten)
        return j == 0 ? n : j;
    }

    /** The clock advanced past the first {@code actors} options: each is passed over once more. */
    void clockAdvanced(int[] options, int actors, Footprints footprints) {
        for (int i = 0; i < actors; i++) {
            passedOver[options[i]]++;
            if (footprints != null) {
                footprints.record(fairness[options[i]], true);
            }
        }
    }

    /**
     * Actor {@code a} takes a step from the first {@code n} options: a turn of a busy retry loop
     * passes everyone else that could run, and the actor's own count starts again.
     */
    void stepTaken(Actor a, int[] options, int n, Footprints footprints) {
        if (a.spun) {
            for (int i = 0; i < n; i++) {
                int b = options[i];
                if (b != a.id() && b != Kernel.ADVANCE_CLOCK) {
                    passedOver[b]++;
                    if (footprints != null) {
                        footprints.record(fairness[b], true);
                    }
                }
            }
        }
        passedOver[a.id()] = 0;
        if (footprints != null) {
            footprints.record(fairness[a.id()], true);
        }
    }
}
