package gcsim.variant;

/**
 * How a daemon worker's {@code ~MonitorFdHup} stops the monitor thread when {@code processConnection}
 * returns (§2.3 "Interrupts"). A switch because a change between 2.8 and the baseline altered it
 * (PR #12714, 2025): with the old way a monitor that has not yet seen the client's hang-up never
 * sets the interrupt flag; with the new one it always does if the client has hung up by then.
 */
public enum MonitorStop {
    /**
     * The baseline and later: close the write side of a notification pipe the monitor also polls,
     * then join. The monitor's {@code poll} then reports the client's POLLHUP first when the client
     * has hung up, so it triggers the interrupt before it ends.
     */
    NOTIFY_PIPE("notify-pipe"),
    /**
     * Nix 2.8: {@code pthread_cancel} the monitor, then join. A monitor still in its {@code poll} is
     * cancelled there and sets no flag.
     */
    CANCEL("cancel");

    private final String key;

    MonitorStop(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
