package gcsim.realthreads;

import java.util.concurrent.locks.StampedLock;

/**
 * {@code <state>/gc.lock} (§1 item 4): a flock, so it belongs to an open file and not to a thread,
 * and nobody re-enters it. A {@link StampedLock} has both properties: a collector's exclusive lock
 * makes a try for the shared lock fail even on the thread that holds it, as an auto-GC's own
 * descriptor does to its process's addTempRoot (§2.7 G3).
 */
final class GcLock {
    private final StampedLock lock = new StampedLock();

    /** §2.6 step 3: a shared lock without blocking; 0 when a collector holds it exclusively. */
    long tryShared() {
        return lock.tryReadLock();
    }

    void releaseShared(long stamp) {
        lock.unlockRead(stamp);
    }

    /** §2.7 G3: exclusive, blocking until every shared holder has appended its root. */
    long exclusive() {
        return lock.writeLock();
    }

    void releaseExclusive(long stamp) {
        lock.unlockWrite(stamp);
    }
}
