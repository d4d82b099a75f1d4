package gcsim.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A condition variable paired with a {@link Mutex}. Waiting releases the mutex and is a scheduling
 * point; the waiter may run again after a notification and must then retake the mutex (a second
 * wait, on {@link Mutex#free()}) and recheck its condition, as real code does.
 */
public final class CondVar {
    private final Kernel kernel;
    private final int resource;
    private final List<Waiter> waiters = new ArrayList<>(2);

    /** One thread's pending wait; its guard becomes ready once notified. */
    public static final class Waiter extends Guard {
        /** The condition variable's resource: {@link #signalAll} writes it when it notifies. */
        private final int resource;
        boolean notified;

        Waiter(int resource) {
            super(resource);
            this.resource = resource;
        }

        @Override
        public boolean ready() {
            return notified;
        }
    }

    public CondVar(Kernel kernel) {
        this.kernel = kernel;
        this.resource = kernel.newResource();
    }

    /** Releases {@code m} held by {@code a} and registers a waiter; return {@code a.await(waiter)}. */
    public Waiter release(Mutex m, Actor a) {
        kernel.write(resource);
        m.unlock(a);
        Waiter w = new Waiter(resource);
        waiters.add(w);
        return w;
    }

    public void signalAll() {
        kernel.write(resource);
        for (int i = 0, n = waiters.size(); i < n; i++) {
            waiters.get(i).notified = true;
        }
        waiters.clear();
    }
}
