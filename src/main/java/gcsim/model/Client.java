package gcsim.model;

import gcsim.kernel.IntList;
import gcsim.kernel.SimProcess;
import java.util.BitSet;

/**
 * A client process (nix-instantiate, nix-build, an evaluator): its store handle and the little
 * per-process memory the modelled functions keep — fetchToStore2's in-process {@code srcToStore}
 * map (§2.11 F1), and what it wrote and built, for the caller-root variant (§3 V4).
 */
final class Client {
    final SimProcess process;
    final String user;
    final StoreApi store;
    final boolean viaDaemon;
    final BitSet srcToStore = new BitSet();
    /** Paths this process would root at exit under the caller-root variant, in first-mention order. */
    final IntList wroteOrBuilt = new IntList(4);
    /** Derivations whose outputs this process built (directly or as inputs): tools root outputs, not these. */
    final BitSet built = new BitSet();
    /** Paths this process already gave a permanent root (its own --add-root or out-link). */
    final BitSet permRooted = new BitSet();

    /** The process has started (its start came); an interrupt before that finds nobody. */
    boolean started;
    /**
     * The footprint of {@link #started} and of the process's end, for a process that some interrupt
     * names (else -1): the start and the interrupt are ordered by it, so the exhaustive search tries
     * the interrupt both before the start and after it.
     */
    int lifeResource = -1;
    /** An operation of this process is running: one that an interrupt cuts short. */
    boolean inOp;

    Client(SimProcess process, String user, StoreApi store, boolean viaDaemon) {
        this.process = process;
        this.user = user;
        this.store = store;
        this.viaDaemon = viaDaemon;
    }

    /** The process's start came (a write of {@link #lifeResource} where an interrupt may ask). */
    void start(gcsim.kernel.Kernel k) {
        if (lifeResource >= 0) {
            k.write(lifeResource);
        }
        started = true;
    }

    void remember(int p) {
        if (!wroteOrBuilt.contains(p)) {
            wroteOrBuilt.add(p);
        }
    }

    /**
     * Whether the caller-root variant roots {@code p} at exit: as the real tools do, a derivation
     * it wrote but did not build (nix-instantiate --add-root), an output of a derivation it built
     * (nix-build's out-link), and nothing it already rooted itself.
     */
    boolean rootsAtExit(int p, StoreLayout layout) {
        return !permRooted.get(p) && !(layout.isDrv(p) && built.get(p));
    }

    /** Marks {@code drv} and every derivation in its input closure as built. */
    void markBuilt(int drv, StoreLayout layout) {
        if (built.get(drv)) {
            return;
        }
        built.set(drv);
        for (int r : layout.refs(drv)) {
            if (r != drv && layout.isDrv(r)) {
                markBuilt(r, layout);
            }
        }
    }
}
