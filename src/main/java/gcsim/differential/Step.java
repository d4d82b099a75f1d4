package gcsim.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a sequential store history: a real Nix command, or a change to the state directory
 * made by hand. Each has one meaning on real Nix 2.8 ({@link RealNix}) and one in the model
 * ({@link ModelHistory}); the javadoc of each record gives both.
 */
public sealed interface Step {

    /** {@code nix-instantiate default.nix -A d1 [-A d2] [--add-root L]}; the model: one evaluator process. */
    record Instantiate(List<String> drvs, String rootLink) implements Step {}

    /**
     * {@code nix-build default.nix -A d} (with {@code .all} when d has a dev output) with {@code -o L} or
     * {@code --no-out-link}; the model: evaluate, build, then addPermRoot of each output.
     */
    record NixBuild(String drv, String outLink) implements Step {}

    /** {@code nix-store -r D1.drv [D2.drv] [--add-root L]} of drvs written since the last collection. */
    record Realise(List<String> drvs, String rootLink) implements Step {}

    /** {@code nix-instantiate --eval --read-write-mode -A src}: builtins.toFile writes the source. */
    record AddSource(String source) implements Step {}

    /** A bare symlink {@code <state>/gcroots/NAME} to the path (the model's symlink-root). */
    record GcrootLink(String path, String name) implements Step {}

    /**
     * An indirect root made by hand exactly as addPermRoot leaves it: the link to the path and
     * {@code gcroots/auto/…} to the link (the model's add-perm-root, whose temp root dies with its process).
     */
    record IndirectRoot(String path, String link) implements Step {}

    /** Deletes a root link: a gcroots name or an absolute link. */
    record RemoveRoot(String link) implements Step {}

    /**
     * A {@code temproots/<id>} file listing the paths, NUL-terminated, whose flock a live helper holds
     * until the history ends; the model: a process that adds the temp roots and waits.
     */
    record LiveTempRoots(int id, List<String> paths) implements Step {}

    /** Such a file whose holder has exited; the model: a process that adds the temp roots and exits. */
    record DeadTempRoots(int id, List<String> paths) implements Step {}

    /** {@code nix-store --gc} in the middle of the history. */
    record CollectGarbage() implements Step {}

    /** A root link a step creates and the path it points to. */
    record Root(String link, String path) {}

    /** The root links a step creates, with their targets, in the order Nix names them. */
    static List<Root> createdRoots(Step step, Universe u) {
        List<Root> out = new ArrayList<>();
        if (step instanceof Instantiate s && s.rootLink() != null) {
            for (int i = 0; i < s.drvs().size(); i++) {
                out.add(new Root(numbered(s.rootLink(), i), u.derivation(s.drvs().get(i)).drv()));
            }
        } else if (step instanceof NixBuild s && s.outLink() != null) {
            addOutputs(out, s.outLink(), u.derivation(s.drv()));
        } else if (step instanceof Realise s && s.rootLink() != null) {
            for (int i = 0; i < s.drvs().size(); i++) {
                addOutputs(out, numbered(s.rootLink(), i), u.derivation(s.drvs().get(i)));
            }
        } else if (step instanceof IndirectRoot s) {
            out.add(new Root(s.link(), s.path()));
        } else if (step instanceof GcrootLink s) {
            out.add(new Root(s.name(), s.path()));
        }
        return out;
    }

    /** Nix's numbering of the roots of one command: the first keeps the name, the i-th (0-based) gets -(i+1). */
    private static String numbered(String link, int i) {
        return i == 0 ? link : link + "-" + (i + 1);
    }

    private static void addOutputs(List<Root> out, String prefix, Universe.Derivation d) {
        out.add(new Root(prefix, d.name()));
        if (d.dev()) {
            out.add(new Root(prefix + "-dev", d.devName()));
        }
    }

    /** What the step does on real Nix, as a reader would type it (store paths by short name). */
    static String command(Step step, Universe u) {
        if (step instanceof Instantiate s) {
            return "nix-instantiate default.nix" + attrs(s.drvs()) + (s.rootLink() == null ? "" : " --add-root " + s.rootLink());
        } else if (step instanceof NixBuild s) {
            return "nix-build default.nix -A " + s.drv() + (u.derivation(s.drv()).dev() ? ".all" : "")
                    + (s.outLink() == null ? " --no-out-link" : " -o " + s.outLink());
        } else if (step instanceof Realise s) {
            return "nix-store -r " + String.join(" ", s.drvs().stream().map(d -> d + ".drv").toList())
                    + (s.rootLink() == null ? "" : " --add-root " + s.rootLink());
        } else if (step instanceof AddSource s) {
            return "nix-instantiate --eval --read-write-mode default.nix -A " + s.source();
        } else if (step instanceof GcrootLink s) {
            return "ln -s " + s.path() + " gcroots/" + s.name();
        } else if (step instanceof IndirectRoot s) {
            return "ln -s " + s.path() + " " + s.link() + "; ln -s " + s.link() + " gcroots/auto/…";
        } else if (step instanceof RemoveRoot s) {
            return "rm " + (s.link().startsWith("/") ? "" : "gcroots/") + s.link();
        } else if (step instanceof LiveTempRoots s) {
            return "temproots file " + s.id() + " " + s.paths() + ", flock held by a live helper";
        } else if (step instanceof DeadTempRoots s) {
            return "temproots file " + s.id() + " " + s.paths() + ", whose holder has exited";
        }
        return "nix-store --gc";
    }

    private static String attrs(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(" -A ").append(n);
        }
        return sb.toString();
    }
}
