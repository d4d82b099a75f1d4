package gcsim.realthreads.lincheck;

/**
 * {@code <state>/gc-socket/socket} (§1 item 5) with the collector's {@code Shared} state. The
 * implementation serves each connection on a thread T of the collector's; here the client runs
 * T's steps itself, under the same mutex, while it waits for the acknowledgement: it does nothing
 * else meanwhile, so the interleavings with the collector are the same, without a thread that
 * Lincheck did not start. The collector's stop waits until no client is inside T, as joining the
 * T threads does.
 */
final class GcSocket {
    /** Whether a collector listens (from G5 to G13). */
    private boolean listening;
    /** Clients inside T's steps. */
    private int serving;
    /** The collector's {@code Shared}: the temp roots it has been sent, and the path it is deleting. */
    final boolean[] sentRoots = new boolean[Machine.PATHS];
    int pending = -1;

    /** G5–G6: bind, listen. */
    synchronized void listen() {
        listening = true;
        for (int p = 0; p < Machine.PATHS; p++) {
            sentRoots[p] = false;
        }
        pending = -1;
    }

    /** G13 steps 1–2: stop listening and wait for the connections being served. */
    synchronized void stop() throws InterruptedException {
        listening = false;
        while (serving > 0) {
            wait();
        }
    }

    /** B0 / B9.2d: reset {@code pending} and wake every T waiting on it. */
    synchronized void resetPending() {
        pending = -1;
        notifyAll();
    }

    /**
     * §2.6 steps 5–7, with T's steps (T.2–T.4): false on ECONNREFUSED, where the caller starts again.
     */
    boolean sendRoot(int p) throws InterruptedException {
        synchronized (this) {
            if (!listening) { // 5: connect ⟂
                return false;
            }
            serving++;
        }
        synchronized (this) {
            sentRoots[p] = true; // T.2
            while (pending == p) { // T.3 ⟂
                wait();
            }
            serving--; // T.4 write "1" ⟂
            notifyAll();
        }
        return true;
    }
}
