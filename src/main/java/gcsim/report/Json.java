package gcsim.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal JSON writer for gcsim's one-line machine output: objects keep keys in insertion order
 * (so output is stable), strings are escaped per RFC 8259, and nothing else is needed. Written here
 * rather than pulled in as a dependency because the output is small and its exact bytes matter.
 */
public final class Json {
    private final List<String> keys = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    private Json() {}

    public static Json object() {
        return new Json();
    }

    /**
     * Adds a member. Values: null, String, Boolean, Integer, Long, Double (non-finite as null),
     * {@link Json}, or a List of these.
     */
    public Json put(String key, Object value) {
        keys.add(key);
        values.add(value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        write(sb, this);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            sb.append(v);
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                sb.append("null");
            } else {
                sb.append(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
            }
        } else if (v instanceof Json j) {
            sb.append('{');
            for (int i = 0; i < j.keys.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                string(sb, j.keys.get(i));
                sb.append(':');
                write(sb, j.values.get(i));
            }
            sb.append('}');
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(sb, list.get(i));
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    /** Writes {@code s} as a JSON string: quotes, backslashes, control characters and lone surrogates escaped. */
    public static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    boolean loneSurrogate = Character.isSurrogate(c) && !pairedAt(s, i);
                    if (c < 0x20 || c == 0x7f || loneSurrogate) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                        if (Character.isHighSurrogate(c)) {
                            sb.append(s.charAt(++i));
                        }
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean pairedAt(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
}
