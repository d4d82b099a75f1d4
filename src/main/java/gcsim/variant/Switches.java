package gcsim.variant;

/**
 * The code-path switches of the one model. A patch variant is a named value of this record; a new
 * patch idea that combines existing switches needs only a new entry in {@code scenarios/variants.yaml}.
 * Behaviours that a later Nix change altered are switches too, never silent defaults: every switch
 * left out of a variant keeps its baseline value, so the existing variants keep their meaning.
 *
 * @param writeDerivation how writeDerivation roots the drv (§2.1; S1 on master is {@code root-drv})
 * @param fetchCacheTempRoot fetchToStore2's cache hit takes a temp root before isValidPath (§2.11 F2, #15237, S2)
 * @param callerRoots before exiting, each client registers permanent roots (addPermRoot) as the tools'
 *     --add-root and out-links do: for each derivation it wrote but did not build, and each output of
 *     a derivation it built, unless it rooted the path itself (§3 V4)
 * @param tempRootClient addTempRoot's client semantics (§2.6: ≥ 2.20, or 2.8)
 * @param pathInUse the collector's reaction to PathInUse (§2.7 B9.5: ≥ 2.26, or ≤ 2.25)
 * @param gcDeleteRecheck the collector re-checks temp roots before deleting each visited path and
 *     holds {@code pending} on it while it is invalidated and deleted (§2.7 B9, #15992, S3)
 * @param srcMemo the scope of fetchToStore2's source memo and what fills it (§2.11 F1, S4)
 * @param tempRootDedup a daemon client skips AddTempRoot for a path it already rooted on the same
 *     connection (§2.6, #16244, S8)
 * @param addRecheckUncached addToStoreFromDump's re-check under the path lock bypasses the path-info
 *     cache (§2.4 step 6, #15774, S9)
 * @param autoGcThread the auto-GC thread is detached or joined (§2.9, #15614, S10)
 * @param gcRootOrder whether G7 (permanent roots) or G8 (temp roots) is read first (§2.7)
 * @param copyTempRoots copyPaths temp-roots every path on the destination before QueryValidPaths (#16113)
 * @param buildInputTempRoots BuildDerivation's building goal temp-roots each input before its validity
 *     check (#15613)
 * @param importDrvRoot {@code import} of an existing drv temp-roots it before reading it (#15795)
 * @param workerExit whether a daemon worker destroys its store before it exits (§2.3 "Worker
 *     lifecycle"; 2.34.0 to 2.35.1 do not)
 * @param gcClientCatch what the collector's socket client thread catches: only {@code Error}, so that
 *     an interrupt aborts the process, or {@code BaseError} (§2.7 T1, #15962, #16444)
 * @param monitorStop how a daemon worker stops its hang-up monitor: a notification pipe, after which
 *     the monitor still reports a hang-up it had not yet seen, or 2.8's {@code pthread_cancel}, after
 *     which it does not (§2.3 "Interrupts", #12714)
 */
public record Switches(WriteDerivationMode writeDerivation, boolean fetchCacheTempRoot, boolean callerRoots,
                       TempRootClient tempRootClient, PathInUse pathInUse,
                       boolean gcDeleteRecheck, SrcMemo srcMemo, boolean tempRootDedup, boolean addRecheckUncached,
                       AutoGcThread autoGcThread, GcRootOrder gcRootOrder,
                       boolean copyTempRoots, boolean buildInputTempRoots, boolean importDrvRoot,
                       WorkerExit workerExit, GcClientCatch gcClientCatch, MonitorStop monitorStop) {

    /** All switches but the monitor's stop, which keeps the baseline's notification pipe. */
    public Switches(WriteDerivationMode writeDerivation, boolean fetchCacheTempRoot, boolean callerRoots,
                    TempRootClient tempRootClient, PathInUse pathInUse,
                    boolean gcDeleteRecheck, SrcMemo srcMemo, boolean tempRootDedup, boolean addRecheckUncached,
                    AutoGcThread autoGcThread, GcRootOrder gcRootOrder,
                    boolean copyTempRoots, boolean buildInputTempRoots, boolean importDrvRoot,
                    WorkerExit workerExit, GcClientCatch gcClientCatch) {
        this(writeDerivation, fetchCacheTempRoot, callerRoots, tempRootClient, pathInUse, gcDeleteRecheck, srcMemo,
                tempRootDedup, addRecheckUncached, autoGcThread, gcRootOrder, copyTempRoots, buildInputTempRoots,
                importDrvRoot, workerExit, gcClientCatch, MonitorStop.NOTIFY_PIPE);
    }

    /** All switches but the client thread's catch, which keeps every release's {@code catch (Error &)}. */
    public Switches(WriteDerivationMode writeDerivation, boolean fetchCacheTempRoot, boolean callerRoots,
                    TempRootClient tempRootClient, PathInUse pathInUse,
                    boolean gcDeleteRecheck, SrcMemo srcMemo, boolean tempRootDedup, boolean addRecheckUncached,
                    AutoGcThread autoGcThread, GcRootOrder gcRootOrder,
                    boolean copyTempRoots, boolean buildInputTempRoots, boolean importDrvRoot, WorkerExit workerExit) {
        this(writeDerivation, fetchCacheTempRoot, callerRoots, tempRootClient, pathInUse, gcDeleteRecheck, srcMemo,
                tempRootDedup, addRecheckUncached, autoGcThread, gcRootOrder, copyTempRoots, buildInputTempRoots,
                importDrvRoot, workerExit, GcClientCatch.ERROR);
    }

    /** All switches but the worker's exit, which keeps the baseline's destructor. */
    public Switches(WriteDerivationMode writeDerivation, boolean fetchCacheTempRoot, boolean callerRoots,
                    TempRootClient tempRootClient, PathInUse pathInUse,
                    boolean gcDeleteRecheck, SrcMemo srcMemo, boolean tempRootDedup, boolean addRecheckUncached,
                    AutoGcThread autoGcThread, GcRootOrder gcRootOrder,
                    boolean copyTempRoots, boolean buildInputTempRoots, boolean importDrvRoot) {
        this(writeDerivation, fetchCacheTempRoot, callerRoots, tempRootClient, pathInUse, gcDeleteRecheck, srcMemo,
                tempRootDedup, addRecheckUncached, autoGcThread, gcRootOrder, copyTempRoots, buildInputTempRoots,
                importDrvRoot, WorkerExit.DESTRUCTOR);
    }

    /** The three patch switches, with everything else as at the baseline. */
    public Switches(WriteDerivationMode writeDerivation, boolean fetchCacheTempRoot, boolean callerRoots) {
        this(writeDerivation, fetchCacheTempRoot, callerRoots, TempRootClient.RETRY, PathInUse.LOG_BUG);
    }

    /** The baseline's switches plus a client and collector generation, with the master switches off. */
    public Switches(WriteDerivationMode writeDerivation, boolean fetchCacheTempRoot, boolean callerRoots,
                    TempRootClient tempRootClient, PathInUse pathInUse) {
        this(writeDerivation, fetchCacheTempRoot, callerRoots, tempRootClient, pathInUse,
                false, SrcMemo.PER_EVAL_STATE, false, false, AutoGcThread.DETACHED, GcRootOrder.ROOTS_FIRST,
                false, false, false);
    }

    /**
     * The switches as {@code scenarios/variants.yaml} spells them, in declaration order, so what
     * {@code gcsim list} prints can be pasted back into the file.
     */
    public java.util.LinkedHashMap<String, String> asYaml() {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
        m.put("write-derivation", writeDerivation.key());
        m.put("fetch-cache-temp-root", String.valueOf(fetchCacheTempRoot));
        m.put("caller-roots", String.valueOf(callerRoots));
        m.put("temp-root-client", tempRootClient.key());
        m.put("path-in-use", pathInUse.key());
        m.put("gc-delete-recheck", String.valueOf(gcDeleteRecheck));
        m.put("src-memo", srcMemo.key());
        m.put("temp-root-dedup", String.valueOf(tempRootDedup));
        m.put("add-recheck-uncached", String.valueOf(addRecheckUncached));
        m.put("auto-gc-thread", autoGcThread.key());
        m.put("gc-root-order", gcRootOrder.key());
        m.put("copy-temp-roots", String.valueOf(copyTempRoots));
        m.put("build-input-temp-roots", String.valueOf(buildInputTempRoots));
        m.put("import-drv-root", String.valueOf(importDrvRoot));
        m.put("worker-exit", workerExit.key());
        m.put("gc-client-catch", gcClientCatch.key());
        m.put("monitor-stop", monitorStop.key());
        return m;
    }

    /** The baseline: Nix master when #15158 was opened. */
    public static Switches baseline() {
        return new Switches(WriteDerivationMode.EARLY_RETURN, false, false);
    }
}
