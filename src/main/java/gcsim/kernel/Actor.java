package gcsim.kernel;

/**
 * A thread of a simulated process: a stack of {@link Frame}s driven by the kernel, never a Java thread.
 *
 * <p>Invariants: an actor is {@code done} exactly when its frame stack is empty; {@code guard} is
 * non-null only while the actor waits, and then the kernel runs it only once {@code guard.ready()}.
 */
public final class Actor {
    private final int id;
    /** The name, or null when it is the process's name followed by {@link #nameTail} and {@link #nameNumber}. */
    private final String name;
    private final String nameTail;
    /** Ends the name when not negative ({@code /gc-client-1}). */
    private final int nameNumber;
    @Derived("a name for messages, put together from the process's name and the tail when first asked")
    private String builtName;
    private final SimProcess process;
    private final Kernel kernel;

    Frame top;
    /** What the actor waits on; null when it can run. */
    Guard guard;
    /** True when the current wait is a service loop waiting for work (never a deadlock). */
    boolean serviceWait;
    /** Its last step spun: it made no progress and its next step retries ({@link Kernel#spin}). */
    boolean spun;
    private Frame pendingCall;
    private Object result;
    private Fault failure;
    boolean done;

    Actor(Kernel kernel, int id, String name, String nameTail, int nameNumber, SimProcess process, Frame body) {
        this.kernel = kernel;
        this.id = id;
        this.name = name;
        this.nameTail = nameTail;
        this.nameNumber = nameNumber;
        this.process = process;
        this.top = body;
    }

    public int id() {
        return id;
    }

    /** The thread's name; one made of its process's name is put together when first asked (see {@link SimProcess#spawnNamed}). */
    public String name() {
        if (name != null) {
            return name;
        }
        String n = builtName;
        if (n == null) {
            n = nameNumber < 0 ? process.name() + nameTail : process.name() + nameTail + nameNumber;
            builtName = n;
        }
        return n;
    }

    public SimProcess process() {
        return process;
    }

    public Kernel kernel() {
        return kernel;
    }

    public boolean done() {
        return done;
    }

    /** The fault that ended this actor, or null. */
    public Fault failure() {
        return failure;
    }

    /** What this actor's wait is for, in words ({@link Guard#waitsFor}), or null. */
    public String waitsFor() {
        return done || guard == null ? null : guard.waitsFor();
    }

    /** True when this actor is waiting and its guard is not ready. */
    public boolean blocked() {
        return !done && guard != null && !guard.ready();
    }

    /**
     * Where this actor resumes: its top frame's class and program counter, e.g. {@code WriteDerivation@3},
     * or {@code done}. A point means the same modelled operation in every variant of one model, so a
     * recorded run can be followed by meaning rather than by choice index (a transfer of a
     * counterexample to another variant). Builds a string: call it only when a transfer asks.
     */
    public String point() {
        if (top == null) {
            return "done";
        }
        int subject = top.subject();
        String at = top.getClass().getSimpleName() + "@" + top.pc();
        return subject < 0 ? at : at + "#" + subject;
    }

    public boolean inServiceWait() {
        return serviceWait;
    }

    /** Calls {@code frame}: return the result of this method from {@link Frame#step}. */
    public Control call(Frame frame) {
        pendingCall = frame;
        return Control.CALL;
    }

    /** Returns {@code value} to the caller: return the result of this method from {@link Frame#step}. */
    public Control ret(Object value) {
        result = value;
        return Control.RETURN;
    }

    /** The value the last finished callee returned. */
    public Object result() {
        return result;
    }

    /**
     * Waits until {@code g} is ready; a scheduling point. Called only within the actor's own step,
     * after which the run loop asks the new guard anyway, so the scheduler is not told here.
     */
    public Control await(Guard g) {
        guard = g;
        serviceWait = false;
        return Control.WAIT;
    }

    /**
     * Makes the actor's first step wait on {@code g}, for a start the strategy chooses: the actor is
     * spawned waiting, so no step of its own (which the scheduler could postpone past the window)
     * comes before its start. Call right after spawning it, before the execution runs.
     */
    public void startsWhen(Guard g) {
        if (kernel.steps() != 0 || guard != null) {
            throw new IllegalStateException(name() + " has already run or waits already");
        }
        guard = g;
        serviceWait = false;
    }

    /**
     * Makes a just-spawned thread begin by waiting for work on {@code g}, as if its first step had
     * been {@link #awaitWork}: a service thread whose body starts by blocking (a daemon's accept, a
     * worker's first read) would otherwise spend a step of its own on starting the wait, a step that
     * changes nothing anyone can see and only adds a decision to every schedule. Its body resumes at
     * the program counter it was built with once {@code g} is ready. Call right after spawning it,
     * in the step that spawned it: the scheduler then asks {@code g} at the next decision, as it asks
     * about every actor spawned since the last one.
     */
    public void startsAwaitingWork(Guard g) {
        if (guard != null || done) {
            throw new IllegalStateException(name() + " has ended or waits already");
        }
        guard = g;
        serviceWait = true;
    }

    /** Waits for work in a service loop: such a wait never counts as a deadlock. */
    public Control awaitWork(Guard g) {
        guard = g;
        serviceWait = true;
        return Control.WAIT;
    }

    /** Sleeps for {@code nanos} of virtual time; a scheduling point. */
    public Control sleep(long nanos) {
        return await(Guard.after(kernel, nanos));
    }

    /** Ends this actor at once, dropping its frames (its process exited or it was killed). */
    public void kill() {
        top = null;
        guard = null;
        done = true;
        kernel.actorChanged(this);
    }

    /**
     * Runs frames until the next scheduling point. Returns normally; a fault that unwinds every
     * frame ends the actor and is kept in {@link #failure()}.
     */
    void runStep() {
        guard = null;
        serviceWait = false;
        kernel.touched = false;
        while (top != null) {
            Control c;
            try {
                c = top.step(this);
            } catch (Fault f) {
                if (!unwind(f)) {
                    return;
                }
                continue;
            }
            if (top == null) { // the step ended this actor's process (exit), so its frames are gone
                return;
            }
            // comparisons of references rather than a switch, which reads the enum's ordinal through
            // a table of a synthetic class on every pass of the commonest loop of a search
            if (c == Control.YIELD) {
                if (!InvisibleSteps.goesOnAfterYield(kernel)) {
                    return;
                }
            } else if (c == Control.WAIT) {
                if (!InvisibleSteps.goesOnAfterWait(kernel, guard)) {
                    return;
                }
                guard = null; // the wait of a step nobody saw is over at once
                serviceWait = false;
            } else if (c == Control.CALL) {
                Frame callee = pendingCall;
                pendingCall = null;
                callee.caller = top;
                top = callee;
            } else if (c == Control.RETURN) {
                top = top.caller;
                if (top == null) {
                    done = true;
                    return;
                }
            } else if (c != Control.CONTINUE) {
                throw new IllegalStateException(String.valueOf(c));
            }
        }
        done = true;
    }

    private boolean unwind(Fault f) {
        while (top != null) {
            if (top.handle(this, f)) {
                return true;
            }
            top = top.caller;
        }
        failure = f;
        done = true;
        kernel.note("uncaught " + f.kind() + ": " + f.getMessage());
        process.exit();
        return false;
    }

    @Override
    public String toString() {
        return name();
    }
}
