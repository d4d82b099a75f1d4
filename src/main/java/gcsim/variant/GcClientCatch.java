package gcsim.variant;

/**
 * What the collector's per-client socket thread T catches around its read loop (§2.7 T1). A switch
 * because a fix merged after 88b09c64fb changed it: every release the model knows (2.8, the
 * baseline, master at 88b09c64fb) catches only {@code Error}, and {@code nix::Interrupted} is a
 * {@code BaseError} but not an {@code Error}.
 */
public enum GcClientCatch {
    /**
     * Every modelled release: {@code catch (Error &)}. An interrupt of the collector's process that T
     * meets at its next read escapes the thread, and {@code std::terminate} aborts the whole process
     * (NixOS/nix#15962).
     */
    ERROR("error"),
    /**
     * NixOS/nix#16444 (after 88b09c64fb): {@code catch (BaseError &)}, so T logs the interruption and
     * leaves its loop like a client that hung up.
     */
    BASE_ERROR("base-error");

    private final String key;

    GcClientCatch(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
