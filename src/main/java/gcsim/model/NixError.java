package gcsim.model;

import gcsim.kernel.Fault;

/**
 * An error the real Nix would raise, with the text it prints and which check raised it. Several
 * checks print "path '…' is not valid"; {@link #check()} says which one did (§2.5).
 */
public final class NixError extends Fault {
    /** Kinds the oracles map to failure kinds. */
    public static final String INVALID_PATH = "InvalidPath";
    public static final String MISSING_FILE = "MissingFile";
    public static final String MISSING_DERIVATION = "MissingDerivation";
    public static final String PATH_IN_USE = "PathInUse";
    public static final String GC_LIMIT = "GCLimitReached";
    public static final String ERROR = "Error";
    /** An assertion failed and the process aborted (a worker: its client then reads end-of-file). */
    public static final String ABORT = "Abort";
    /** The client's connection ended mid-operation because its worker died. */
    public static final String DAEMON_EOF = "DaemonEof";
    /**
     * An exception escaped a thread and {@code std::terminate} aborted the whole process: a crash of
     * Nix whoever runs it (an uncaught {@code nix::Interrupted} in the collector's socket thread).
     */
    public static final String TERMINATE = "Terminate";
    /** A build input could not be obtained. */
    public static final String DEPENDENCY_FAILED = "DependencyFailed";

    private final String check;
    private final String path;

    public NixError(String kind, String check, String path, String message) {
        super(kind, message);
        this.check = check;
        this.path = path;
    }

    public static NixError invalidPath(String check, String fullPath) {
        return new NixError(INVALID_PATH, check, fullPath, "path '" + fullPath + "' is not valid");
    }

    public String check() {
        return check;
    }

    public String path() {
        return path;
    }
}
