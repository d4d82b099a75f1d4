package gcsim.realthreads;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of {@code LocalStore::collectGarbage} over the whole store with {@code gcDeleteDead}
 * (§2.7), on the calling thread: a {@code nix-store --gc} process, or an auto-GC that its worker
 * waits for synchronously (§2.9 step 11). Its socket threads T are the only other threads it has.
 * keep-outputs and keep-derivations add nothing here: no drv in these tests has been built.
 */
public final class Collector {
    private final Store store;
    private final boolean deletionRecheck;
    private final GcSocket.Shared shared = new GcSocket.Shared();
    private final Set<String> roots = new HashSet<>();
    private final Set<String> alive = new HashSet<>();
    private final Set<String> dead = new HashSet<>();
    private final Map<String, List<String>> referrersCache = new HashMap<>();

    public Collector(Store store, Variant variant) {
        this.store = store;
        this.deletionRecheck = variant.deletionRecheck();
    }

    /** G1–G13. */
    public void collect() {
        long lock = store.gcLock.exclusive(); // G3 ⟂
        GcSocket.Server server = store.socket.listen(shared); // G5–G6 ⟂
        try {
            for (String r : store.permanentRoots) { // G7 findRootsNoTemp ⟂
                if (store.db.isValid(r)) {
                    roots.add(r);
                }
            }
            for (String p : store.tempRoots.readLive()) { // G8 findTempRoots ⟂
                synchronized (shared) {
                    shared.tempRoots.add(p);
                }
                roots.add(p);
            }
            for (String p : new ArrayList<>(store.files)) { // G10 readdir ⟂
                maybeDeleteReferrersClosure(p);
            }
        } finally {
            store.socket.stop(server); // G13.1–2 ⟂
            store.gcLock.releaseExclusive(lock); // G13.3 ⟂
        }
    }

    /** B0–B9. */
    private void maybeDeleteReferrersClosure(String start) {
        Set<String> visited = new LinkedHashSet<>(List.of(start)); // B0
        Deque<String> queue = new ArrayDeque<>(visited);
        try {
            while (!queue.isEmpty()) {
                String p = queue.poll(); // B1
                if (alive.contains(p)) { // B2
                    alive.add(start);
                    return;
                }
                if (dead.contains(p)) { // B3
                    continue;
                }
                if (roots.contains(p)) { // B4
                    alive.add(start);
                    markAlive(p);
                    return;
                }
                synchronized (shared) { // B6 ⟂
                    if (shared.tempRoots.contains(p)) {
                        alive.add(start);
                        markAlive(p);
                        return;
                    }
                    shared.pending = p;
                }
                if (store.db.isValid(p)) { // B7 ⟂
                    for (String r : referrersCache.computeIfAbsent(p, store.db::referrers)) {
                        if (visited.add(r)) {
                            queue.add(r);
                        }
                    }
                }
            }
            for (String q : store.db.topoSort(visited)) { // B9 ⟂
                delete(q);
            }
        } finally {
            shared.resetPending(); // B0: on any exit
        }
    }

    /** B9.1–B9.5 for one path, with #15992's re-check when the variant has it. */
    private void delete(String q) {
        if (!dead.add(q)) { // B9.1
            return;
        }
        if (deletionRecheck) {
            synchronized (shared) { // B9.2a ⟂
                if (shared.tempRoots.contains(q)) {
                    store.log("not deleting '" + q + "' because it became a temporary root after initial scan");
                    markAlive(q);
                    return;
                }
                shared.pending = q;
            }
        }
        try {
            if (!store.db.invalidateChecked(q)) { // B9.3 ⟂
                store.log("BUG: cannot delete path '" + q + "': it is in use"); // B9.5
                return;
            }
            store.files.remove(q); // B9.4 deleteFromStore ⟂
            referrersCache.remove(q);
        } finally {
            if (deletionRecheck) {
                shared.resetPending(); // B9.2d
            }
        }
    }

    /** markAlive: the path and its closure over references. */
    private void markAlive(String p) {
        alive.addAll(store.db.closure(p));
    }
}
