package gcsim.report;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a model citation such as {@code collectGarbage §2.7 B9} is explained: a heading of the
 * project's behaviour reference {@code docs/model.md}. Every modelled step names its Nix function
 * and reference section in a bracket at the end of its trace line; the Markdown and HTML reports
 * turn that bracket into a link here, so a reviewer goes from a story line to the step it models.
 *
 * <p>Why one table: the anchors are GitHub's slugs of the document's headings, and a test reads the
 * document and checks that every anchor below exists and that every citation the model can emit
 * resolves, so renaming a heading or adding a section without an entry fails the build.
 */
public final class ModelReference {
    /** The document, relative to the repository root. */
    public static final String DOC = "docs/model.md";

    /** Section number → anchor of its heading. */
    static final Map<String, String> SECTIONS = new TreeMap<>(Map.ofEntries(
            Map.entry("1", "1-actors-and-shared-state"),
            Map.entry("2", "2-modelled-functions"),
            Map.entry("2.1", "21-storewritederivation"),
            Map.entry("2.2", "22-remotestore-on-the-client"),
            Map.entry("2.3", "23-daemon-worker-and-build-goals"),
            Map.entry("2.4", "24-addtostorefromdump-and-addtostore"),
            Map.entry("2.5", "25-registervalidpaths"),
            Map.entry("2.6", "26-addtemproot"),
            Map.entry("2.7", "27-collectgarbage"),
            Map.entry("2.8", "28-findroots"),
            Map.entry("2.9", "29-autogc"),
            Map.entry("2.10", "210-addpermroot-and-addindirectroot"),
            Map.entry("2.11", "211-fetchtostore2"),
            Map.entry("2.12", "212-copypaths-to-a-daemon"),
            Map.entry("2.13", "213-buildderivation-on-a-remote-builder"),
            Map.entry("2.14", "214-an-existing-derivation-read-or-realised"),
            Map.entry("3", "3-variants"),
            Map.entry("4", "4-functional-tests"),
            Map.entry("5", "5-known-windows"),
            Map.entry("5.1", "51-a-root-made-permanent-after-g7"),
            Map.entry("6", "6-master-88b09c64fb"),
            Map.entry("6.1", "61-switches"),
            Map.entry("6.2", "62-new-client-operations"),
            Map.entry("6.3", "63-windows-still-open-on-master"),
            Map.entry("6.4", "64-nix-234"),
            Map.entry("7", "7-source-index")));

    /** Finer anchors inside §2.7, by step group. */
    static final String G_STEPS = "27-g1-to-g13-the-main-thread";
    static final String SERVER = "27-s-and-t-the-socket-server";
    static final String WALK = "27-b0-to-b8-the-closure-walk";
    static final String DELETION = "27-b9-deletion";
    static final String MARK_ALIVE = "27-markalive";

    /** Finer anchors, by the function and section a citation names. */
    static final Map<String, String> BY_FUNCTION = new TreeMap<>(Map.ofEntries(
            Map.entry("~LocalStore §2.3", "23-worker-lifecycle"),
            Map.entry("daemon §2.3", "23-worker-lifecycle"),
            Map.entry("daemon worker §2.3", "23-worker-lifecycle"),
            Map.entry("MonitorFdHup §2.3", "23-interrupts"),
            Map.entry("interrupt §2.3", "23-interrupts"),
            Map.entry("BuildPaths §2.3", "23-buildpaths"),
            Map.entry("DerivationTrampolineGoal §2.3", "23-buildpaths"),
            Map.entry("PathSubstitutionGoal §2.3", "23-buildpaths"),
            Map.entry("DerivationBuildingGoal §2.3", "213-buildderivation-on-a-remote-builder"),
            Map.entry("LocalStore::queryValidPaths §2.3", "212-copypaths-to-a-daemon"),
            Map.entry("LocalStore::addToStore(info) §2.4", "24-addtostore-with-a-nar"),
            Map.entry("collectGarbage server §2.7", SERVER),
            Map.entry("maybeDeleteReferrersClosure §2.7", WALK),
            Map.entry("markAlive §2.7", MARK_ALIVE)));

    /** Citations that name a function but no section, by how they begin. */
    static final Map<String, String> UNNUMBERED = new TreeMap<>(Map.of(
            "copyPaths", "212-copypaths-to-a-daemon",
            "import (primops.cc)", "214-an-existing-derivation-read-or-realised",
            "Store::requireStoreObjectAccessor", "214-an-existing-derivation-read-or-realised",
            "RemoteStore::addTempRoot S8", "s8-temp-root-dedup-true"));

    private static final Pattern SECTION = Pattern.compile("§(\\d+(?:\\.\\d+)?)(?: ([A-Z])(\\d+))?");
    private static final Pattern TRAILING = Pattern.compile("  \\[([^\\[\\]]*)\\]$");

    private ModelReference() {}

    /** A story text split into its words and its trailing {@code [citation]}, which may be absent (null). */
    public record Cited(String words, String citation) {}

    /** Splits {@code "deletes x  [fn §2.7 B9]"} into {@code "deletes x"} and {@code "fn §2.7 B9"}. */
    public static Cited split(String text) {
        Matcher m = TRAILING.matcher(text);
        if (!m.find()) {
            return new Cited(text, null);
        }
        return new Cited(text.substring(0, m.start()), m.group(1));
    }

    /** The anchor in {@link #DOC} a citation points to, or null when it cites no known section. */
    public static String anchor(String citation) {
        if (citation == null) {
            return null;
        }
        Matcher m = SECTION.matcher(citation);
        if (!m.find()) {
            for (Map.Entry<String, String> e : UNNUMBERED.entrySet()) {
                if (citation.startsWith(e.getKey())) {
                    return e.getValue();
                }
            }
            return null;
        }
        String section = m.group(1);
        String function = citation.substring(0, m.start()).strip();
        String byFunction = BY_FUNCTION.get(function + " §" + section);
        if (m.group(2) != null && section.equals("2.7")) {
            return stepOf2_7(m.group(2).charAt(0), Integer.parseInt(m.group(3)));
        }
        if (byFunction != null) {
            return byFunction;
        }
        return SECTIONS.get(section);
    }

    /**
     * A link target for a citation, or null when it names no section; {@code toRoot} leads from the
     * linking page's directory to the repository root ({@code "../"} from results/).
     */
    public static String href(String citation, String toRoot) {
        String a = anchor(citation);
        return a == null ? null : toRoot + DOC + "#" + a;
    }

    private static String stepOf2_7(char letter, int number) {
        return switch (letter) {
            case 'G' -> G_STEPS;
            case 'S', 'T' -> SERVER;
            case 'B' -> number == 9 ? DELETION : WALK;
            default -> SECTIONS.get("2.7");
        };
    }
}
