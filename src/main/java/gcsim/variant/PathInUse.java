package gcsim.variant;

/** What the collector does when invalidatePathChecked finds a live referrer (§2.7 B9.5). */
public enum PathInUse {
    /** Nix ≥ 2.26 (#11922): print "BUG: …", keep the path, go on. */
    LOG_BUG("log-bug"),
    /** Nix ≤ 2.25: the exception aborts the whole collection. */
    ABORT("abort");

    private final String key;

    PathInUse(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
