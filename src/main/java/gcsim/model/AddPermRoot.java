package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;

/**
 * {@code addPermRoot(path, link)} as the client runs it (§2.10): a temp root first, which covers a
 * collector already running; then the symlink; then the indirect root under gcroots/auto.
 */
final class AddPermRoot extends ModelFrame {
    private static final String FN = "addPermRoot §2.10";
    private final Client c;
    private final int p;
    private final String link;

    AddPermRoot(World w, Client c, int p, String link) {
        super(w);
        this.c = c;
        this.p = p;
        this.link = link;
    }

    @Override
    protected int subject() { // the path this activation is about, for transfers
        return p;
    }

    @Override
    protected Control step(Actor self) {
        switch (pc) {
            case 0: // step 2: addTempRoot(path) ⟂
                pc = 1;
                return self.call(c.store.addTempRoot(p));
            case 1: // steps 3–4: the link → path, by temporary link and rename ⟂[fs]
                w.roots.makeLink(link, p);
                if (k.tracing()) {
                    note(FN + " step 4", "links " + link + " → " + name(p));
                }
                return yieldTo(2);
            case 2: // step 5: addIndirectRoot(link) ⟂
                pc = 3;
                return self.call(c.store.addIndirectRoot(link));
            case 3:
                if (k.tracing()) {
                    story(FN, "registers permanent root " + link + " → " + name(p));
                }
                return self.ret(null);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }
}
