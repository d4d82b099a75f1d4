package gcsim.realthreads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state shared by every process on one machine (§1): the database, the store directory,
 * {@code gc.lock}, {@code temproots/}, the GC socket, the permanent roots, the users' fetcher caches,
 * and whether free space is below {@code min-free} (then each worker's first add runs auto-GC,
 * §2.9). Sizes are not kept: a collection here deletes all the garbage it finds, which every auto-GC
 * of the scenarios does too, since what it may free exceeds the store's size.
 */
public final class Store {
    final Database db = new Database();
    /** The store directory's entries; a collector lists it in this order (§2.7 G10's readdir). */
    final Set<String> files = new ConcurrentSkipListSet<>();
    final GcLock gcLock = new GcLock();
    final TempRoots tempRoots = new TempRoots();
    final GcSocket socket = new GcSocket();
    /** {@code gcroots/}: symlinks to store paths (§2.8). */
    final Set<String> permanentRoots = new ConcurrentSkipListSet<>();
    /** One user's fetcher cache: the store path a source was copied to (§2.11 F2). */
    final Map<String, String> fetcherCache = new ConcurrentHashMap<>();
    final boolean belowMinFree;
    private final Map<String, ReentrantLock> pathLocks = new ConcurrentHashMap<>();
    private final AtomicInteger pids = new AtomicInteger(100);
    private final Queue<String> log = new ConcurrentLinkedQueue<>();

    /** @param belowMinFree free space is below min-free, so each worker's first add runs auto-GC */
    public Store(boolean belowMinFree) {
        this.belowMinFree = belowMinFree;
    }

    /** A path that was already in the store when the test began, made by a process long gone. */
    public void seed(String path, List<String> references) {
        files.add(path);
        try {
            db.register(path, references);
        } catch (InvalidPath e) {
            throw new IllegalArgumentException("seed " + path + " before its references", e);
        }
    }

    /** A link in {@code gcroots/} to {@code path}. */
    public void addPermanentRoot(String path) {
        permanentRoots.add(path);
    }

    /** The store invariant gcsim checks after every database write: every valid path's references are valid. */
    public boolean referencesValid() {
        return db.closed();
    }

    /** Every valid path is on disk: a reader of one finds its file (gcsim's missing-file oracle). */
    public boolean validPathsOnDisk() {
        for (String p : db.validPaths()) {
            if (!files.contains(p)) {
                return false;
            }
        }
        return true;
    }

    public boolean isValid(String path) {
        return db.isValid(path);
    }

    /** What the collectors logged, such as B9.5's "BUG: … in use". */
    public List<String> log() {
        return new ArrayList<>(log);
    }

    void log(String line) {
        log.add(line);
    }

    int newPid() {
        return pids.incrementAndGet();
    }

    /** §2.4 step 5 PathLocks: the {@code .lock} file of one path. */
    ReentrantLock pathLock(String path) {
        return pathLocks.computeIfAbsent(path, p -> new ReentrantLock());
    }
}
