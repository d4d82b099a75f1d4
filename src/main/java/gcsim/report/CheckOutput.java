package gcsim.report;

import java.util.List;

/**
 * The check of a report against its expected verdicts, in the two forms CI systems read: JUnit XML
 * (one test case per cell, failed when the cell's verdict changed) and GitHub Actions workflow
 * commands (one error annotation per change, on the expected-verdicts file's line).
 */
public final class CheckOutput {
    private CheckOutput() {}

    /**
     * JUnit XML for every cell of {@code r}.
     *
     * @param pages where each failing cell's page is, relative to the JUnit file's reader, or null
     */
    public static String junit(CompareReport r, List<Expected.Change> changes, String pages) {
        StringBuilder cases = new StringBuilder();
        for (Cell c : r.cells()) {
            Expected.Change change = null;
            for (Expected.Change ch : changes) {
                if (ch.scenario().equals(c.scenario()) && ch.variant().equals(c.variant())) {
                    change = ch;
                }
            }
            cases.append("    <testcase classname=\"gcsim.compare.").append(xml(c.scenario())).append("\" name=\"")
                    .append(xml(c.scenario() + " × " + c.variant())).append('"');
            if (change == null) {
                cases.append("/>\n");
                continue;
            }
            cases.append(">\n      <failure type=\"verdict-changed\" message=\"").append(xml(change.text())).append("\">")
                    .append(xml(change.text()));
            if (c.counterexample() != null && pages != null) {
                cases.append("\ncounterexample: ").append(xml(pages + "/" + c.key() + ".md"))
                        .append("\nreplay: ").append(xml(c.counterexample().replay()));
            }
            cases.append("</failure>\n    </testcase>\n");
        }
        int n = r.cells().size();
        String counts = " tests=\"" + n + "\" failures=\"" + changes.size() + "\" errors=\"0\" skipped=\"0\"";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"gcsim compare\"" + counts + ">\n"
                + "  <testsuite name=\"gcsim compare\"" + counts + ">\n" + cases + "  </testsuite>\n</testsuites>\n";
    }

    /** One {@code ::error} workflow command per change, pointing at {@code file}'s entry when it has one. */
    public static String github(List<Expected.Change> changes, String file) {
        StringBuilder sb = new StringBuilder();
        for (Expected.Change c : changes) {
            sb.append("::error file=").append(property(file));
            if (c.line() > 0) {
                sb.append(",line=").append(c.line());
            }
            sb.append(",title=").append(property("gcsim: " + c.scenario() + " × " + c.variant() + " changed"))
                    .append("::").append(data(c.text())).append('\n');
        }
        return sb.toString();
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
