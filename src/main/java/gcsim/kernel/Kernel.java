package gcsim.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The scheduler: runs one execution of actors over a virtual clock, one step at a time, on one
 * Java thread, asking the {@link Strategy} at every choice and recording each answer.
 *
 * <p>The kernel knows nothing of Nix. It knows actors (threads of {@link SimProcess}es), guards they
 * wait on, timers, and a bound on steps. A clock advance is an option the strategy sees whenever a
 * timer is pending, because a real step can take arbitrarily long; it is forced when nothing else
 * can run.
 */
public final class Kernel {
    /** The option meaning "let virtual time jump to the next timer". Larger than any actor id. */
    public static final int ADVANCE_CLOCK = Integer.MAX_VALUE;

    /** Called after every step; may call {@link Kernel#stop} to end the execution. */
    public interface Observer {
        void afterStep(Kernel kernel, Actor actor);
    }

    // Package-private where RunLoop, which decides the next step, reads or writes them.
    final Strategy strategy;
    final Schedule schedule;
    final List<Actor> actors;
    private final List<SimProcess> processes;
    int[] options = new int[16];
    /** The options were cut by the starvation bound and must be rewritten from the runnable set. */
    @Derived("the options follow from the runnable set, which follows from the guards")
    boolean optionsStale;
    final int maxSteps;
    long now;
    int steps;
    /**
     * Pieces of work done inside steps without a scheduling point (an operation that ends without
     * waiting, a loop turn over an empty repetition). They count toward the step bound with the
     * steps, so that {@code maxSteps} bounds every execution, even one whose actor loops without ever
     * yielding; they do not number steps, so traces are unchanged.
     */
    long silentWork;
    private int nextPid = 1000;
    private int nextResource;
    Actor current;
    /** The actor that ran the previous step, for strategies that count preemptions; -1 at first. */
    int lastActor = -1;
    final int clockResource;
    boolean recording = true;
    String stopReason;
    Observer observer;
    List<TraceEvent> trace;
    Footprints footprints;
    /** The starvation bound and its counters, or null for no bound. */
    Starvation starvation;
    /** True once {@link #run()} has begun the execution with the strategy. */
    @Derived("true at every state a search sees: it is set before the first step")
    boolean running;
    /** Actors spawned waiting for a chosen start before the execution ran, in spawn order. */
    @Derived("read once, before the first step; the waiting actors' guards are the state")
    final IntList startsBeforeRun = new IntList(2);
    @Derived("which actors can run follows from their guards and the state the guards read")
    final Readiness readiness;
    /**
     * Whether each decision also asks every guard, as the kernel did before it kept {@link Readiness},
     * and fails when the two disagree: on in the tests (system property {@code gcsim.auditReadiness}),
     * so that a guard that watches a resource without every change being written is caught.
     */
    static final boolean AUDIT_READINESS = Boolean.getBoolean("gcsim.auditReadiness");

    /** Whether a step nobody could see runs on into its actor's next one ({@link InvisibleSteps}). */
    boolean joinsInvisibleSteps;
    /**
     * Set by everything a running step does that another actor or the scheduler could see: a
     * resource read, written or woken, a clock read, an actor spawned, changed or ended, a process
     * made or ended, a chosen start, a spin, a stop. Cleared when a step begins. A store per access,
     * kept whether or not steps are joined.
     */
    @Derived("read only within a step, which clears it first; between steps it means nothing")
    boolean touched;

    /** Set once {@link #recycle} gave this kernel's buffers away: it may not run again. */
    @Derived("only guards against a misuse; a recycled kernel is never snapshotted or run")
    boolean recycled;

    public Kernel(Strategy strategy, int maxSteps) {
        this(strategy, maxSteps, null);
    }

    /** A kernel taking its buffers from {@code reuse} when a finished kernel left some there. */
    public Kernel(Strategy strategy, int maxSteps, Reuse reuse) {
        this.strategy = strategy;
        this.maxSteps = maxSteps;
        this.readiness = reuse == null ? new Readiness(nextResource) : reuse.takeReadiness(nextResource);
        this.actors = new ArrayList<>(reuse == null ? 16 : reuse.actorCapacity());
        this.processes = new ArrayList<>(reuse == null ? 8 : reuse.processCapacity());
        this.schedule = reuse == null ? new Schedule() : reuse.takeSchedule();
        this.clockResource = newResource();
    }

    /**
     * Gives this finished kernel's buffers to {@code reuse} for the next execution; call only when
     * nothing will run or ask this kernel's actors again (its trace and outcome stay valid, and so
     * does its schedule unless {@code choicesToo}). With {@code choicesToo} the list of this
     * execution's choices goes too, and the next execution overwrites it: for a search that reads the
     * schedule of a failing execution only (a heavy-load execution makes some 340 choices, a list
     * allocated and zeroed anew each time otherwise).
     */
    public void recycle(Reuse reuse, boolean choicesToo) {
        recycled = true;
        reuse.keep(readiness, schedule, actors.size(), processes.size(), choicesToo);
    }

    /** Records a trace of every step; call before {@link #run()}. Off by default: tracing costs. */
    public Kernel withTrace() {
        trace = new ArrayList<>(256);
        return this;
    }

    /** Records the footprint of every step; call before {@link #run()}. */
    public Kernel withFootprints() {
        footprints = new Footprints();
        return this;
    }

    /**
     * Joins invisible steps to their successors: a step that read and wrote no resource, read no
     * clock and started, changed or ended no actor or process runs on into its actor's next step
     * instead of ending at a scheduling point ({@link InvisibleSteps} says why that loses nothing).
     * Call before {@link #run()}.
     */
    public Kernel withInvisibleStepsJoined() {
        joinsInvisibleSteps = true;
        return this;
    }

    /**
     * Bounds starvation by retry loops at {@code bound} turns ({@link Starvation} says what a turn is
     * and why a search needs the bound). Call before {@link #run()}.
     */
    public Kernel withStarvationBound(int bound) {
        if (bound < 0) {
            throw new IllegalArgumentException("the starvation bound must be at least 0, not " + bound);
        }
        starvation = new Starvation(bound);
        // actors spawned before the bound was set get their counters now: otherwise they would all
        // share index 0 of the counters' table, the clock's resource, and their turns would look
        // like clock advances to a search
        for (int i = 0, n = actors.size(); i < n; i++) {
            starvation.actorCreated(actors.get(i).id(), newResource());
        }
        return this;
    }

    /**
     * The resource actor {@code id}'s starvation counter lives in (each turn that passes over it
     * writes it), or -1 without a starvation bound: for a search that tells a step touching only its
     * own counter from one touching shared state.
     */
    public int starvationCounter(int id) {
        return starvation == null ? -1 : starvation.resource(id);
    }

    public void observe(Observer o) {
        observer = o;
    }

    /**
     * Declares that the running step made no progress and that its actor's next step retries it at
     * once, without waiting for anything (a busy retry loop). Only the starvation bound reads it.
     */
    public void spin() {
        touched = true;
        if (current != null) {
            current.spun = true;
        }
    }

    /** Virtual time in nanoseconds; a read of the clock by the running step. */
    public long now() {
        touched = true;
        if (footprints != null && current != null && recording) {
            footprints.record(clockResource, false);
        }
        return now;
    }

    /** Virtual time without recording a read: for the kernel's own bookkeeping between and inside steps. */
    long clock() {
        return now;
    }

    public int steps() {
        return steps;
    }

    /**
     * Counts one piece of work done without a scheduling point toward the step bound; returns true
     * when the bound is reached, and then the caller ends its step (yields) so the execution is cut.
     */
    public boolean silentWork() {
        silentWork++;
        return steps + silentWork >= maxSteps;
    }

    public Schedule schedule() {
        return schedule;
    }

    public boolean tracing() {
        return trace != null;
    }

    public List<TraceEvent> trace() {
        return trace == null ? List.of() : Collections.unmodifiableList(trace);
    }

    public Footprints footprints() {
        return footprints;
    }

    /** The actor whose step is running, or null between steps. */
    public Actor current() {
        return current;
    }

    public List<Actor> actors() {
        return Collections.unmodifiableList(actors);
    }

    public List<SimProcess> processes() {
        return Collections.unmodifiableList(processes);
    }

    public SimProcess newProcess(String name) {
        return newProcess(name, -1);
    }

    /**
     * A process named {@code head} followed by {@code number} when it is not negative, put together
     * only when the name is asked for (a daemon's {@code worker-3}, forked at a step of every execution).
     */
    public SimProcess newProcess(String head, int number) {
        touched = true;
        SimProcess p = new SimProcess(this, nextPid++, head, number);
        processes.add(p);
        return p;
    }

    /** @param name the actor's name, or null for its process's name followed by {@code tail} and {@code number} */
    Actor newActor(String name, String tail, int number, SimProcess p, Frame body) {
        touched = true;
        Actor a = new Actor(this, actors.size(), name, tail, number, p, body);
        actors.add(a);
        readiness.actorCreated(a);
        if (starvation != null) {
            starvation.actorCreated(a.id(), newResource());
        }
        return a;
    }

    /** A fresh id for a piece of shared state, for footprints. */
    public int newResource() {
        readiness.resourceCreated(nextResource);
        return nextResource++;
    }

    /** The resource virtual time lives in: timers watch it. */
    int clockResource() {
        return clockResource;
    }

    /** The actor's guard was replaced or it ended: its readiness is asked again at the next decision. */
    void actorChanged(Actor a) {
        touched = true;
        readiness.changed(a);
        if (a.done) {
            readiness.ended();
        }
    }

    /** A process exited: guards watching {@link Guard#ENDINGS} are asked again at the next decision. */
    void processExited() {
        touched = true;
        readiness.ended();
    }

    /** Reports that the running step read {@code resource}. */
    public void read(int resource) {
        touched = true;
        if (footprints != null && recording) {
            footprints.record(resource, false);
        }
    }

    /**
     * Tells the scheduler that guards watching {@code resource} may answer differently now, without
     * a footprint access: for a change that a step already reports through the write of another
     * resource, read by a guard that can watch only one ({@link Guard#watches}).
     */
    public void wake(int resource) {
        touched = true;
        readiness.written(resource);
    }

    /** Reports that the running step wrote {@code resource}. */
    public void write(int resource) {
        touched = true;
        readiness.written(resource);
        if (footprints != null && recording) {
            footprints.record(resource, true);
        }
    }

    public Guard timer(long wake) {
        return new Timer(this, wake);
    }

    /**
     * A guard ready from {@code opens} on that time may not pass beyond {@code closes} while its actor
     * waits on it: the actor runs at a point the strategy chooses within {@code [opens, closes]}.
     */
    public Guard window(long opens, long closes) {
        return new Timer.Window(this, opens, closes);
    }

    /**
     * Tells the strategy that {@code a} now waits for a start it chooses (a window), so that a
     * strategy may plan when to let it run; the choice itself is the actor pick, recorded as usual.
     */
    public void startChosen(Actor a) {
        touched = true;
        if (running) {
            strategy.startPending(a.id());
        } else {
            startsBeforeRun.add(a.id()); // told once the strategy has begun the execution
        }
    }

    /** A timer {@code nanos} from now, saturating instead of overflowing. */
    public Guard timerAfter(long nanos) {
        long t = now();
        long wake = nanos >= Guard.NEVER - t ? Guard.NEVER : t + nanos;
        return new Timer(this, wake);
    }

    /** A data choice in {@code [0, bound)}, made by the strategy and recorded; no choice when bound ≤ 1. */
    public int choose(int bound) {
        if (bound <= 1) {
            return 0;
        }
        int v = strategy.nextValue(bound);
        if (v < 0 || v >= bound) {
            throw new IllegalStateException("strategy returned " + v + " for a choice below " + bound);
        }
        schedule.choices().add(v);
        return v;
    }

    /** Adds a line to the trace of the running step; costs nothing when not tracing. */
    public void note(String text) {
        if (trace != null) {
            trace.add(new TraceEvent(steps, now, current == null ? "-" : current.name(), text, false));
        }
    }

    /** Like {@link #note} but the line also belongs in the failure story. */
    public void story(String text) {
        if (trace != null) {
            trace.add(new TraceEvent(steps, now, current == null ? "-" : current.name(), text, true));
        }
    }

    /** Ends the execution after the current step. */
    public void stop(String reason) {
        touched = true;
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    void actorFailed(Actor a, Fault f) {
        note("uncaught " + f.kind() + ": " + f.getMessage());
        a.process().exit();
    }

    /** Runs the execution to its end. */
    public Outcome run() {
        return RunLoop.run(this);
    }
}
