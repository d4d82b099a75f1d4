package gcsim.kernel;

/**
 * The test-time cross-check of {@link Readiness} (system property {@code gcsim.auditReadiness}): asks
 * every guard afresh, as the kernel did before it kept the runnable set, and fails on a difference.
 * Kept apart from the index itself so that the index's file holds only what runs in a search.
 */
final class ReadinessAudit {
    private ReadinessAudit() {}

    /**
     * Whether each decision runs {@link #check}: on in the tests, so that a guard that watches a
     * resource without every change to what it reads being written is caught.
     */
    static final boolean ENABLED = Boolean.getBoolean("gcsim.auditReadiness");

    /**
     * Fails unless asking every guard of {@code actors} now gives the first {@code n} of {@code options},
     * {@code nextDeadline} and {@code latest}, as kept; the tests' check that every watched guard's
     * changes are written.
     */
    static void check(java.util.List<Actor> actors, int[] options, int n, long nextDeadline, long latest, int step) {
        int m = 0;
        long deadline = Guard.NEVER;
        long asked = Guard.NEVER;
        for (Actor a : actors) {
            if (a.done) {
                continue;
            }
            Guard g = a.guard;
            if (g == null || g.ready()) {
                if (m >= n || options[m] != a.id()) {
                    throw new IllegalStateException("readiness kept for step " + step + " misses " + a.name());
                }
                m++;
                asked = g == null ? asked : Math.min(asked, g.latest());
            } else {
                deadline = Math.min(deadline, g.deadline());
            }
        }
        if (m != n || deadline != nextDeadline || asked != latest) {
            throw new IllegalStateException("readiness kept for step " + step + " offers " + n + " actors (asked: " + m
                    + "), deadline " + nextDeadline + " (asked: " + deadline + ") and latest " + latest + " (asked: "
                    + asked + ")");
        }
    }
}
