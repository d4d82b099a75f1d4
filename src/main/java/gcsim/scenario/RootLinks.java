package gcsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Checks that every {@code remove-root} names a root link the scenario makes: a {@code gcroot}
 * root or a {@code symlink-root} (names under gcroots), or an {@code indirect} root or an
 * {@code add-perm-root} (absolute links). Removing a link nothing makes does nothing in the model,
 * so a misspelt link would silently keep the root and change the race.
 */
final class RootLinks {
    private record Removal(String link, Node node) {}

    private final Set<String> underGcroots = new LinkedHashSet<>();
    private final Set<String> absolute = new LinkedHashSet<>();
    private final List<Removal> removals = new ArrayList<>();

    /** The roots present at the start; profiles are not removable by name, so they are left out. */
    RootLinks(List<RootSpec> roots) {
        for (RootSpec root : roots) {
            switch (root.kind()) {
                case GCROOT -> underGcroots.add(root.link());
                case INDIRECT -> absolute.add(root.link());
                case PROFILE -> { }
            }
        }
    }

    /** A link an operation makes: absolute when it starts with '/', otherwise a name under gcroots. */
    void made(String link) {
        (link.startsWith("/") ? absolute : underGcroots).add(link);
    }

    void removed(String link, Node node) {
        removals.add(new Removal(link, node));
    }

    /** Throws at the first removal in file order of a link nothing makes. */
    void check(YamlReader r) throws ScenarioException {
        for (Removal removal : removals) {
            boolean known = removal.link().startsWith("/") ? absolute.contains(removal.link())
                    : underGcroots.contains(removal.link());
            if (!known) {
                throw r.error(removal.node(), "remove-root " + Text.quote(removal.link())
                        + " is not a root link of this scenario (names under gcroots from gcroot roots and symlink-root: "
                        + listed(underGcroots) + "; absolute links from indirect roots and add-perm-root: "
                        + listed(absolute) + ")");
            }
        }
    }

    private static String listed(Set<String> links) {
        return links.isEmpty() ? "none" : Text.list(new ArrayList<>(links), 12);
    }

    /** Reads {@code remove-root: LINK}: an absolute link, or one under gcroots; checked by {@link #check}. */
    Op.RemoveRoot readRemoval(YamlReader r, Node arg, Pos pos) throws ScenarioException {
        String text = r.string(arg, "remove-root");
        String link = text.startsWith("/") ? Links.absolute(r, arg, "remove-root")
                : Links.relative(r, arg, "remove-root", "gcroots");
        removed(link, arg);
        return new Op.RemoveRoot(link, pos);
    }
}
