package gcsim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The expected verdict of every cell, as {@code results/expected.yaml} holds it, so that CI can tell
 * when a change to the model or to Nix's modelled behaviour moves a cell: a verified cell that now
 * fails, a failing cell that now passes. The file is a two-level YAML mapping, scenario then
 * variant, with one of {@code fail}, {@code verified}, {@code pass} or {@code error}:
 *
 * <pre>
 * hosts-drv:
 *   early-return: fail
 *   drv-only: verified
 * </pre>
 *
 * <p>Read by a small line parser rather than a YAML library: the format is this narrow on purpose,
 * and every entry's line number is what a CI annotation points at.
 *
 * @param file the file's name as messages show it
 */
public record Expected(String file, List<Entry> entries) {
    static final List<String> KINDS = List.of("fail", "verified", "pass", "error");

    /** One expected verdict, with the line it is on. */
    public record Entry(String scenario, String variant, String kind, int line) {}

    /**
     * A cell whose verdict is not the expected one.
     *
     * @param expected the expected kind, or null when the file has no entry for the cell
     * @param line the entry's line, or 0 when there is none
     */
    public record Change(String scenario, String variant, String expected, Verdict actual, int line) {
        /** {@code hosts-drv × early-return: expected fail, now ✓ verified (1234 executions)}. */
        public String text() {
            return scenario + " × " + variant + ": " + (expected == null ? "no expected verdict" : "expected " + expected)
                    + ", now " + actual.label();
        }
    }

    /** The kind expected for a cell, or null. */
    public Entry entry(String scenario, String variant) {
        for (Entry e : entries) {
            if (e.scenario().equals(scenario) && e.variant().equals(variant)) {
                return e;
            }
        }
        return null;
    }

    /** Every cell of {@code r} whose verdict differs from the expected one, in the report's order. */
    public List<Change> changes(CompareReport r) {
        List<Change> out = new ArrayList<>();
        for (Cell c : r.cells()) {
            Entry e = entry(c.scenario(), c.variant());
            if (e == null || !e.kind().equals(c.verdict().kind())) {
                out.add(new Change(c.scenario(), c.variant(), e == null ? null : e.kind(), c.verdict(), e == null ? 0 : e.line()));
            }
        }
        return out;
    }

    /** The file for the verdicts of {@code r}, as {@code compare --write-expected} writes it. */
    public static String render(CompareReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# The verdict expected of every cell: compare --check and merge --check exit 1 when a cell's\n")
                .append("# verdict differs. One of fail, verified, pass, error. Written by\n")
                .append("# sim/gcsim compare --write-expected; edit by hand to accept a change.\n");
        for (CompareReport.ScenarioInfo s : r.scenarios()) {
            boolean any = false;
            for (CompareReport.VariantInfo v : r.variants()) {
                Cell c = r.cell(s.name(), v.id());
                if (c == null) {
                    continue;
                }
                if (!any) {
                    sb.append(s.name()).append(":\n");
                    any = true;
                }
                sb.append("  ").append(v.id()).append(": ").append(c.verdict().kind()).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Parses the file's text.
     *
     * @throws IllegalArgumentException with {@code FILE:LINE:COLUMN: what is wrong (what is accepted)}
     */
    public static Expected parse(String file, String text) {
        List<Entry> entries = new ArrayList<>();
        String scenario = null;
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String raw = lines[n].replace("\r", "");
            if (n == 0 && raw.startsWith("\uFEFF")) {
                raw = raw.substring(1);
            }
            String line = stripComment(raw);
            if (line.isBlank()) {
                continue;
            }
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            int colon = line.indexOf(':');
            String where = file + ":" + (n + 1) + ":" + (indent + 1) + ": ";
            if (colon < 0) {
                throw new IllegalArgumentException(where + "expected 'name:' (accepted: 'SCENARIO:' then indented"
                        + " 'VARIANT: fail|verified|pass|error' lines)");
            }
            String key = line.substring(indent, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (indent == 0) {
                if (!value.isEmpty()) {
                    throw new IllegalArgumentException(where + "a scenario line holds no verdict (accepted: 'SCENARIO:' then"
                            + " indented 'VARIANT: KIND' lines)");
                }
                scenario = key;
                continue;
            }
            if (scenario == null) {
                throw new IllegalArgumentException(where + "a variant before any scenario (accepted: 'SCENARIO:' first)");
            }
            if (!KINDS.contains(value)) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ":" + (line.indexOf(value, colon) + 1)
                        + ": unknown verdict '" + value + "' (accepted: " + String.join(", ", KINDS) + ")");
            }
            for (Entry e : entries) {
                if (e.scenario().equals(scenario) && e.variant().equals(key)) {
                    throw new IllegalArgumentException(where + scenario + " × " + key + " given twice (first on line "
                            + e.line() + "; accepted: each cell once)");
                }
            }
            entries.add(new Entry(scenario, key, value, n + 1));
        }
        return new Expected(file, List.copyOf(entries));
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
