package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.kernel.IntList;
import java.util.BitSet;

/**
 * The deletion loop of {@code maybeDeleteReferrersClosure} (§2.7 B9): every visited entry, referrers
 * first, is marked dead, invalidated and deleted.
 *
 * <p>At the baseline (gc.cc 651–665 at 08da3311b3) the loop never looks at temp roots again, and
 * {@code pending} stays at the last path the breadth-first visit set, so a root that reaches the
 * socket for an earlier visited path is acknowledged at once and then deleted. With
 * {@code gc-delete-recheck} (#15992; gc.cc 715–755 at 88b09c64fb) each entry is re-checked against
 * {@code tempRoots} under the Shared lock, kept with its closure if a root arrived, and otherwise held
 * {@code pending} while it is invalidated and deleted, so that an acknowledgement for it waits until
 * it is gone. The loop still never consults {@code alive}: a path kept here whose reference is next
 * in line makes that reference's invalidation fail with PathInUse, the "BUG" line (R1 of the review).
 */
final class DeletionLoop extends ModelFrame {
    private static final String FN = "maybeDeleteReferrersClosure §2.7";
    private final GcRun run;
    private final IntList visited;
    private IntList order;
    private int i;
    private int q;

    DeletionLoop(World w, GcRun run, IntList visited) {
        super(w);
        this.run = run;
        this.visited = visited;
    }

    @Override
    protected int subject() { // the closure's start, for transfers
        return visited.get(0);
    }

    private String entryName(int entry) {
        return (entry & 1) == 0 ? name(entry >> 1) : name(entry >> 1) + ".lock";
    }

    /** The cases whose step queries the database: the sort, B9.2a's markAlive, the invalidation. */
    private boolean queriesDb() {
        return pc == 0 || (pc == 1 && !w.switches.gcDeleteRecheck()) || pc == 3 || pc == 4;
    }

    @Override
    protected Control step(Actor self) {
        if (queriesDb() && run.store.dbStepBlocked(self)) { // 2.8: the state mutex guards DB access
            return self.await(run.store.state.free());
        }
        switch (pc) {
            case 0: // B9: topoSortPaths(visited), referrers first ⟂[db]
                order = topoSort();
                i = 0;
                return yieldTo(1);
            case 1: // B9.1: skip an entry already dead, else mark it dead (before any re-check)
                if (i == order.size()) {
                    return self.ret(null);
                }
                q = order.get(i++);
                if (run.dead.get(q)) {
                    return goTo(1);
                }
                run.dead.set(q);
                if (w.switches.gcDeleteRecheck()) {
                    pc = 2; // B9.2a: lock Shared ⟂ (gc.cc 728–739 at 88b09c64fb)
                    return self.await(run.mutex.free());
                }
                return invalidate(); // the baseline: straight to invalidatePathChecked, in this step
            case 2: // B9.2a: a temp root that arrived after the visit keeps the entry; else pending := it
                run.mutex.lock(self);
                if (run.tempRoots.get(q >> 1)) {
                    if (k.tracing()) {
                        story(FN + " B9.2a", "not deleting " + entryName(q)
                                + " because it became a temporary root after initial scan");
                    }
                    return yieldTo(3); // markAlive reads the database ⟂[db] while Shared is still locked
                }
                run.pending = q >> 1;
                run.mutex.unlock(self);
                return yieldTo(4);
            case 3: // B9.2a: markAlive(Q) ⟂[db], holding Shared; the entry stays in dead (B9.1 ran first)
                run.markAlive(w, q);
                run.mutex.unlock(self);
                return yieldTo(1);
            case 4: // B9.2b: invalidatePathChecked(Q) ⟂[db] (gc.cc 746 at 88b09c64fb)
                return invalidate();
            case 5: { // B9.2c (B9.4 at the baseline): deleteFromStore ⟂[fs]
                run.store.checkInterrupt(); // _deletePath's checkInterrupt (unix/file-system.cc 161 at 88b09c64fb)
                long freed;
                if ((q & 1) == 0) {
                    freed = w.store.delete(q >> 1);
                    w.pathDeleted();
                    if (w.switches.gcDeleteRecheck()) { // referrersCache.erase (gc.cc 748 at 88b09c64fb)
                        run.referrersCache[q >> 1] = null;
                    }
                    if (k.tracing()) {
                        story(FN + " B9", CollectorWords.deleted(w, run, entryName(visited.get(0)), q >> 1, order));
                    }
                } else {
                    w.store.unlinkLock(q >> 1, null);
                    freed = 0;
                    if (k.tracing()) {
                        note(FN + " B9", "deletes " + entryName(q));
                    }
                }
                run.freed += freed;
                if (run.freed > run.maxFreed) { // GCLimitReached; the caller's handler resets pending
                    throw new NixError(NixError.GC_LIMIT, FN + " B9", null, "deleted more than max-freed bytes; stopping");
                }
                return afterDeletion();
            }
            case 6: // B9.2d: Finally resetPending — lock Shared ⟂ (gc.cc 740–744 at 88b09c64fb)
                pc = 7;
                return self.await(run.mutex.free());
            case 7: // B9.2d: pending := none, notify_all
                run.mutex.lock(self);
                run.pending = -1;
                run.wakeup.signalAll();
                run.mutex.unlock(self);
                if (k.tracing()) {
                    note(FN + " B9.2d", "resets pending after " + entryName(q));
                }
                return goTo(1);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }

    /** invalidatePathChecked ⟂[db]; PathInUse is logged as "BUG" (≥ 2.26) or aborts the run (≤ 2.25). */
    private Control invalidate() {
        if ((q & 1) == 0) {
            try {
                w.db.invalidateChecked(q >> 1);
                run.store.invalidated(q >> 1);
            } catch (NixError e) {
                if (w.switches.pathInUse() == gcsim.variant.PathInUse.ABORT) {
                    if (k.tracing()) {
                        story(FN + " B9", e.getMessage() + ": the collection aborts");
                    }
                    throw e;
                }
                if (k.tracing()) {
                    story(FN + " B9", "BUG: " + e.getMessage() + " (logged, path kept)");
                }
                if (w.switches.gcDeleteRecheck()) {
                    return goTo(6); // the catch is inside resetPending's scope
                }
                return yieldTo(1);
            }
        }
        return yieldTo(5);
    }

    /** The end of one entry: the baseline goes on to the next; with the re-check, pending is reset first. */
    private Control afterDeletion() {
        if (w.switches.gcDeleteRecheck()) {
            return goTo(6); // the reset's lock is the next scheduling point
        }
        return yieldTo(1);
    }

    /** Sorts entries by their store path name (a lock file right after its path). */
    private IntList byRank(IntList l) {
        for (int a = 1; a < l.size(); a++) {
            int v = l.get(a);
            int b = a - 1;
            while (b >= 0 && key(l.get(b)) > key(v)) {
                l.set(b + 1, l.get(b));
                b--;
            }
            l.set(b + 1, v);
        }
        return l;
    }

    private int key(int entry) {
        return 2 * w.layout.rank(entry >> 1) + (entry & 1);
    }

    /** Referrers before references among the visited entries; ties in store-path order, as Nix's sets. */
    private IntList topoSort() {
        IntList out = new IntList(visited.size());
        BitSet done = new BitSet();
        IntList items = byRank(visited.copy());
        for (int j = 0; j < items.size(); j++) {
            visit(items.get(j), done, new BitSet(), out);
        }
        // visit() appends references before referrers; reverse for referrers first
        IntList rev = new IntList(out.size());
        for (int j = out.size() - 1; j >= 0; j--) {
            rev.add(out.get(j));
        }
        return rev;
    }

    private void visit(int entry, BitSet done, BitSet onPath, IntList out) {
        if (done.get(entry) || onPath.get(entry)) {
            return;
        }
        onPath.set(entry);
        if ((entry & 1) == 0) {
            IntList refs = new IntList(4);
            for (int r : w.db.references(entry >> 1)) {
                refs.add(2 * r);
            }
            byRank(refs);
            for (int j = 0; j < refs.size(); j++) {
                int re = refs.get(j);
                if (re != entry && visited.contains(re)) {
                    visit(re, done, onPath, out);
                }
            }
        }
        onPath.clear(entry);
        done.set(entry);
        out.add(entry);
    }
}
