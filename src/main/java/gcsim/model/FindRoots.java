package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.kernel.IntList;
import gcsim.kernel.OpenFile;
import java.util.List;

/**
 * The collector's root discovery (§2.7 G7–G8, §2.8): {@code findRootsNoTemp} — gcroots, then
 * profiles, then runtime roots (gc.cc 293–303 at 88b09c64fb) — and {@code findTempRoots} (gc.cc
 * 163–215), called one after the other by {@code collectGarbage} (gc.cc 517–534).
 *
 * <p>Nix reads the permanent roots first (G7) and the temp roots files after (G8), in every version
 * up to master. Each directory walk and each root is its own step, and there is a scheduling point
 * after each part of G7, so processes can act, and exit, between the two readings: a root made
 * permanent after its directory was walked by a process that exits before G8 is seen by neither.
 * {@code gc-root-order: temp-roots-first} reads G8 before G7, the order proposed to close that.
 */
final class FindRoots extends ModelFrame {
    private final LocalStore ls;
    private final GcRun run;
    private final boolean tempRootsFirst;
    private boolean permanentDone;
    private boolean tempDone;
    private List<Roots.Entry> rootEntries;
    private int r;
    private List<TempRootsFile> tempFiles;
    private int t;
    private TempRootsFile file;
    private OpenFile fileFd;

    FindRoots(World w, LocalStore ls, GcRun run) {
        super(w);
        this.ls = ls;
        this.run = run;
        this.tempRootsFirst = w.switches.gcRootOrder() == gcsim.variant.GcRootOrder.TEMP_ROOTS_FIRST;
    }

    @Override
    protected Control step(Actor self) {
        switch (pc) {
            case 0: // G7 then G8 (gc.cc 520–534 at 88b09c64fb), or G8 first under temp-roots-first
                return goTo(tempRootsFirst ? 10 : 1);
            case 1: // G7: findRoots(gcroots) — walk <state>/gcroots, auto/ included ⟂[fs] (gc.cc 296)
                rootEntries = w.roots.walkGcroots();
                r = 0;
                if (k.tracing()) {
                    note("findRoots §2.8", "walks gcroots: " + rootEntries.size() + " entries");
                }
                return goTo(2);
            case 2: // G7: one root of gcroots per step ⟂[fs][db]; then ⟂ after the gcroots walk
                if (r == rootEntries.size()) {
                    return endPart(3);
                }
                ls.checkInterrupt(); // findRoots' directory loop (gc.cc 237 at 88b09c64fb)
                return readRoot(self, 2);
            case 3: // G7: findRoots(profiles) — walk <state>/profiles ⟂[fs] (gc.cc 297)
                rootEntries = w.roots.walkProfiles();
                r = 0;
                if (k.tracing()) {
                    note("findRoots §2.8", "walks profiles: " + rootEntries.size() + " entries");
                }
                return goTo(4);
            case 4: // G7: one profile link per step ⟂[fs][db]; then ⟂ after the profiles walk
                if (r == rootEntries.size()) {
                    return endPart(5);
                }
                ls.checkInterrupt();
                return readRoot(self, 4);
            case 5: // G7: findRuntimeRoots (gc.cc 302, 332–352) — /proc or lsof; runtime roots are not
                    // modelled (README), so this step finds none; the ⟂ after it is the last before G8.
                    // Its /proc walk checks for an interrupt at each entry (local-gc.cc 72)
                ls.checkInterrupt();
                if (k.tracing()) {
                    note("findRuntimeRoots §2.8", "runtime roots are not modelled: none found");
                }
                permanentDone = true;
                pc = tempDone ? 20 : 10;
                return Control.YIELD;
            case 10: // G8: findTempRoots — list temproots/ ⟂[fs]
                tempFiles = w.tempRoots.list();
                t = 0;
                if (k.tracing()) {
                    note("collectGarbage §2.7 G8", "lists temproots/: " + tempFiles.size() + " files");
                }
                return yieldTo(11);
            case 11: // G8.1: open the next file ⟂[fs]; gone means skip it
                if (t == tempFiles.size()) {
                    tempDone = true;
                    return goTo(permanentDone ? 20 : 1);
                }
                ls.checkInterrupt(); // findTempRoots' directory loop (gc.cc 168 at 88b09c64fb)
                file = tempFiles.get(t++);
                if (!w.tempRoots.isLinked(file)) {
                    return yieldTo(11);
                }
                fileFd = new OpenFile(self.process(), file.flock, "temproots/", file.pid, " (collector)");
                return yieldTo(12);
            case 12: // G8.2: try an exclusive lock ⟂[try]; winning it means the owner is dead
                if (file.flock.tryLock(fileFd, true)) {
                    return yieldTo(13);
                }
                ls.checkInterrupt(); // lockFile checks after a failed non-blocking flock (pathlocks.cc 60)
                return yieldTo(14);
            case 13: // G8.3: remove the stale file and write "d" into it ⟂[fs]; writeFull checks first
                ls.checkInterrupt();
                w.tempRoots.unlink(file);
                file.markDeleted();
                fileFd.close();
                if (k.tracing()) {
                    story("collectGarbage §2.7 G8", "removes stale temporary roots file temproots/" + file.pid);
                }
                return yieldTo(11);
            case 14: { // G8.4: read every complete path ⟂[fs]; readFile's read() checks first
                ls.checkInterrupt();
                StringBuilder seen = k.tracing() ? new StringBuilder() : null;
                IntList paths = file.read();
                for (int j = 0; j < paths.size(); j++) {
                    int p = paths.get(j);
                    run.tempRoots.set(p);
                    run.roots.set(2 * p);
                    if (seen != null) {
                        seen.append(j == 0 ? "" : ", ").append(name(p));
                    }
                }
                fileFd.close();
                if (seen != null) {
                    note("collectGarbage §2.7 G8", "reads temproots/" + file.pid + ": [" + seen + "]");
                }
                return yieldTo(11);
            }
            case 20:
                return self.ret(null);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }

    /** The end of a directory walk: a scheduling point follows it even when it found nothing. */
    private Control endPart(int next) {
        if (rootEntries.isEmpty()) {
            return yieldTo(next);
        }
        return goTo(next); // the last root's step already ended with one
    }

    private Control readRoot(Actor self, int loop) {
        if (ls.dbStepBlocked(self)) {
            return self.await(ls.state.free());
        }
        readRoot(rootEntries.get(r++));
        return yieldTo(loop);
    }

    /** One entry of findRoots (§2.8): a symlink into the store, or an indirect root via gcroots/auto. */
    private void readRoot(Roots.Entry e) {
        if (e.indirectLink() == null) {
            Integer p = w.roots.directTarget(e.name());
            if (p != null && w.db.isValid(p)) {
                run.roots.set(2 * p);
                if (k.tracing()) {
                    note("findRoots §2.8", "root " + e.name() + " → " + name(p));
                }
            } else if (k.tracing()) {
                note("findRoots §2.8", "skipping invalid root " + e.name());
            }
            return;
        }
        Integer target = w.roots.linkTarget(e.indirectLink());
        if (target == null) {
            w.roots.removeAuto(e.name());
            if (k.tracing()) {
                note("findRoots §2.8", "removes stale indirect root " + e.name());
            }
        } else if (w.db.isValid(target)) {
            run.roots.set(2 * target);
            if (k.tracing()) {
                note("findRoots §2.8", "root " + e.indirectLink() + " → " + name(target));
            }
        }
    }

    /** A temproots file's descriptor closes as an error unwinds (AutoCloseFD), its flock with it. */
    @Override
    protected boolean handle(Actor self, gcsim.kernel.Fault fault) {
        if (fileFd != null) {
            fileFd.close();
        }
        return false;
    }
}
