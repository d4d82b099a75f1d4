package gcsim.cli;

/**
 * Parses numeric options by hand rather than through picocli's converters, so that every bad value
 * gets the same one-line message naming the option and what it accepts.
 */
final class Numbers {
    private Numbers() {}

    static int positiveInt(String option, String text) throws BadInput {
        long v = positiveLong(option, text);
        if (v > Integer.MAX_VALUE) {
            throw new BadInput(option + ": '" + text + "' is too large (accepted: 1 to " + Integer.MAX_VALUE + ")");
        }
        return (int) v;
    }

    static long positiveLong(String option, String text) throws BadInput {
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new BadInput(option + ": '" + text + "' is not a whole number (accepted: a positive whole number)");
        }
        if (v < 1) {
            throw new BadInput(option + ": '" + text + "' is not positive (accepted: a positive whole number)");
        }
        return v;
    }

    /** 0 or a positive whole number up to {@link Integer#MAX_VALUE}; {@code accepted} says what 0 means. */
    static int nonNegativeInt(String option, String text, String zeroMeans) throws BadInput {
        if (text.strip().equals("0")) {
            return 0;
        }
        try {
            return positiveInt(option, text);
        } catch (BadInput e) {
            throw new BadInput(option + ": '" + text + "' is not a whole number from 0 up (accepted: 0 " + zeroMeans
                    + ", or a positive whole number up to " + Integer.MAX_VALUE + ")");
        }
    }

    /** A seed: any 64-bit value, written as a signed or unsigned decimal number. */
    static long seed(String option, String text) throws BadInput {
        String t = text.trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            try {
                return Long.parseUnsignedLong(t);
            } catch (NumberFormatException e2) {
                throw new BadInput(option + ": '" + text + "' is not a whole number (accepted: a 64-bit whole number)");
            }
        }
    }
}
