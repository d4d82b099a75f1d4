package gcsim.kernel;

import java.util.List;

/**
 * How one execution ended, as the kernel sees it; the oracles in {@code check} judge what it means.
 *
 * @param end why the run loop stopped
 * @param steps steps executed (clock advances included)
 * @param time virtual time at the end, in nanoseconds
 * @param blocked for a deadlock, the actors that were blocked outside a service wait
 * @param stopReason for {@link End#STOPPED}, what the observer said
 */
public record Outcome(End end, int steps, long time, List<String> blocked, String stopReason) {
    public enum End {
        /** Every actor finished or waits for work that will never come. */
        COMPLETE,
        /** Some actor is blocked, nothing can run and no timer is pending. */
        DEADLOCK,
        /** The step bound was reached. */
        CUT,
        /** An observer asked to stop, normally because an oracle saw a failure. */
        STOPPED
    }
}
