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
    final IntList wroteOrBuilt = new IntList(4);

    Client(SimProcess process, String user, StoreApi store, boolean viaDaemon) {
        this.process = process;
        this.user = user;
        this.store = store;
        this.viaDaemon = viaDaemon;
    }

    void remember(int p) {
        if (!wroteOrBuilt.contains(p)) {
            wroteOrBuilt.add(p);
        }
    }
}
