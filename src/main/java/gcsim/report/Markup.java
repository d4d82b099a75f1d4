package gcsim.report;

/**
 * Escaping for the two text formats the report is written in. Every piece of text that comes from
 * a scenario, a variant or the model goes through here, so no name or message can break the page.
 */
final class Markup {
    private Markup() {}

    /** Text for HTML element content and attribute values (double-quoted). */
    static String html(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
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

    /** Inline Markdown text: punctuation that Markdown or a table would read is backslash-escaped. */
    static String md(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~' -> sb.append('\\').append(c);
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '\n', '\r' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** An inline code span holding {@code s} exactly, with a fence longer than any backtick run in it. */
    static String code(String s) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = longest > 0 || s.startsWith("`") || s.endsWith("`") ? " " : "";
        return fence + pad + s.replace('\n', ' ') + pad + fence;
    }

    /** A fenced code block holding {@code body} (which ends with a newline), with a fence no line of it can close. */
    static String block(String info, String body) {
        int longest = 2;
        for (String line : body.split("\n", -1)) {
            String t = line.strip();
            int run = 0;
            while (run < t.length() && t.charAt(run) == '`') {
                run++;
            }
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        return fence + info + "\n" + body + (body.endsWith("\n") ? "" : "\n") + fence + "\n";
    }
}
