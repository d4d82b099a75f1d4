package gcsim.kernel;

/**
 * A condition an actor waits on: a lock becoming free, a message arriving, a timer expiring.
 *
 * <p>Guards are asked by the kernel at scheduling decisions (at each one, unless the guard says
 * which resource it {@link #watches}), so a guard must be a pure read of simulation state: no side
 * effects, no choices.
 *
 * <p>An abstract class rather than an interface: the scheduler asks guards of many classes at every
 * decision, and a call through a class's virtual table costs less than the search of an interface
 * table that such a call site needs (a JFR profile put about a tenth of a step at the interface calls).
 */
public abstract class Guard {
    public static final long NEVER = Long.MAX_VALUE;

    /**
     * What {@link #watches} returns for a guard whose answer changes only when an actor ends or a
     * process exits (a join, a wait for another process's exit): the kernel then asks it again only
     * after such an end instead of at every decision. Not a resource: ends are never in a footprint.
     */
    public static final int ENDINGS = -2;

    public abstract boolean ready();

    /** The virtual time at which this guard becomes ready by itself, or {@link #NEVER}. */
    public long deadline() {
        return NEVER;
    }

    /**
     * For a guard that is ready: the latest virtual time its actor may still be waiting at, or
     * {@link #NEVER}. Time does not pass beyond it while the actor has not run, so a start the
     * strategy chooses within a window ({@link Kernel#window}) cannot be skipped by a clock advance.
     */
    public long latest() {
        return NEVER;
    }

    /**
     * The one resource whose writes ({@link Kernel#write}, {@link Kernel#wake}) are the only way this
     * guard's answer can change, {@link #ENDINGS}, or -1 when it may read anything. The kernel asks a
     * guard that watches a resource again only after that resource was written, and one that watches
     * nothing at every decision, so a guard may watch a resource only when every change to what it
     * reads writes (or wakes) that resource.
     */
    public int watches() {
        return -1;
    }

    /** A guard that answers {@code test} and whose answer changes only when {@code resource} is written. */
    public static Guard watching(int resource, java.util.function.BooleanSupplier test) {
        return new Guard() {
            @Override
            public boolean ready() {
                return test.getAsBoolean();
            }

            @Override
            public int watches() {
                return resource;
            }
        };
    }
}
