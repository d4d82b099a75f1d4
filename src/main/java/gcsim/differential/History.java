package gcsim.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequential store history: the settings, the paths it can create, and its steps in order. The
 * final {@code nix-store --gc --print-dead} and {@code nix-store --gc} are implied. Generated from
 * {@link #seed} alone, so a seed printed with a disagreement replays it.
 */
public record History(long seed, boolean keepDerivations, boolean keepOutputs, Universe universe, List<Step> steps) {

    /** A readable account of the history, one line per item, for a replayed disagreement. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        out.add("history " + seed + ": keep-derivations " + keepDerivations + ", keep-outputs " + keepOutputs);
        for (Universe.Source s : universe.sources()) {
            out.add("  source " + s.name() + (s.refs().isEmpty() ? "" : " refs " + s.refs()));
        }
        for (Universe.Derivation d : universe.derivations()) {
            out.add("  derivation " + d.drv() + " inputs " + d.inputDrvs() + " " + d.inputSrcs() + "; " + d.name()
                    + " refs " + d.outRefs() + (d.dev() ? "; " + d.devName() + " refs " + d.devRefs() : ""));
        }
        int i = 1;
        for (Step s : steps) {
            out.add("  " + i++ + ". " + Step.command(s, universe));
        }
        out.add("  " + i + ". nix-store --gc --print-dead; nix-store --gc");
        return out;
    }
}
