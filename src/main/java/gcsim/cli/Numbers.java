package gcsim.cli;

import gcsim.scenario.Text;
import gcsim.search.SplitMix64;

/**
 * Parses numeric options by hand rather than through picocli's converters, so that every bad value
 * gets the same one-line message naming the option and what it accepts. Only ASCII digits count
 * (Java's own parsers also take Arabic-Indic or full-width digits, which no one types on purpose),
 * and every bound is checked here, before any work starts, so that a huge value is refused at once
 * rather than failing minutes later for want of memory.
 */
final class Numbers {
    /** Seeds stay below 2^53 so that JSON readers that parse numbers as doubles keep them exact. */
    static final long SEED_LIMIT = SplitMix64.SEED_MASK + 1;
    /** Worker threads per available processor at most: more only costs memory, never speed. */
    static final int THREADS_PER_CORE = 4;
    /** The fewest worker threads always accepted, whatever the number of processors. */
    static final int MIN_THREAD_LIMIT = 8;

    private Numbers() {}

    static int positiveInt(String option, String text) throws BadInput {
        return (int) range(option, text, 1, Integer.MAX_VALUE, "a positive whole number");
    }

    static long positiveLong(String option, String text) throws BadInput {
        return range(option, text, 1, Long.MAX_VALUE, "a positive whole number");
    }

    /**
     * A whole number in {@code [min, max]}; {@code what} says what is accepted, and the range is added
     * to the message when a value falls outside it.
     */
    static long range(String option, String text, long min, long max, String what) throws BadInput {
        String t = text.strip();
        boolean negative = t.startsWith("-");
        String digits = negative || t.startsWith("+") ? t.substring(1) : t;
        if (digits.isEmpty() || !asciiDigits(digits)) {
            throw new BadInput(option + ": '" + Text.shown(text) + "' is not a whole number (accepted: " + what
                    + (min > 1 || max < Long.MAX_VALUE ? ", " + min + " to " + max : "") + ")");
        }
        if (negative && !isZero(digits) && min >= 0) {
            throw new BadInput(option + ": '" + Text.shown(text) + "' is not " + (min > 0 ? "positive" : "0 or more")
                    + " (accepted: " + what + rangeText(min, max) + ")");
        }
        long v;
        try {
            v = Long.parseLong(negative ? "-" + digits : digits);
        } catch (NumberFormatException e) {
            throw new BadInput(option + ": '" + Text.shown(text) + "' is too large (accepted: " + what + ", " + min + " to " + max + ")");
        }
        if (v < min && min == 1 && v <= 0) {
            throw new BadInput(option + ": '" + Text.shown(text) + "' is not positive (accepted: " + what + rangeText(min, max) + ")");
        }
        if (v < min || v > max) {
            throw new BadInput(option + ": '" + Text.shown(text) + "' is " + (v > max ? "too large" : "too small") + " (accepted: "
                    + what + ", " + min + " to " + max + ")");
        }
        return v;
    }

    private static String rangeText(long min, long max) {
        return max == Long.MAX_VALUE || max == Integer.MAX_VALUE && min == 1 ? "" : ", " + min + " to " + max;
    }

    private static boolean asciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /** 0 or a positive whole number up to {@link Integer#MAX_VALUE}; {@code zeroMeans} says what 0 means. */
    static int nonNegativeInt(String option, String text, String zeroMeans) throws BadInput {
        if (text.strip().equals("0")) {
            return 0;
        }
        try {
            return positiveInt(option, text);
        } catch (BadInput e) {
            throw new BadInput(option + ": '" + Text.shown(text) + "' is not a whole number from 0 up (accepted: 0 "
                    + zeroMeans + ", or a positive whole number up to " + Integer.MAX_VALUE + ")");
        }
    }

    /** A seed: a whole number from 0 below 2^53, as search reports them. */
    static long seed(String option, String text) throws BadInput {
        return range(option, text, 0, SEED_LIMIT - 1, "a whole number below 2^53");
    }

    /** The most worker threads accepted on this machine. */
    static int threadLimit() {
        return Math.max(MIN_THREAD_LIMIT, THREADS_PER_CORE * Runtime.getRuntime().availableProcessors());
    }

    /** {@code --threads}: one per processor when not given, else 1 up to {@link #threadLimit()}. */
    static int threads(String text) throws BadInput {
        if (text == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        return (int) range("--threads", text, 1, threadLimit(), "a positive whole number up to " + THREADS_PER_CORE
                + " per processor");
    }

    /** {@code --pct-depth}: 1 up to the step bound, since change points beyond the last step never fire. */
    static int pctDepth(String text, int maxSteps) throws BadInput {
        return (int) range("--pct-depth", text, 1, maxSteps, "a positive whole number up to --max-steps");
    }
}
