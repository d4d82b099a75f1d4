package gcsim.scenario;

import java.util.List;

/**
 * Parses the sizes and durations of scenario files the way Nix's options read them: sizes take
 * the suffixes K, M and G (powers of 1024); durations take ns, us, ms, s and m, and a bare number
 * means seconds as in {@code min-free-check-interval}. A value that would overflow a {@code long}
 * is an error rather than a silently wrong number.
 */
public final class Quantities {
    /** What a size may look like, for messages. */
    public static final String SIZE_RULE =
            "a non-negative number of bytes, optionally with suffix K, M or G (powers of 1024), e.g. 512, 2K, 1G";
    /** What a duration may look like, for messages. */
    public static final String DURATION_RULE =
            "a non-negative integer with unit ns, us, ms, s or m, or a bare integer of seconds, e.g. 0s, 100ms, 5";

    private record Unit(String suffix, long factor) {}

    private static final List<Unit> SIZE_UNITS = List.of(
            new Unit("", 1), new Unit("K", 1L << 10), new Unit("M", 1L << 20), new Unit("G", 1L << 30));
    private static final List<Unit> DURATION_UNITS = List.of(
            new Unit("", 1_000_000_000L), new Unit("ns", 1), new Unit("us", 1_000L), new Unit("ms", 1_000_000L),
            new Unit("s", 1_000_000_000L), new Unit("m", 60_000_000_000L));

    private Quantities() {}

    /** Bytes for {@code text} such as {@code 512}, {@code 2K}, {@code 1G}. */
    public static long size(String text, Pos pos, String what) throws ScenarioException {
        return parse(text, pos, what, SIZE_UNITS, "size", "bytes", SIZE_RULE, "K, M, G");
    }

    /** Nanoseconds for {@code text} such as {@code 100ms}, {@code 5s}, or {@code 5} (seconds). */
    public static long duration(String text, Pos pos, String what) throws ScenarioException {
        return parse(text, pos, what, DURATION_UNITS, "duration", "ns", DURATION_RULE, "ns, us, ms, s, m");
    }

    /** A plain decimal integer in {@code [min, max]}. */
    public static int integer(String text, Pos pos, String what, int min, int max) throws ScenarioException {
        String rule = "an integer from " + min + " to " + max;
        int digitsEnd = digitsEnd(text, text.startsWith("-") ? 1 : 0);
        if (digitsEnd != text.length() || digitsEnd == (text.startsWith("-") ? 1 : 0)) {
            throw new ScenarioException(pos, what + " " + Text.quote(text) + " is not an integer (expected " + rule + ")");
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            value = text.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (value < min || value > max) {
            throw new ScenarioException(pos, what + " " + Text.quote(text) + " is out of range (expected " + rule + ")");
        }
        return (int) value;
    }

    private static long parse(String text, Pos pos, String what, List<Unit> units, String kind, String base,
                              String rule, String suffixes) throws ScenarioException {
        boolean negative = text.startsWith("-");
        int start = negative ? 1 : 0;
        int end = digitsEnd(text, start);
        if (end == start) {
            throw new ScenarioException(pos, what + " " + Text.quote(text) + " is not a " + kind + " (expected " + rule + ")");
        }
        String suffix = text.substring(end);
        if (!suffix.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            throw new ScenarioException(pos, what + " " + Text.quote(text) + " is not a " + kind + " (expected " + rule + ")");
        }
        Unit unit = units.stream().filter(u -> u.suffix().equals(suffix)).findFirst().orElse(null);
        if (unit == null) {
            throw new ScenarioException(pos, what + " " + Text.quote(text) + " has an unknown suffix " + Text.quote(suffix)
                    + " (accepted suffixes: " + suffixes + ")");
        }
        if (negative) {
            throw new ScenarioException(pos, what + " " + Text.quote(text) + " is negative (expected " + rule + ")");
        }
        try {
            return Math.multiplyExact(Long.parseLong(text.substring(start, end)), unit.factor());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ScenarioException(pos, what + " " + Text.quote(text) + " is too large (at most "
                    + Long.MAX_VALUE + " " + base + ")");
        }
    }

    /** Index just past the ASCII digits starting at {@code from}. */
    private static int digitsEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
