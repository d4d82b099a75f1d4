package gcsim.scenario;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Checks the link paths of roots. The model keys roots by their link, so two spellings of one
 * file ({@code a//b}, {@code a/./b}) or an escape from gcroots ({@code ../x}) would silently make
 * a different root than the author meant; only plain paths are accepted.
 */
final class Links {
    private Links() {}

    /** An absolute link such as {@code /home/alice/result}. */
    static String absolute(YamlReader r, Node node, String what) throws ScenarioException {
        String link = r.string(node, what);
        if (!link.startsWith("/") || link.length() == 1) {
            throw r.error(node, what + " " + Text.quote(link) + " is not an absolute path (expected e.g. /home/alice/result)");
        }
        checkPlain(r, node, what, link, link.substring(1), "/home/alice/result");
        return link;
    }

    /** A link relative to a state directory (gcroots, profiles), such as {@code ci-result}. */
    static String relative(YamlReader r, Node node, String what, String under) throws ScenarioException {
        String link = r.string(node, what);
        if (link.isEmpty() || link.startsWith("/")) {
            throw r.error(node, what + " " + Text.quote(link) + " is not a relative path (expected a name under " + under + ", e.g. ci-result)");
        }
        checkPlain(r, node, what, link, link, "ci-result");
        return link;
    }

    private static void checkPlain(YamlReader r, Node node, String what, String link, String relativePart, String example)
            throws ScenarioException {
        for (String segment : relativePart.split("/", -1)) {
            boolean control = segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || control) {
                throw r.error(node, what + " " + Text.quote(link)
                        + " has an empty, '.', '..' or control-character component (expected a plain path such as " + example + ")");
            }
        }
    }
}
