package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Derived;
import gcsim.kernel.Guard;
import gcsim.kernel.Kernel;

/**
 * One process's {@code unix::_isInterrupted}, the flag {@code checkInterrupt()} reads in every thread
 * of the process, and the signal that {@code ReceiveInterrupts} sends to the worker's main thread so
 * that a blocking system call there returns EINTR (signals-impl.hh, daemon.cc {@code processConnection}).
 *
 * <p>A worker gets one only when its client is named by an {@code interrupt}: for any other worker
 * the hang-up comes after the last reply, when the flag reaches nothing the model runs (docs/model.md
 * §2.3, "Interrupts"), so the model leaves out the monitor thread and its step.
 */
final class InterruptFlag {
    /** Set by {@code MonitorFdHup}'s thread when the client hangs up; cleared by processConnection's Finally. */
    private boolean set;
    @Derived("a footprint id, fixed when the worker is forked")
    private final int resource;
    @Derived("the worker's main thread, fixed when it is spawned: the target of ReceiveInterrupts")
    Actor mainThread;
    /** The main thread is blocked in an interruptible system call ({@link #eintr}), which a trigger cuts short. */
    private boolean blocked;
    /** The trigger came while the main thread was blocked there: the call returns EINTR. */
    private boolean eintr;
    @Derived("the main thread's current interruptible wait, fixed by its frame's program counter")
    private Guard blockedOn;

    InterruptFlag(Kernel k) {
        this.resource = k.newResource();
    }

    /** {@code checkInterrupt()}: throws {@link Interrupted} when the flag is set (a read of it). */
    void check(Kernel k) {
        k.read(resource);
        if (set) {
            throw new Interrupted();
        }
    }

    /** Reads the flag, for a step that branches on it without throwing. */
    boolean isSet(Kernel k) {
        k.read(resource);
        return set;
    }

    /**
     * {@code triggerInterrupt()}: sets the flag and signals the main thread. A signal cuts short a
     * blocking call the thread is in and has not yet won (one that could return already did); a call
     * it makes later blocks as usual, since the signal has come and gone.
     */
    void trigger(Kernel k) {
        k.write(resource);
        set = true;
        if (blocked) {
            k.read(blockedOn.watches()); // whether the call has already won
        }
        if (blocked && !blockedOn.ready()) {
            eintr = true;
            k.wake(blockedOn.watches());
        }
    }

    /** processConnection's Finally: {@code setInterrupted(false)}. */
    void reset(Kernel k) {
        k.write(resource);
        set = false;
    }

    /**
     * 2.8's {@code ~MonitorFdHup}: {@code pthread_cancel} the monitor thread, which ends it in its
     * {@code poll} if it has not yet seen the hang-up. Returns whether it was still waiting. Writes the
     * flag's resource: the cancel and the monitor's trigger decide between them whether the flag gets
     * set, so the exhaustive search must see the two steps as dependent.
     */
    boolean cancelMonitor(Actor monitor, Kernel k) {
        k.write(resource);
        if (monitor.done()) {
            return false;
        }
        monitor.kill();
        return true;
    }

    /**
     * A blocking system call of {@code self} that a signal interrupts (a blocking {@code flock}): for
     * the main thread, ready once {@code inner} is or a trigger cut the call short; any other thread
     * gets no signal and waits for {@code inner} alone. The step after the wait calls {@link #returned}.
     */
    Guard eintr(Actor self, Guard inner, Kernel k) {
        if (self != mainThread) {
            return inner;
        }
        k.write(resource); // the trigger reads whether the main thread is blocked here
        blocked = true;
        blockedOn = inner;
        return Guard.watching(inner.watches(), () -> eintr || inner.ready(), inner::waitsFor);
    }

    /** The blocking call of {@code self} has returned: true when it returned EINTR (the flag's state changes: a write). */
    boolean returned(Actor self, Kernel k) {
        if (self != mainThread || !blocked) {
            return false;
        }
        k.write(resource);
        blocked = false;
        blockedOn = null;
        boolean cut = eintr;
        eintr = false;
        return cut;
    }
}
