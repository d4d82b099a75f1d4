package gcsim.scenario;

import java.util.List;

/**
 * Puts text from a user's file into a one-line error message. Every message a loader produces is
 * a single {@code FILE:LINE:COLUMN: …} line, so anything echoed back (a name, a bad value, a parser
 * complaint) is escaped and shortened here rather than trusted.
 */
public final class Text {
    /** Longest echoed value, in code points, before it is cut with an ellipsis. */
    public static final int MAX_ECHO = 60;
    /**
     * Longest name (process, user, event, path, variant id) in characters: names end up in story lines,
     * file names ({@code failures/SCENARIO--VARIANT.schedule}) and reports, and file systems refuse
     * names over 255 bytes. A longer one is refused when it is read, not when it is used. 211 is the
     * longest store path name Nix accepts, so every name shares the store's limit.
     */
    public static final int MAX_NAME = 211;

    private Text() {}

    /** {@code s} in single quotes, control characters escaped, cut to {@link #MAX_ECHO}. */
    public static String quote(String s) {
        return "'" + shorten(escape(s)) + "'";
    }

    /** {@code s} with control and invisible characters escaped ({@code \\u200B}), cut to {@link #MAX_ECHO}. */
    public static String shown(String s) {
        return shorten(escape(s));
    }

    /** Collapses every run of whitespace or control characters into one space. */
    public static String oneLine(String s) {
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Names joined with ", ", at most {@code max} of them, then "…". */
    public static String list(List<String> names, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size() && i < max; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(shorten(escape(names.get(i))));
        }
        if (names.size() > max) {
            out.append(", …");
        }
        return out.toString();
    }

    /** {@code s} with control and invisible characters escaped, not shortened: for whole messages. */
    public static String escaped(String s) {
        return escape(s);
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || Character.getType(cp) == Character.SURROGATE
                    || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static String shorten(String s) {
        if (s.codePointCount(0, s.length()) <= MAX_ECHO) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, MAX_ECHO)) + "…";
    }
}
