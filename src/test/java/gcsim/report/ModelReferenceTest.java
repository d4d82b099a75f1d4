package gcsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.TraceEvent;
import gcsim.search.RandomWalk;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioLoader;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/model.md and the citations in the code agree: every anchor {@link ModelReference} links to is
 * a heading of the document (as GitHub slugs it), every citation a model step can print resolves to
 * one, and every section number the project cites exists. Tests run from the project root.
 */
class ModelReferenceTest {
    private static final Path DOC = Path.of(ModelReference.DOC);
    private static final Path MODEL = Path.of("src", "main", "java", "gcsim", "model");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern FN_CONSTANT = Pattern.compile("String FN = \"([^\"]*)\"");
    private static final Pattern FN_PLUS = Pattern.compile("FN \\+ \"([^\"]*)\"");
    private static final Pattern CITED_SECTION = Pattern.compile("§(\\d+(?:\\.\\d+)?)");
    private static final Pattern DOC_LINK = Pattern.compile("docs/model\\.md#([a-z0-9_-]+)");

    /** GitHub's heading anchor: lower case, everything but letters, digits, marks, '_', '-' and spaces dropped, spaces to '-'. */
    static String slug(String heading) {
        StringBuilder sb = new StringBuilder();
        heading.strip().toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            int t = Character.getType(c);
            boolean word = Character.isLetterOrDigit(c) || t == Character.NON_SPACING_MARK
                    || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK
                    || t == Character.CONNECTOR_PUNCTUATION || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
            if (c == ' ') {
                sb.append('-');
            } else if (word || c == '-') {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    /** The anchors of docs/model.md's headings. */
    static TreeSet<String> anchors() throws IOException {
        return anchors(DOC);
    }

    /** The anchors of a Markdown file's headings, with GitHub's -1, -2 … for repeats; code blocks skipped. */
    static TreeSet<String> anchors(Path doc) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        TreeMap<String, Integer> seen = new TreeMap<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            if (fenced || !line.matches("#{1,6} .*")) {
                continue;
            }
            String text = line.replaceFirst("^#+ ", "").replace("`", "");
            String base = slug(text);
            int n = seen.merge(base, 1, Integer::sum) - 1;
            out.add(n == 0 ? base : base + "-" + n);
        }
        return out;
    }

    @Test
    void aSlugDropsPunctuationAndTheSectionSignAndTurnsSpacesIntoHyphens() {
        assertThat(slug("§2.7 collectGarbage")).isEqualTo("27-collectgarbage");
        assertThat(slug("§2.1 Store::writeDerivation")).isEqualTo("21-storewritederivation");
        assertThat(slug("S3 gc-delete-recheck: true")).isEqualTo("s3-gc-delete-recheck-true");
    }

    @Test
    void everyAnchorTheReportLinksToIsAHeadingOfTheDocument() throws IOException {
        TreeSet<String> anchors = anchors();
        List<String> targets = new ArrayList<>(ModelReference.SECTIONS.values());
        targets.addAll(ModelReference.BY_FUNCTION.values());
        targets.addAll(ModelReference.UNNUMBERED.values());
        targets.addAll(List.of(ModelReference.G_STEPS, ModelReference.SERVER, ModelReference.WALK,
                ModelReference.DELETION, ModelReference.MARK_ALIVE));

        assertThat(anchors).as("headings of " + DOC).containsAll(targets);
    }

    @Test
    void everyCitationAModelStepCanPrintResolvesToAHeading() throws IOException {
        TreeSet<String> anchors = anchors();
        TreeMap<String, String> unresolved = new TreeMap<>();
        int checked = 0;
        for (Path f : javaFiles(MODEL)) {
            String src = Files.readString(f, StandardCharsets.UTF_8);
            List<String> citations = new ArrayList<>();
            Matcher lit = LITERAL.matcher(src);
            while (lit.find()) {
                if (lit.group(1).contains("§")) {
                    citations.add(lit.group(1));
                }
            }
            Matcher fn = FN_CONSTANT.matcher(src);
            if (fn.find()) {
                Matcher plus = FN_PLUS.matcher(src);
                while (plus.find()) {
                    citations.add(fn.group(1) + plus.group(1));
                }
            }
            for (String c : citations) {
                checked++;
                String a = ModelReference.anchor(c);
                if (a == null || !anchors.contains(a)) {
                    unresolved.put(f.getFileName() + ": " + c, String.valueOf(a));
                }
            }
        }

        assertThat(checked).as("citations found in " + MODEL).isGreaterThan(50);
        assertThat(unresolved).isEmpty();
    }

    @Test
    void everySectionTheProjectCitesAndEveryLinkIntoTheDocumentExists() throws IOException {
        TreeSet<String> anchors = anchors();
        List<Path> files = new ArrayList<>(javaFiles(Path.of("src", "main", "java")));
        files.addAll(List.of(Path.of("README.md"), Path.of("results", "README.md"), Path.of("scenarios", "README.md")));
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        TreeSet<String> missing = new TreeSet<>();
        for (Path f : files) {
            if (!Files.exists(f)) {
                continue;
            }
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Matcher m = CITED_SECTION.matcher(text);
            while (m.find()) {
                if (!ModelReference.SECTIONS.containsKey(m.group(1))) {
                    missing.add(f + ": §" + m.group(1));
                }
            }
            Matcher link = DOC_LINK.matcher(text);
            while (link.find()) {
                if (!anchors.contains(link.group(1))) {
                    missing.add(f + ": #" + link.group(1));
                }
            }
        }

        assertThat(missing).isEmpty();
    }

    @Test
    void everyCitationInTracedRunsOfTheLibraryResolvesToAHeading() throws Exception {
        TreeSet<String> anchors = anchors();
        List<Variant> variants = VariantLoader.load(Path.of("scenarios", "variants.yaml"));
        List<Path> scenarios;
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            scenarios = s.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("variants.yaml")).sorted().toList();
        }
        TreeSet<String> cited = new TreeSet<>();
        for (Path file : scenarios) {
            Scenario scenario = ScenarioLoader.load(file);
            for (Variant v : variants) {
                Runner runner = new Runner(scenario, v, 100_000);
                for (long seed = 1; seed <= 2; seed++) {
                    RunResult r = runner.run(new RandomWalk(seed), true); // seeded, so the same runs on every machine
                    for (TraceEvent e : r.trace()) {
                        if (ModelReference.split(e.text()).citation() != null) {
                            cited.add(ModelReference.split(e.text()).citation());
                        }
                    }
                    if (r.failure() != null) {
                        cited.add(r.failure().check());
                    }
                }
            }
        }
        TreeSet<String> unresolved = new TreeSet<>();
        for (String c : cited) {
            String a = ModelReference.anchor(c);
            if (c.contains("§") && (a == null || !anchors.contains(a))) {
                unresolved.add(c + " → " + a);
            }
        }

        assertThat(cited).as("citations seen").anyMatch(c -> c.contains("§2.7 B9")).anyMatch(c -> c.contains("§2.6"));
        assertThat(unresolved).isEmpty();
    }

    @Test
    void aStoryLineSplitsIntoItsWordsAndTheCitationInItsTrailingBracket() {
        ModelReference.Cited c = ModelReference.split("reads temproots/7: [a, b]  [collectGarbage §2.7 G8]");

        assertThat(c.words()).isEqualTo("reads temproots/7: [a, b]");
        assertThat(c.citation()).isEqualTo("collectGarbage §2.7 G8");
        assertThat(ModelReference.split("X exits").citation()).isNull();
    }

    @Test
    void stepsOfTheCollectorLinkToTheirOwnPartOfSection2_7() {
        assertThat(ModelReference.anchor("collectGarbage §2.7 G3")).isEqualTo(ModelReference.G_STEPS);
        assertThat(ModelReference.anchor("collectGarbage server §2.7 T2")).isEqualTo(ModelReference.SERVER);
        assertThat(ModelReference.anchor("maybeDeleteReferrersClosure §2.7 B6")).isEqualTo(ModelReference.WALK);
        assertThat(ModelReference.anchor("maybeDeleteReferrersClosure §2.7 B9.2a")).isEqualTo(ModelReference.DELETION);
        assertThat(ModelReference.anchor("addToStoreFromDump §2.4 step 12")).isEqualTo("24-addtostorefromdump-and-addtostore");
        assertThat(ModelReference.href("~LocalStore §2.3", "../")).isEqualTo("../docs/model.md#23-worker-lifecycle");
        assertThat(ModelReference.anchor("client")).isNull();
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
