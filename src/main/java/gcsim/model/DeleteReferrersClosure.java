package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.kernel.Fault;
import gcsim.kernel.IntList;
import java.util.BitSet;

/**
 * {@code maybeDeleteReferrersClosure(start)} (§2.7 B0–B9): visit everything that could keep
 * {@code start} alive — referrers, and outputs or derivers under keep-derivations / keep-outputs.
 * If nothing visited is a root or temp root, delete all of it, referrers first.
 *
 * <p>Nix checks temp roots per visited path (B6) and marks only the last one {@code pending}; the
 * deletion loop (B9) does not look at temp roots again. The model keeps exactly that.
 */
final class DeleteReferrersClosure extends ModelFrame {
    private static final String FN = "maybeDeleteReferrersClosure §2.7";
    private final GcRun run;
    private final int start;
    private final IntList visited = new IntList(4);
    private final IntList queue = new IntList(4);
    private int path;
    private IntList order;
    private int i;
    private int q;

    DeleteReferrersClosure(World w, GcRun run, int startEntry) {
        super(w);
        this.run = run;
        this.start = startEntry;
    }

    private String entryName(int entry) {
        return (entry & 1) == 0 ? name(entry >> 1) : name(entry >> 1) + ".lock";
    }

    /** The cases whose step queries the database (B4's markAlive, B7, B9). */
    private boolean queriesDb() {
        return pc == 3 || pc == 4 || pc == 5 || pc == 6 || pc == 10 || pc == 11;
    }

    @Override
    protected int subject() { // the path this activation is about, for transfers
        return start;
    }

    @Override
    protected Control step(Actor self) {
        if (queriesDb() && run.store.dbStepBlocked(self)) { // 2.8: the state mutex guards DB access
            return self.await(run.store.state.free());
        }
        switch (pc) {
            case 0: // B0
                visited.add(start);
                queue.add(start);
                return goTo(1);
            case 1: // B1–B5
                if (queue.isEmpty()) {
                    return goTo(10);
                }
                path = queue.removeAt(0);
                if (run.alive.get(path)) { // B2
                    run.alive.set(start);
                    return goTo(30);
                }
                if (run.dead.get(path)) { // B3
                    return goTo(1);
                }
                if (run.roots.get(path)) { // B4
                    if (k.tracing()) {
                        story(FN + " B4", CollectorWords.kept(w, run, entryName(start), entryName(path), path, true));
                    }
                    return goTo(5);
                }
                pc = 2; // B6: lock Shared ⟂
                return self.await(run.mutex.free());
            case 2:
                run.mutex.lock(self);
                if (run.tempRoots.get(path >> 1)) {
                    if (k.tracing()) {
                        story(FN + " B6", CollectorWords.kept(w, run, entryName(start), entryName(path), path, false));
                    }
                    return goTo(6); // markAlive runs while Shared is still locked
                }
                run.pending = path >> 1;
                if (k.tracing()) {
                    story(FN + " B6", CollectorWords.visit(entryName(start), entryName(path)));
                }
                run.mutex.unlock(self);
                return yieldTo(3);
            case 5: // B4's markAlive ⟂[db]
                markAlive(path);
                return yieldTo(30);
            case 6: // B6's markAlive ⟂[db], holding Shared (under 2.8 it may first wait for the state mutex)
                markAlive(path);
                run.mutex.unlock(self);
                return yieldTo(30);
            case 3: // B7: isValidPath ⟂[db]
                if ((path & 1) == 0 && w.db.isValid(path >> 1)) {
                    return yieldTo(4);
                }
                return yieldTo(1);
            case 4: { // B7: enqueue referrers (cached per run), outputs (keep-derivations), derivers (keep-outputs) ⟂[db]
                int p = path >> 1;
                int enqueuedFrom = queue.size();
                IntList refs = run.referrersCache[p];
                if (refs == null) {
                    refs = w.db.referrers(p);
                    run.referrersCache[p] = refs;
                }
                for (int j = 0; j < refs.size(); j++) {
                    enqueue(2 * refs.get(j));
                }
                if (w.settings.keepDerivations() && w.layout.isDrv(p)) {
                    IntList outs = w.db.validOutputsOf(p);
                    for (int j = 0; j < outs.size(); j++) {
                        enqueue(2 * outs.get(j));
                    }
                }
                if (w.settings.keepOutputs()) { // queryValidDerivers
                    IntList drvs = w.db.validDrvsListing(p);
                    for (int j = 0; j < drvs.size(); j++) {
                        enqueue(2 * drvs.get(j));
                    }
                }
                if (k.tracing()) {
                    story(FN + " B7", CollectorWords.enqueued(w, entryName(start), entryName(path), queue, enqueuedFrom));
                }
                return yieldTo(1);
            }
            case 10: // B9: topoSortPaths(visited), referrers first ⟂[db]
                order = topoSort();
                i = 0;
                return yieldTo(11);
            case 11: // B9.1–B9.3: mark dead; invalidatePathChecked ⟂[db]
                if (i == order.size()) {
                    return goTo(30);
                }
                q = order.get(i++);
                if (run.dead.get(q)) {
                    return goTo(11);
                }
                run.dead.set(q);
                if ((q & 1) == 0) {
                    try {
                        w.db.invalidateChecked(q >> 1);
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
                        return yieldTo(11);
                    }
                }
                return yieldTo(12);
            case 12: { // B9.4: deleteFromStore ⟂[fs]
                long freed;
                if ((q & 1) == 0) {
                    freed = w.store.delete(q >> 1);
                    w.pathDeleted();
                    if (k.tracing()) {
                        story(FN + " B9", CollectorWords.deleted(w, run, entryName(start), q >> 1, order));
                    }
                } else {
                    w.store.unlinkLock(q >> 1, null);
                    freed = 0;
                    if (k.tracing()) {
                        note(FN + " B9", "deletes " + entryName(q));
                    }
                }
                run.freed += freed;
                if (run.freed > run.maxFreed) {
                    throw new NixError(NixError.GC_LIMIT, FN + " B9", null, "deleted more than max-freed bytes; stopping");
                }
                return yieldTo(11);
            }
            case 30: // B0's finally: lock Shared, reset pending, notify_all ⟂
                pc = 31;
                return self.await(run.mutex.free());
            case 31:
                releasePending(self);
                return self.ret(null);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }

    private void releasePending(Actor self) {
        run.mutex.lock(self);
        run.pending = -1;
        run.wakeup.signalAll();
        run.mutex.unlock(self);
    }

    @Override
    protected boolean handle(Actor self, Fault fault) {
        if (run.mutex.isFree()) {
            releasePending(self);
        }
        return false;
    }

    /** Sorts entries by their store path name (a lock file right after its path). */
    private IntList byRank(IntList l) {
        for (int i = 1; i < l.size(); i++) {
            int v = l.get(i);
            int j = i - 1;
            while (j >= 0 && key(l.get(j)) > key(v)) {
                l.set(j + 1, l.get(j));
                j--;
            }
            l.set(j + 1, v);
        }
        return l;
    }

    private int key(int entry) {
        return 2 * w.layout.rank(entry >> 1) + (entry & 1);
    }

    private void enqueue(int entry) {
        if (!visited.contains(entry)) {
            visited.add(entry);
            queue.add(entry);
        }
    }

    /** markAlive (§2.7): the path, start, and the forward closure with keep-outputs/keep-derivations. */
    private void markAlive(int entry) {
        run.alive.set(entry);
        run.alive.set(start);
        if ((entry & 1) != 0) {
            return;
        }
        IntList todo = IntList.of(entry >> 1);
        BitSet seen = new BitSet();
        seen.set(entry >> 1);
        while (!todo.isEmpty()) {
            int p = todo.removeAt(todo.size() - 1);
            if (!w.db.isValid(p)) {
                continue;
            }
            run.alive.set(2 * p);
            for (int r : w.db.references(p)) {
                if (!seen.get(r)) {
                    seen.set(r);
                    todo.add(r);
                }
            }
            if (w.settings.keepOutputs() && w.layout.isDrv(p)) { // every valid output, no deriver check
                IntList outs = w.db.validOutputs(p);
                for (int j = 0; j < outs.size(); j++) {
                    if (!seen.get(outs.get(j))) {
                        seen.set(outs.get(j));
                        todo.add(outs.get(j));
                    }
                }
            }
            if (w.settings.keepDerivations()) {
                int d = w.db.deriverOf(p);
                if (d >= 0 && !seen.get(d)) {
                    seen.set(d);
                    todo.add(d);
                }
            }
        }
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
