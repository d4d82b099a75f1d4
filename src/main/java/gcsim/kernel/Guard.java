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
 * For the same reason what a guard watches and its deadline are fixed when it is made and kept in
 * final fields here: the scheduler reads them for every actor whose guard it asks, and a field read
 * costs nothing beside a call through a table that many classes share; only {@link #ready} (and,
 * for the few guards that hold the clock, {@link #latest}) is a virtual call.
 */
public abstract class Guard {
    public static final long NEVER = Long.MAX_VALUE;

    /**
     * What {@link #watches} returns for a guard whose answer changes only when an actor ends or a
     * process exits (a join, a wait for another process's exit): the kernel then asks it again only
     * after such an end instead of at every decision. Not a resource: ends are never in a footprint.
     */
    public static final int ENDINGS = -2;

    @Derived("fixed by the guard's class and parts when it is made: the resource it watches")
    private final int watched;
    @Derived("fixed by the guard's class and parts when it is made: the time it becomes ready by itself")
    private final long readyAt;
    @Derived("fixed by the guard's class when it is made: whether it overrides latest()")
    private final boolean holdsClock;

    /** A guard that watches nothing (asked at every decision) and has no deadline. */
    protected Guard() {
        this(-1, NEVER, false);
    }

    /** A guard whose answer changes only when {@code watches} is written (see {@link #watches}). */
    protected Guard(int watches) {
        this(watches, NEVER, false);
    }

    /**
     * @param watches what {@link #watches} returns
     * @param deadline what {@link #deadline} returns
     * @param holdsClock true when the subclass overrides {@link #latest}, which is asked only then
     */
    protected Guard(int watches, long deadline, boolean holdsClock) {
        this.watched = watches;
        this.readyAt = deadline;
        this.holdsClock = holdsClock;
    }

    public abstract boolean ready();

    /**
     * What an actor blocked on this guard waits for, and who holds it, in words for a deadlock's
     * explanation ("the store's state mutex, held by worker-1"); null when the guard cannot say.
     * Called only when a run has ended in a deadlock.
     */
    public String waitsFor() {
        return null;
    }

    /** The virtual time at which this guard becomes ready by itself, or {@link #NEVER}. */
    public final long deadline() {
        return readyAt;
    }

    /**
     * For a guard that is ready: the latest virtual time its actor may still be waiting at, or
     * {@link #NEVER}. Time does not pass beyond it while the actor has not run, so a start the
     * strategy chooses within a window ({@link #window}) cannot be skipped by a clock advance.
     * A subclass that overrides it passes {@code holdsClock} true to the constructor.
     */
    public long latest() {
        return NEVER;
    }

    /** {@link #latest}, asked only of a guard that overrides it. */
    final long latestIfHeld() {
        return holdsClock ? latest() : NEVER;
    }

    /**
     * The one resource whose writes ({@link Kernel#write}, {@link Kernel#wake}) are the only way this
     * guard's answer can change, {@link #ENDINGS}, or -1 when it may read anything. The kernel asks a
     * guard that watches a resource again only after that resource was written, and one that watches
     * nothing at every decision, so a guard may watch a resource only when every change to what it
     * reads writes (or wakes) that resource.
     */
    public final int watches() {
        return watched;
    }

    /** A guard ready once {@code kernel}'s virtual time reaches {@code wake}. */
    public static Guard at(Kernel kernel, long wake) {
        return new Timer(kernel, wake);
    }

    /** A guard ready {@code nanos} of virtual time from now (a read of the clock), saturating instead of overflowing. */
    public static Guard after(Kernel kernel, long nanos) {
        long t = kernel.now();
        return new Timer(kernel, nanos >= NEVER - t ? NEVER : t + nanos);
    }

    /**
     * A guard ready from {@code opens} on, while time may not pass beyond {@code closes} as its actor
     * waits on it: the actor runs at a point the strategy chooses within {@code [opens, closes]}.
     */
    public static Guard window(Kernel kernel, long opens, long closes) {
        return new Timer.Window(kernel, opens, closes);
    }

    /** A guard that answers {@code test} and whose answer changes only when {@code resource} is written. */
    public static Guard watching(int resource, java.util.function.BooleanSupplier test) {
        return new Guard(resource) {
            @Override
            public boolean ready() {
                return test.getAsBoolean();
            }
        };
    }

    /** As {@link #watching(int, java.util.function.BooleanSupplier)}, saying what the wait is for (built only if asked). */
    public static Guard watching(int resource, java.util.function.BooleanSupplier test,
            java.util.function.Supplier<String> waitsFor) {
        return new Guard(resource) {
            @Override
            public boolean ready() {
                return test.getAsBoolean();
            }

            @Override
            public String waitsFor() {
                return waitsFor.get();
            }
        };
    }
}
