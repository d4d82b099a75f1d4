package gcsim.scenario;

import java.util.List;

/**
 * A store path named in a scenario by its short name ({@code hosts.drv}); gcsim computes the full
 * {@code /nix/store/<hash>-<name>} from the name and references.
 *
 * @param name short name, unique in the scenario
 * @param kind source, derivation or build output
 * @param size bytes it occupies once written
 * @param refs short names of its references (a path may name itself)
 * @param deriver short name of the derivation that produced it, or null
 * @param present true when the path is valid in the store at the start
 */
public record PathSpec(String name, PathKind kind, long size, List<String> refs, String deriver, boolean present, Pos pos) {}
