package gcsim.search.transfer;

import gcsim.check.RunResult;
import java.util.List;

/**
 * What a counterexample does under another variant.
 *
 * @param kind the outcome
 * @param step the step of the transferred run at which it was decided (the failure's step, or the
 *     step where the run first departed from the original in a way that closed the window); 0 when
 *     not transferable
 * @param reason one sentence: the failure, or where and why the window closed, or why the schedule
 *     could not be carried over
 * @param original the counterexample replayed under its own variant, traced; null when it could not be
 * @param transferred the guided run under the other variant, traced; null when not transferable
 * @param divergences where the guided run left the original, in order
 */
public record TransferOutcome(Kind kind, int step, String reason, RunResult original, RunResult transferred,
                              List<Divergence> divergences) {
    public enum Kind {
        SAME_FAILURE("same failure"),
        DIFFERENT_FAILURE("different failure"),
        CLOSED("closed"),
        NOT_TRANSFERABLE("not transferable");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How the report and the CLI name it. */
        public String label() {
            return label;
        }

        /** The JSON key: {@code same-failure}, … */
        public String key() {
            return label.replace(' ', '-');
        }
    }

    /** True when the transferred run still fails (same or different failure). */
    public boolean stillFails() {
        return kind == Kind.SAME_FAILURE || kind == Kind.DIFFERENT_FAILURE;
    }

    static TransferOutcome notTransferable(String why, RunResult original) {
        return new TransferOutcome(Kind.NOT_TRANSFERABLE, 0, why, original, null, List.of());
    }
}
