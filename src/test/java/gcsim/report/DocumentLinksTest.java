package gcsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's hand-written documents link only to what exists: every relative Markdown link in the
 * READMEs and under docs/ names a file of the repository, and every {@code #anchor} one of that
 * file's headings as GitHub slugs it. Why: the README's long notes were moved to docs/, and a link
 * that still points at a heading that left would send a reader nowhere without any error.
 */
class DocumentLinksTest {
    /** {@code [text](target)}; the target ends at the first space or closing parenthesis. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), Path.of("results", "README.md"),
                Path.of("scenarios", "README.md")));
        try (Stream<Path> s = Files.list(Path.of("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    /** The broken links of one document, each as "file: target"; links inside code blocks are not links. */
    static List<String> brokenLinks(Path doc) throws IOException {
        List<String> broken = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            if (fenced) {
                continue;
            }
            Matcher m = LINK.matcher(line);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) { // http:, https:, mailto: are not the repository's
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? doc : doc.toAbsolutePath().getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(doc + ": " + target + " (no such file)");
                } else if (hash >= 0 && !ModelReferenceTest.anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(doc + ": " + target + " (no such heading)");
                }
            }
        }
        return broken;
    }

    @Test
    void everyRelativeLinkInTheDocumentsLeadsToAFileAndAHeadingThatExist() throws IOException {
        TreeSet<String> broken = new TreeSet<>();
        int documents = 0;
        for (Path doc : documents()) {
            broken.addAll(brokenLinks(doc));
            documents++;
        }
        assertThat(documents).isGreaterThanOrEqualTo(5);
        assertThat(broken).isEmpty();
    }

    @Test
    void aLinkToAHeadingThatIsNotThereIsReported(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path doc = dir.resolve("a.md");
        Files.writeString(doc, "# Title\n\n## Real part\n\nSee [this](#real-part), [that](#gone), [b](b.md),"
                + " [web](https://example.org/#x).\n\n```\n[not a link](#nowhere)\n```\n");

        assertThat(brokenLinks(doc)).containsExactly(doc + ": #gone (no such heading)", doc + ": b.md (no such file)");
    }
}
