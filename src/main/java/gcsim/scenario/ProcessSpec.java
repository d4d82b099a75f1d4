package gcsim.scenario;

import java.util.List;

/**
 * A process of the scenario: an evaluator, a {@code nix-store}, a {@code nix-collect-garbage}.
 *
 * @param name unique name, used in traces and stories
 * @param viaDaemon true when it talks to the daemon (RemoteStore); false when it opens the store itself
 * @param monitorHangup its daemon worker runs {@code MonitorFdHup}, so that its hang-up (an interrupt,
 *     or its normal exit) sets the worker's interrupt flag; a worker whose client some
 *     {@code interrupt} names runs one whatever this says
 * @param user whose fetcher cache it shares
 * @param start when it starts
 * @param ops what it does, in order
 */
public record ProcessSpec(String name, boolean viaDaemon, boolean monitorHangup, String user, Start start, List<Op> ops,
        Pos pos) {
    /** A process whose worker's hang-up monitor is left out unless an {@code interrupt} names it. */
    public ProcessSpec(String name, boolean viaDaemon, String user, Start start, List<Op> ops, Pos pos) {
        this(name, viaDaemon, false, user, start, ops, pos);
    }
}
