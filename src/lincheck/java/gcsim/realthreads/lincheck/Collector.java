package gcsim.realthreads.lincheck;

/**
 * {@code gcsim.realthreads.Collector} transcribed: one run of {@code LocalStore::collectGarbage}
 * with {@code gcDeleteDead} (§2.7) on the calling thread, as an auto-GC that its worker waits for.
 * Its sets are arrays indexed by path and belong to this thread alone, as the implementation's do.
 * Under early-return there is no deletion re-check (#15992), so B9.2 is left out.
 */
final class Collector {
    private final Machine m;
    private final boolean[] roots = new boolean[Machine.PATHS];
    private final boolean[] alive = new boolean[Machine.PATHS];
    private final boolean[] dead = new boolean[Machine.PATHS];

    Collector(Machine m) {
        this.m = m;
    }

    /** G1–G13. */
    void collect() throws InterruptedException {
        m.gcLock.exclusive(); // G3 ⟂
        m.socket.listen(); // G5–G6 ⟂
        try {
            for (int r = 0; r < Machine.PATHS; r++) { // G7 findRootsNoTemp ⟂
                if (m.permanentRoot[r] && m.db.isValid(r)) {
                    roots[r] = true;
                }
            }
            boolean[] live = m.tempRoots.readLive(); // G8 findTempRoots ⟂
            for (int p = 0; p < Machine.PATHS; p++) {
                if (live[p]) {
                    synchronized (m.socket) {
                        m.socket.sentRoots[p] = true;
                    }
                    roots[p] = true;
                }
            }
            boolean[] listed = new boolean[Machine.PATHS];
            for (int p = 0; p < Machine.PATHS; p++) { // G10 readdir ⟂
                listed[p] = m.onDisk(p);
            }
            for (int p = 0; p < Machine.PATHS; p++) {
                if (listed[p]) {
                    maybeDeleteReferrersClosure(p);
                }
            }
        } finally {
            m.socket.stop(); // G13.1–2 ⟂
            m.gcLock.releaseExclusive(); // G13.3 ⟂
        }
    }

    /** B0–B9: the path and its referrers go together, or none of them. */
    private void maybeDeleteReferrersClosure(int start) {
        boolean[] visited = new boolean[Machine.PATHS];
        int[] queue = new int[Machine.PATHS];
        int head = 0;
        int tail = 0;
        visited[start] = true; // B0
        queue[tail++] = start;
        try {
            while (head < tail) {
                int p = queue[head++]; // B1
                if (alive[p]) { // B2
                    alive[start] = true;
                    return;
                }
                if (dead[p]) { // B3
                    continue;
                }
                if (roots[p]) { // B4
                    alive[start] = true;
                    m.db.closure(p, alive);
                    return;
                }
                synchronized (m.socket) { // B6 ⟂
                    if (m.socket.sentRoots[p]) {
                        alive[start] = true;
                        m.db.closure(p, alive);
                        return;
                    }
                    m.socket.pending = p;
                }
                if (m.db.isValid(p)) { // B7 ⟂
                    boolean[] referrers = m.db.referrers(p);
                    for (int r = 0; r < Machine.PATHS; r++) {
                        if (referrers[r] && !visited[r]) {
                            visited[r] = true;
                            queue[tail++] = r;
                        }
                    }
                }
            }
            for (int q : m.db.topoSort(queue, tail)) { // B9 ⟂
                delete(q);
            }
        } finally {
            m.socket.resetPending(); // B0: on any exit
        }
    }

    /** B9.1, B9.3–B9.5 for one path. */
    private void delete(int q) {
        if (dead[q]) { // B9.1
            return;
        }
        dead[q] = true;
        if (!m.db.invalidateChecked(q)) { // B9.3 ⟂
            return; // B9.5 "BUG: cannot delete path '…': it is in use"
        }
        m.setOnDisk(q, false); // B9.4 deleteFromStore ⟂
    }
}
