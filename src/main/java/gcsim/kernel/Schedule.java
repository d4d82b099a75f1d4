package gcsim.kernel;

/**
 * The choices of one execution, in order: every pick among two or more options, nothing else.
 *
 * <p>An actor pick is stored as the actor id plus one, a clock advance as 0, a data choice as its
 * value. Replaying the list through {@link ReplayStrategy} reproduces the execution exactly. The
 * compact form ({@link #encode()}) is a short shell-safe string, so a replay command fits on one line.
 */
public final class Schedule {
    /** Prefix of the compact form; a new encoding gets a new prefix. */
    public static final String PREFIX = "g1.";
    private static final String LAST = "abcdefghijklmnopqrstuvwxyz012345";
    private static final String MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ6789-_";

    private final IntList choices;

    public Schedule() {
        this(new IntList(64));
    }

    public Schedule(IntList choices) {
        this.choices = choices;
    }

    public IntList choices() {
        return choices;
    }

    public int size() {
        return choices.size();
    }

    /** Each value as base-32 digits, most significant first; every digit but the last uses MORE. */
    public String encode() {
        StringBuilder sb = new StringBuilder(PREFIX.length() + choices.size() + 8);
        sb.append(PREFIX);
        char[] buf = new char[7];
        for (int i = 0; i < choices.size(); i++) {
            int v = choices.get(i);
            int n = 0;
            buf[n++] = LAST.charAt(v & 31);
            v >>>= 5;
            while (v != 0) {
                buf[n++] = MORE.charAt(v & 31);
                v >>>= 5;
            }
            while (n > 0) {
                sb.append(buf[--n]);
            }
        }
        return sb.toString();
    }

    /** Parses {@link #encode()}'s output; throws IllegalArgumentException saying what is wrong. */
    public static Schedule decode(String text) {
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a choices string starts with '" + PREFIX + "'");
        }
        IntList out = new IntList(text.length());
        long v = 0;
        boolean open = false;
        for (int i = PREFIX.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            int last = LAST.indexOf(c);
            if (last >= 0) {
                v = (v << 5) | last;
                if (v > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("choice too large at character " + (i + 1));
                }
                out.add((int) v);
                v = 0;
                open = false;
                continue;
            }
            int more = MORE.indexOf(c);
            if (more < 0) {
                throw new IllegalArgumentException("unexpected character '" + c + "' at position " + (i + 1)
                        + " (accepted: a-z, 0-9, A-Z, '-', '_')");
            }
            v = (v << 5) | more;
            if (v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("choice too large at character " + (i + 1));
            }
            open = true;
        }
        if (open) {
            throw new IllegalArgumentException("choices string ends in the middle of a value");
        }
        return new Schedule(out);
    }

    @Override
    public String toString() {
        return encode();
    }
}
