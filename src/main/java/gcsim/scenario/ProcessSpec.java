package gcsim.scenario;

import java.util.List;

/**
 * A process of the scenario: an evaluator, a {@code nix-store}, a {@code nix-collect-garbage}.
 *
 * @param name unique name, used in traces and stories
 * @param viaDaemon true when it talks to the daemon (RemoteStore); false when it opens the store itself
 * @param user whose fetcher cache it shares
 * @param start when it starts
 * @param ops what it does, in order
 */
public record ProcessSpec(String name, boolean viaDaemon, String user, Start start, List<Op> ops, Pos pos) {}
