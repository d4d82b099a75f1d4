package gcsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Layering and determinism rules, checked on the source text (tests run with the project root as
 * working directory). Comments and string literals are ignored, so documentation may still talk
 * about what the code must not do.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src", "main", "java", "gcsim");

    /** Packages the kernel must not know: it is the bottom layer. */
    private static final Pattern UPPER_LAYERS =
            Pattern.compile("\\bgcsim\\.(model|scenario|variant|check|search|compare|report|cli)\\b");

    /** Sources of nondeterminism: wall clock, unseeded randomness, identity- or hash-ordered state. */
    private static final Pattern NONDETERMINISM = Pattern.compile(String.join("|",
            "\\bSystem\\s*\\.\\s*currentTimeMillis\\b",
            "\\bSystem\\s*\\.\\s*nanoTime\\b",
            "\\bnew\\s+(?:java\\.util\\.)?Random\\s*\\(",
            "\\bMath\\s*\\.\\s*random\\b",
            "\\bThreadLocalRandom\\b",
            "\\bidentityHashCode\\b",
            "\\bnew\\s+(?:java\\.util\\.)?HashMap\\b",
            "\\bnew\\s+(?:java\\.util\\.)?HashSet\\b"));

    @Test
    void theKernelNamesNoUpperLayer() throws IOException {
        List<Path> files = javaFiles(MAIN.resolve("kernel"));
        assertThat(files).as("kernel sources (is the working directory the project root?)").isNotEmpty();

        assertThat(violations(files, UPPER_LAYERS)).isEmpty();
    }

    /** The command line parses options and calls engines; nothing below it may call back up. */
    private static final Pattern COMMAND_LINE = Pattern.compile("\\bgcsim\\.cli\\b");

    @Test
    void onlyTheCommandLineNamesTheCommandLine() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> packages = Files.list(MAIN)) {
            for (Path p : packages.filter(Files::isDirectory).sorted().toList()) {
                if (!p.getFileName().toString().equals("cli")) {
                    files.addAll(javaFiles(p));
                }
            }
        }
        assertThat(files).as("the compare engine lives below the command line").anyMatch(f -> f.toString().contains("compare"));

        assertThat(violations(files, COMMAND_LINE)).isEmpty();
    }

    @Test
    void kernelAndModelUseNoNondeterministicApi() throws IOException {
        List<Path> files = new ArrayList<>(javaFiles(MAIN.resolve("kernel")));
        files.addAll(javaFiles(MAIN.resolve("model")));
        assertThat(files).isNotEmpty();

        assertThat(violations(files, NONDETERMINISM)).isEmpty();
    }

    @Test
    void theScannerFindsWhatItLooksFor() {
        String code = String.join("\n",
                "import gcsim.model.Store;",
                "// gcsim.check in a comment is fine, and so is new HashMap<>() here",
                "class X { Object a = new HashMap<>(); long t = System.nanoTime();",
                "  String s = \"new HashSet and gcsim.cli in a string\";",
                "  Object b = new java.util.HashSet<String>(); double r = Math.random();",
                "  Object c = new LinkedHashMap<>(); Object d = new Random(42);",
                "  /* System.currentTimeMillis() */ int h = System.identityHashCode(this);",
                "  char q = '\"'; Object e = gcsim.report.Report.of(); }");

        String stripped = stripCommentsAndStrings(code);

        assertThat(find(stripped, UPPER_LAYERS)).containsExactly("gcsim.model", "gcsim.report");
        assertThat(find(stripped, NONDETERMINISM)).containsExactly(
                "new HashMap", "System.nanoTime", "new java.util.HashSet", "Math.random", "new Random(",
                "identityHashCode");
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static List<String> violations(List<Path> files, Pattern forbidden) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            String code = stripCommentsAndStrings(Files.readString(f, StandardCharsets.UTF_8));
            for (String hit : find(code, forbidden)) {
                out.add(f + ": " + hit);
            }
        }
        return out;
    }

    private static List<String> find(String code, Pattern p) {
        List<String> hits = new ArrayList<>();
        Matcher m = p.matcher(code);
        while (m.find()) {
            hits.add(m.group());
        }
        return hits;
    }

    /** Blanks out comments, string and char literals and text blocks, keeping line structure. */
    static String stripCommentsAndStrings(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                appendNewlines(out, src, i, end);
                i = end;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                appendNewlines(out, src, i, end);
                out.append("\"\"");
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(c).append(c);
                i = Math.min(j + 1, n);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void appendNewlines(StringBuilder out, String src, int from, int to) {
        for (int k = from; k < to; k++) {
            if (src.charAt(k) == '\n') {
                out.append('\n');
            }
        }
        out.append(' ');
    }
}
