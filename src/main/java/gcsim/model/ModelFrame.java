package gcsim.model;

import gcsim.kernel.Frame;
import gcsim.kernel.Kernel;

/** A modelled Nix function: a {@link Frame} with its world at hand and trace helpers. */
abstract class ModelFrame extends Frame {
    protected final World w;
    protected final Kernel k;

    ModelFrame(World w) {
        this.w = w;
        this.k = w.kernel;
    }

    /** A trace line; {@code where} names the Nix function and reference step. */
    protected final void note(String where, String what) {
        if (k.tracing()) {
            k.note(what + "  [" + where + "]");
        }
    }

    /** A trace line that also belongs in the failure story. */
    protected final void story(String where, String what) {
        if (k.tracing()) {
            k.story(what + "  [" + where + "]");
        }
    }

    protected final String name(int p) {
        return w.layout.name(p);
    }
}
