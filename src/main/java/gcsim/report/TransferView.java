package gcsim.report;

import gcsim.check.Failure;
import gcsim.search.transfer.Divergence;
import gcsim.search.transfer.TransferOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * How a transferred counterexample is shown: the outcome line, and the two stories side by side,
 * both told about the original's failing path, so that a reviewer sees the same window under the
 * counterexample's variant and under the other one.
 */
public final class TransferView {
    private static final String GAP = "  | ";

    private TransferView() {}

    /** {@code closed at step 14: …}, {@code same failure at step 30: …}, {@code not transferable: …}. */
    public static String outcomeLine(TransferOutcome o) {
        if (o.kind() == TransferOutcome.Kind.NOT_TRANSFERABLE && o.step() == 0) {
            return o.kind().label() + ": " + o.reason();
        }
        return o.kind().label() + " at step " + o.step() + ": " + o.reason();
    }

    /** The original's story, told about its failing path. */
    public static List<String> originalStory(TransferOutcome o) {
        return o.original() == null ? List.of() : Story.lines(o.original());
    }

    /** The transferred run's story, told about the original's failing path. */
    public static List<String> transferredStory(TransferOutcome o) {
        if (o.transferred() == null) {
            return List.of();
        }
        Failure f = o.original() == null ? null : o.original().failure();
        return Story.linesAbout(o.transferred(), f == null ? null : f.path());
    }

    /** The transferred run's story rows with the state after each step; empty when there is no such run. */
    public static List<StateView.Row> transferredRows(TransferOutcome o) {
        if (o.transferred() == null) {
            return List.of();
        }
        Failure f = o.original() == null ? null : o.original().failure();
        String path = f == null ? null : f.path();
        return StateView.rows(o.transferred(), Story.linesAbout(o.transferred(), path),
                Story.stepsAbout(o.transferred(), path));
    }

    /** Two columns, the left padded to its widest line, with a heading each. */
    public static List<String> sideBySide(String leftTitle, List<String> left, String rightTitle, List<String> right) {
        int width = leftTitle.length();
        for (String l : left) {
            width = Math.max(width, l.length());
        }
        List<String> out = new ArrayList<>();
        out.add(pad(leftTitle, width) + GAP + rightTitle);
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String l = i < left.size() ? left.get(i) : "";
            String r = i < right.size() ? right.get(i) : "";
            out.add((pad(l, width) + GAP + r).stripTrailing());
        }
        return out;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    /** The outcome as JSON: {@code {kind, step, reason, divergences}}. */
    public static Json json(TransferOutcome o) {
        List<Json> ds = new ArrayList<>();
        for (Divergence d : o.divergences()) {
            if (d.kind() != Divergence.Kind.VALUE) {
                ds.add(Json.object().put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT)).put("step", d.step())
                        .put("actor", d.actor()).put("recordedStep", d.recordedStep() == 0 ? null : d.recordedStep()));
            }
        }
        return Json.object().put("kind", o.kind().key()).put("step", o.step()).put("reason", o.reason())
                .put("divergences", ds);
    }
}
