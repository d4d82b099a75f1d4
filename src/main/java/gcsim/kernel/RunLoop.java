package gcsim.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's run loop: one execution from its first decision to its end, and what it keeps from
 * one decision to the next. At each decision it brings the runnable set up to date ({@link
 * Readiness}), applies the starvation bound, offers the clock when a timer or a window is pending,
 * asks the strategy unless there is one option, and runs the chosen step; then the observer judges
 * the step.
 *
 * <p>Why a class of its own: the kernel's fields are what actors and the model use between steps
 * (clock, resources, trace, choices); this is what decides which step comes next. It reads and
 * writes the kernel's fields directly, as the one place besides the kernel that may.
 */
final class RunLoop {
    final Strategy strategy;
    /** The options of the last decision: the runnable actors in id order, perhaps the clock last. */
    int[] options = new int[16];
    /** The options were cut by the starvation bound and must be rewritten from the runnable set. */
    @Derived("the options follow from the runnable set, which follows from the guards")
    boolean optionsStale;
    /** The actor that ran the previous step, for strategies that count preemptions; -1 at first. */
    int lastActor = -1;
    /** True once {@link #run} has begun the execution with the strategy. */
    @Derived("true at every state a search sees: it is set before the first step")
    boolean running;
    /** Actors spawned waiting for a chosen start before the execution ran, in spawn order. */
    @Derived("read once, before the first step; the waiting actors' guards are the state")
    final IntList startsBeforeRun = new IntList(2);

    RunLoop(Strategy strategy) {
        this.strategy = strategy;
    }

    /** Tells the strategy that actor {@code id} waits for a start it chooses, once the execution has begun. */
    void startChosen(int id) {
        if (running) {
            strategy.startPending(id);
        } else {
            startsBeforeRun.add(id);
        }
    }

    Outcome run(Kernel k) {
        if (k.recycled) {
            throw new IllegalStateException("this kernel gave its buffers to another execution");
        }
        ExecutionListener listener = strategy instanceof ExecutionListener l ? l : null;
        if (listener != null) {
            if (k.footprints == null) {
                k.footprints = new Footprints();
            }
            listener.started(k);
        }
        strategy.beginExecution();
        running = true;
        for (int i = 0; i < startsBeforeRun.size(); i++) {
            strategy.startPending(startsBeforeRun.get(i));
        }
        Readiness readiness = k.readiness;
        Starvation starvation = k.starvation;
        while (true) {
            if (k.stopReason != null) {
                return new Outcome(Outcome.End.STOPPED, k.steps, k.now, List.of(), k.stopReason);
            }
            readiness.update();
            if (optionsStale || readiness.optionsChanged()) {
                options = readiness.options(options);
                optionsStale = false;
            }
            int[] options = this.options;
            int n = readiness.count;
            long nextDeadline = readiness.nextDeadline();
            long latest = readiness.latest(); // the earliest time past which a ready actor may not be left waiting
            if (starvation != null) {
                starvation.forgetUnrunnable(k.actors, readiness);
            }
            if (ReadinessAudit.ENABLED) {
                ReadinessAudit.check(k.actors, options, n, nextDeadline, latest, k.steps + 1);
            }
            if (n == 0 && nextDeadline == Guard.NEVER) {
                return finish(k);
            }
            if (k.steps + k.silentWork >= k.maxSteps) {
                return new Outcome(Outcome.End.CUT, k.steps, k.now, List.of(), null);
            }
            boolean heldBack = false;
            boolean offerClock = nextDeadline != Guard.NEVER;
            if (latest != Guard.NEVER) { // a window closes: time may reach its end, not pass it
                offerClock = latest > k.now;
                nextDeadline = Math.min(nextDeadline, latest);
            }
            if (starvation != null) {
                int starved = starvation.countStarved(options, n);
                if (starved > 0) {
                    int kept = starvation.holdBackSpinners(options, n, starved, k.actors);
                    optionsStale = true; // the options no longer hold the runnable set
                    heldBack = kept < n || offerClock;
                    offerClock = false;
                    n = kept;
                }
            }
            if (offerClock) {
                options[n++] = Kernel.ADVANCE_CLOCK;
            }
            int pick = n == 1 && !heldBack ? options[0] : pickActor(k, n, heldBack);
            if (listener != null) {
                listener.beforeStep(k.steps, options, n, pick);
            }
            k.steps++;
            if (pick == Kernel.ADVANCE_CLOCK) {
                advanceClock(k, n, nextDeadline);
                continue;
            }
            Actor a = k.actors.get(pick);
            k.current = a;
            if (k.footprints != null) {
                k.footprints.beginStep(a.id());
            }
            if (starvation != null) {
                starvation.stepTaken(a, options, n, k.footprints);
            }
            a.spun = false;
            a.runStep();
            readiness.ran(a);
            if (a.done) {
                readiness.ended();
            }
            lastActor = a.id();
            if (k.observer != null) {
                k.recording = false; // the oracles' reads are not part of the step
                k.observer.afterStep(k, a);
                k.recording = true;
            }
            k.current = null;
        }
    }

    /** The clock jumps to {@code deadline}, passing over the {@code n - 1} actors offered beside it. */
    private void advanceClock(Kernel k, int n, long deadline) {
        k.current = null;
        if (k.footprints != null) {
            k.footprints.beginStep(-1);
            k.footprints.record(k.clockResource, true);
        }
        if (k.starvation != null) {
            k.starvation.clockAdvanced(options, n - 1, k.footprints);
        }
        k.now = Math.max(k.now, deadline);
        k.readiness.written(k.clockResource);
        lastActor = -1;
        if (k.trace != null) {
            k.trace.add(new TraceEvent(k.steps, k.now, "clock", "time advances to " + VirtualTime.format(k.now), false));
        }
    }

    /**
     * Asks the strategy to pick among the first {@code n} options and records the pick. Unless some
     * were held back, the options are the runnable set and perhaps the clock, so a pick is checked
     * against those in constant time rather than by a search of the options.
     */
    private int pickActor(Kernel k, int n, boolean heldBack) {
        int[] options = this.options;
        int pick = strategy.nextActor(options, n, lastActor);
        int recorded = -1;
        if (heldBack) {
            for (int i = 0; i < n; i++) {
                if (options[i] == pick) {
                    recorded = pick == Kernel.ADVANCE_CLOCK ? 0 : pick + 1;
                    break;
                }
            }
        } else if (pick == Kernel.ADVANCE_CLOCK) {
            recorded = options[n - 1] == Kernel.ADVANCE_CLOCK ? 0 : -1;
        } else if (pick >= 0 && pick < k.actors.size() && k.readiness.runnable(pick)) {
            recorded = pick + 1;
        }
        if (recorded < 0) {
            throw new IllegalStateException("strategy picked " + pick + ", which is not an option");
        }
        k.schedule.choices().add(recorded);
        return pick;
    }

    /** Nothing can run and no timer is pending: complete, or a deadlock of the actors still waiting. */
    private static Outcome finish(Kernel k) {
        List<String> blocked = new ArrayList<>();
        for (int i = 0, n = k.actors.size(); i < n; i++) {
            Actor a = k.actors.get(i);
            if (!a.done && a.guard != null && !a.serviceWait) {
                blocked.add(a.name());
            }
        }
        if (blocked.isEmpty()) {
            return new Outcome(Outcome.End.COMPLETE, k.steps, k.now, List.of(), null);
        }
        return new Outcome(Outcome.End.DEADLOCK, k.steps, k.now, List.copyOf(blocked), null);
    }
}
