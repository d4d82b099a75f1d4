package gcsim.kernel;

/** How virtual time is written for people: in traces, stories, reports and error messages. */
public final class VirtualTime {
    private VirtualTime() {}

    /** Virtual time as people read it: {@code 1.25s}, {@code 100ms}, {@code 0s}, {@code 5ns}. */
    public static String format(long nanos) {
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            if (Math.abs(nanos) < 1_000_000_000L) {
                return nanos / 1_000_000L + "ms";
            }
            return java.math.BigDecimal.valueOf(nanos / 1_000_000L, 3).stripTrailingZeros().toPlainString() + "s";
        }
        return nanos + "ns";
    }
}
