package gcsim.realthreads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A client process (an evaluator such as nix-instantiate) talking to the daemon over one
 * connection, so through one worker (§2.2, §2.3).
 */
public final class Client {
    private final Store store;
    private final Variant variant;
    private final Worker worker;
    /** F1's in-process {@code srcToStore} map. */
    private final Map<String, String> srcToStore = new HashMap<>();
    private final List<String> drvsWritten = new ArrayList<>();

    public Client(Store store, Variant variant) {
        this.store = store;
        this.variant = variant;
        this.worker = new Worker(store, variant);
    }

    /** The worker serving this client's connection. */
    public Worker worker() {
        return worker;
    }

    /** §2.1 Store::writeDerivation of {@code drv}, whose references are its input sources and drvs. */
    public void writeDerivation(String drv, List<String> references) throws InvalidPath {
        drvsWritten.add(drv);
        Variant.WriteDerivation mode = variant.writeDerivation();
        if (mode == Variant.WriteDerivation.ROOT_DRV || mode == Variant.WriteDerivation.ROOT_DRV_AND_REFS) {
            worker.addTempRoot(drv); // 1: AddTempRoot ⟂
        }
        if (mode == Variant.WriteDerivation.ROOT_DRV_AND_REFS) {
            for (String r : references) {
                worker.addTempRoot(r); // #15158: each reference too ⟂
            }
        }
        if (mode != Variant.WriteDerivation.NO_EARLY_RETURN && worker.isValidPath(drv)) { // 2: IsValidPath ⟂
            return; // 3: valid, return early
        }
        worker.addToStoreFromDump(drv, references); // 4: AddToStore ⟂
    }

    /** §2.11 fetchToStore2 of a source that has a fingerprint, in Copy mode. */
    public String fetchToStore(String source) throws InvalidPath {
        String memo = srcToStore.get(source);
        if (memo != null) {
            return memo; // F1: no new temp root
        }
        String cached = store.fetcherCache.get(source); // F2
        if (cached != null) {
            if (variant.fetchCacheRoot()) {
                worker.addTempRoot(cached); // #15237 ⟂
            }
            if (worker.isValidPath(cached)) { // ⟂
                srcToStore.put(source, cached);
                return cached;
            }
        }
        String path = source; // F3: content-addressed, the same path again
        worker.addToStoreFromDump(path, List.of()); // ⟂
        store.fetcherCache.put(source, path);
        srcToStore.put(source, path);
        return path;
    }

    /**
     * The process ends: under caller-root it first roots each drv it wrote as {@code --add-root}
     * does (§2.10 addPermRoot: temp root, then the link); then its connection closes, after which
     * its worker exits on its own time ({@link Worker#exit}).
     */
    public void finish() {
        if (variant.callerRoots()) {
            for (String drv : drvsWritten) {
                worker.addTempRoot(drv); // addPermRoot 2 ⟂
                store.addPermanentRoot(drv); // 4–5: symlink and indirect root ⟂
            }
        }
    }
}
