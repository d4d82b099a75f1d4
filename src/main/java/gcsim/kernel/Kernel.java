package gcsim.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The scheduler of one execution of actors over a virtual clock, run one step at a time on one Java
 * thread: its state and what the steps use (time, resources, choices, notes). {@link RunLoop}, which
 * reads and writes its package-private fields, picks each next step, asking the {@link Strategy}.
 *
 * <p>The kernel knows nothing of Nix. It knows actors (threads of {@link SimProcess}es), guards they
 * wait on, timers, and a bound on steps. A clock advance is an option the strategy sees whenever a
 * timer is pending, because a real step can take arbitrarily long; it is forced when nothing else can run.
 */
public final class Kernel {
    /** The option meaning "let virtual time jump to the next timer". Larger than any actor id. */
    public static final int ADVANCE_CLOCK = Integer.MAX_VALUE;

    /** What decides the next step: the strategy and what it keeps between decisions. */
    final RunLoop loop;
    final Schedule schedule;
    final List<Actor> actors;
    final List<SimProcess> processes;
    final int maxSteps;
    long now;
    int steps;
    /** Work done inside steps without a scheduling point ({@link #silentWork()}): bounded, not numbered. */
    long silentWork;
    private int nextPid = 1000;
    private int nextResource;
    Actor current;
    /** The resource virtual time lives in: timers watch it. */
    final int clockResource;
    boolean recording = true;
    String stopReason;
    Observer observer;
    List<TraceEvent> trace;
    Footprints footprints;
    /** The starvation bound and its counters, or null for no bound. */
    Starvation starvation;
    @Derived("which actors can run follows from their guards and the state the guards read")
    final Readiness readiness;

    /** Whether a step nobody could see runs on into its actor's next one ({@link InvisibleSteps}). */
    boolean joinsInvisibleSteps;
    /**
     * Set by everything a running step does that others could see (an access, a clock read, a spawn,
     * an end, a chosen start, a spin, a stop); cleared when a step begins. {@link InvisibleSteps} reads it.
     */
    @Derived("read only within a step, which clears it first; between steps it means nothing")
    boolean touched;

    /** Set once {@link Reuse#keep} took this kernel's buffers: it may not run again. */
    @Derived("only guards against a misuse; a recycled kernel is never snapshotted or run")
    boolean recycled;

    public Kernel(Strategy strategy, int maxSteps) {
        this(strategy, maxSteps, null);
    }

    /** A kernel taking its buffers from {@code reuse} when a finished kernel left some there. */
    public Kernel(Strategy strategy, int maxSteps, Reuse reuse) {
        this.loop = new RunLoop(strategy);
        this.maxSteps = maxSteps;
        this.readiness = reuse == null ? new Readiness(nextResource) : reuse.takeReadiness(nextResource);
        this.actors = new ArrayList<>(reuse == null ? 16 : reuse.actorCapacity());
        this.processes = new ArrayList<>(reuse == null ? 8 : reuse.processCapacity());
        this.schedule = reuse == null ? new Schedule() : reuse.takeSchedule();
        this.clockResource = newResource();
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
     * Joins a step nobody could see to its actor's next one instead of ending it at a scheduling
     * point ({@link InvisibleSteps} says which steps and why nothing is lost). Call before {@link #run()}.
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
        starvation = Starvation.over(bound, this);
        return this;
    }

    /**
     * The resource actor {@code id}'s starvation counter lives in, or -1 without a bound: for a search
     * that tells a step touching only its own counter from one touching shared state.
     */
    public int starvationCounter(int id) {
        return starvation == null ? -1 : starvation.resource(id);
    }

    /** Has {@code o} judge every step (the oracles); call before {@link #run()}. */
    public void observe(Observer o) {
        observer = o;
    }

    /** Declares that the running step made no progress and its next one retries at once (a busy loop); for the starvation bound. */
    public void spin() {
        touched = true;
        if (current != null) {
            current.spun = true;
        }
    }

    /** Virtual time in nanoseconds; a read of the clock by the running step (guards of time: {@link Guard#at}). */
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
     * Counts one piece of work done without a scheduling point (an operation that ends without
     * waiting, a turn over an empty loop) toward the step bound; true when the bound is reached, and
     * the caller then yields so that the execution is cut.
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

    /** A process named {@code head} followed by {@code number} unless negative ({@code worker-3}), put together when asked. */
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
     * Guards watching {@code resource} may answer differently now; no footprint access: for a change
     * a step reports through the write of another resource, read by a guard that watches only one.
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

    /** Tells the strategy that {@code a} waits for a start it chooses (a window); the start itself is an actor pick. */
    public void startChosen(Actor a) {
        touched = true;
        loop.startChosen(a.id());
    }

    /** A data choice in {@code [0, bound)}, made by the strategy and recorded; no choice when bound ≤ 1. */
    public int choose(int bound) {
        if (bound <= 1) {
            return 0;
        }
        int v = loop.strategy.nextValue(bound);
        if (v < 0 || v >= bound) {
            throw new IllegalStateException("strategy returned " + v + " for a choice below " + bound);
        }
        schedule.choices().add(v);
        return v;
    }

    /** Adds a line to the trace of the running step; costs nothing when not tracing. */
    public void note(String text) {
        line(text, false);
    }

    /** Like {@link #note} but the line also belongs in the failure story. */
    public void story(String text) {
        line(text, true);
    }

    private void line(String text, boolean story) {
        if (trace != null) {
            trace.add(new TraceEvent(steps, now, current == null ? "-" : current.name(), text, story));
        }
    }

    /** Ends the execution after the current step. */
    public void stop(String reason) {
        touched = true;
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    /** Runs the execution to its end. */
    public Outcome run() {
        return loop.run(this);
    }
}
