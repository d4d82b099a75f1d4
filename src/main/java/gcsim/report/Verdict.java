package gcsim.report;

/**
 * What {@code gcsim compare} concluded about one scenario under one variant. Sealed so that every
 * renderer handles every kind; the kinds are the words of the report's JSON.
 */
public sealed interface Verdict permits Verdict.Fail, Verdict.Verified, Verdict.Pass, Verdict.Error {

    /** {@code fail}, {@code verified}, {@code pass} or {@code error}. */
    String kind();

    /** The matrix cell's text, e.g. {@code ✗ fails (schedule 1, random)}. */
    String label();

    /**
     * A failure was found.
     *
     * @param schedule its 1-based number within the run of the strategy that found it (1 when carried)
     * @param strategy {@code random}, {@code pct} or {@code dfs}; {@code carried} when carried
     * @param carriedFrom null when this cell's own search found it; else the variant of the same
     *     scenario whose counterexample, carried over by meaning, fails the same way here although this
     *     cell's own search found nothing: the window is there, the search missed it
     */
    record Fail(long schedule, String strategy, String carriedFrom) implements Verdict {
        /** What {@link #strategy()} says for a carried failure. */
        public static final String CARRIED = "carried";

        public Fail(long schedule, String strategy) {
            this(schedule, strategy, null);
        }

        /** A failure carried from {@code variant}. */
        public static Fail carried(String variant) {
            return new Fail(1, CARRIED, variant);
        }

        public boolean carried() {
            return carriedFrom != null;
        }

        @Override
        public String kind() {
            return "fail";
        }

        @Override
        public String label() {
            return carried() ? "✗ fails (carried from " + carriedFrom + ")" : "✗ fails (schedule " + schedule + ", " + strategy + ")";
        }
    }

    /** The exhaustive search covered every schedule within its bounds and none failed. */
    record Verified(long executions) implements Verdict {
        @Override
        public String kind() {
            return "verified";
        }

        @Override
        public String label() {
            return "✓ verified (" + executions + " executions)";
        }
    }

    /** No failure in {@code schedules} seeded schedules, and no proof either. */
    record Pass(long schedules) implements Verdict {
        @Override
        public String kind() {
            return "pass";
        }

        @Override
        public String label() {
            return "○ no failure in " + schedules + " schedules";
        }
    }

    /** gcsim itself failed on this cell (an execution threw): a bug to fix, not a verdict about Nix. */
    record Error(String message) implements Verdict {
        @Override
        public String kind() {
            return "error";
        }

        @Override
        public String label() {
            return "⚠ error";
        }
    }
}
