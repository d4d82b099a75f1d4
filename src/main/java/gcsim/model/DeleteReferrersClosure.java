package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.kernel.Fault;
import gcsim.kernel.IntList;

/**
 * {@code maybeDeleteReferrersClosure(start)} (§2.7 B0–B9): visit everything that could keep
 * {@code start} alive — referrers, and outputs or derivers under keep-derivations / keep-outputs.
 * If nothing visited is a root or temp root, delete all of it, referrers first.
 *
 * <p>Nix checks temp roots per visited path (B6) and marks only the last one {@code pending}; whether
 * the deletion loop looks at temp roots again depends on the Nix version ({@link DeletionLoop}).
 */
final class DeleteReferrersClosure extends ModelFrame {
    private static final String FN = "maybeDeleteReferrersClosure §2.7";
    private final GcRun run;
    private final int start;
    /**
     * Every entry visited, in the order first seen; those from {@link #head} on are the queue still to
     * walk (B1 takes from the front, B7 appends to both), so one list serves as both.
     */
    private final IntList visited = new IntList(4);
    private int head;
    private int path;

    DeleteReferrersClosure(World w, GcRun run, int startEntry) {
        super(w);
        this.run = run;
        this.start = startEntry;
    }

    private String entryName(int entry) {
        return (entry & 1) == 0 ? name(entry >> 1) : name(entry >> 1) + ".lock";
    }

    /** The cases whose step queries the database (B4's markAlive, B7); B9 checks its own. */
    private boolean queriesDb() {
        return pc == 3 || pc == 4 || pc == 5 || pc == 6;
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
                return goTo(1);
            case 1: // B1–B5
                if (head == visited.size()) { // the queue is empty
                    return goTo(10);
                }
                run.store.checkInterrupt(); // the BFS loop's checkInterrupt (gc.cc 628 at 88b09c64fb)
                path = visited.get(head++);
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
                if (k.tracing()) {
                    note(FN + " B6", "visits " + entryName(path) + "; pending := " + name(path >> 1));
                }
                return yieldTo(3);
            case 5: // B4's markAlive ⟂[db]
                markAlive(path);
                return goTo(30); // the ⟂ after markAlive is the wait for Shared
            case 6: // B6's markAlive ⟂[db], holding Shared (under 2.8 it may first wait for the state mutex)
                markAlive(path);
                run.mutex.unlock(self);
                return goTo(30); // the ⟂ after markAlive is the wait for Shared
            case 3: // B7: isValidPath ⟂[db]
                if ((path & 1) == 0 && w.db.isValid(path >> 1)) {
                    return yieldTo(4);
                }
                return yieldTo(1);
            case 4: { // B7: enqueue referrers (cached per run), outputs (keep-derivations), derivers (keep-outputs) ⟂[db]
                int p = path >> 1;
                int enqueuedFrom = visited.size();
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
                    story(FN + " B7", CollectorWords.enqueued(w, entryName(start), entryName(path), visited, enqueuedFrom));
                }
                return yieldTo(1);
            }
            case 10: // B9: the deletion loop, its own frame
                pc = 30;
                return self.call(new DeletionLoop(w, run, visited));
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

    private void enqueue(int entry) {
        if (!visited.contains(entry)) {
            visited.add(entry); // and so to the queue's end
        }
    }

    /** B4/B6 (§2.7): {@code alive.insert(start); markAlive(P)}. */
    private void markAlive(int entry) {
        run.alive.set(start);
        run.markAlive(w, entry);
    }
}
