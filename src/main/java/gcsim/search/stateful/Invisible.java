package gcsim.search.stateful;

import gcsim.kernel.Actor;
import gcsim.kernel.Footprints;
import gcsim.kernel.Kernel;
import java.lang.reflect.Field;
import java.util.Arrays;

/**
 * The partial-order reduction the stateful search uses: a state where some actor's next step is
 * invisible is expanded by that step alone (an ample set of one, Peled 1993). Invisible means that
 * the step touched no shared resource (its footprint holds nothing but its own starvation counter),
 * read no clock, made no data choice, created no process or resource, did not spin, and left every
 * actor's ability to run as it was, the stepping actor's included. Such a step commutes with every
 * step of every other actor and stays enabled whatever they do, so running it first loses no
 * reachable failure; the proviso that its successor be a state not seen before keeps a cycle of
 * such steps from postponing the others for ever (every cycle then holds a fully expanded state).
 *
 * <p>Why this reduction and not the DFS's sleep sets and DPOR: it decides from the state alone,
 * so it composes with a visited set, which sleep sets and DPOR do not without extra bookkeeping
 * (see {@link StatefulSearch}). The starvation counter is the one exception to "touches nothing":
 * running the step first resets that counter earlier, which can only hold back fewer options later,
 * never more.
 */
final class Invisible {
    private static final Field NEXT_RESOURCE = field(Kernel.class, "nextResource");
    private static final Field NEXT_PID = field(Kernel.class, "nextPid");
    private static final Field FOOTPRINTS = field(Kernel.class, "footprints");
    private static final Field SPUN = field(Actor.class, "spun");

    private Invisible() {}

    private static Field field(Class<?> c, String name) {
        try {
            Field f = c.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(c.getName() + " has no field " + name + " (Invisible is stale)", e);
        }
    }

    /** The kernel's counters a step could change without a footprint: resources and pids handed out. */
    static long counters(Kernel k) {
        try {
            return ((long) NEXT_RESOURCE.getInt(k) << 32) ^ NEXT_PID.getInt(k);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts recording footprints on a kernel between steps. */
    static void record(Kernel k) {
        k.withFootprints();
    }

    /** Stops recording, so that copies of this world do not carry a growing record. */
    static void stopRecording(Kernel k) {
        try {
            FOOTPRINTS.set(k, null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the one step {@code actor} just took, from a state offering {@code before}, to a state
     * offering {@code after}, was invisible; {@code countersBefore} from {@link #counters} before it.
     */
    static boolean was(Kernel k, int actor, int[] before, int[] after, long countersBefore, boolean dataChosen) {
        if (dataChosen || !Arrays.equals(before, after) || counters(k) != countersBefore) {
            return false;
        }
        try {
            Footprints f = k.footprints();
            if (f == null || f.steps() != 1 || f.actor(0) != actor || SPUN.getBoolean(k.actors().get(actor))) {
                return false;
            }
            int own = k.starvationCounter(actor);
            for (int access : f.of(0)) {
                if ((access >>> 1) != own) {
                    return false;
                }
            }
            return true;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
