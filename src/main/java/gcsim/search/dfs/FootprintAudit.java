package gcsim.search.dfs;

import gcsim.check.Executor;
import gcsim.check.RunResult;
import gcsim.kernel.IntList;
import gcsim.kernel.Kernel;
import gcsim.kernel.Schedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Checks, on a concrete execution, the contract the reduction rests on: two adjacent steps of
 * different actors whose footprints are independent commute. Each such pair is swapped and the
 * execution replayed; if the swapped execution diverges (a step touches something else, data
 * choices differ, the end or the failure differs), some step read or wrote shared state without
 * reporting it, and the search may miss executions that differ only there.
 *
 * <p>Why a separate tool: DPOR can only be as sound as the footprints. A model step that branches on
 * a field nobody records (a shutdown flag, a mutex's holder) makes two steps look independent that
 * are not. The brute-force tests cannot reach the model's size; this audit can, one execution at a
 * time, and names the two steps. Pairs whose dependence the search derives from other evidence are
 * skipped: when one step makes the other actor unable to run (disabling, a process exit), or when
 * the second step is the last of an execution an oracle stopped. Resources created after the pair
 * are compared as one, since the kernel numbers resources in creation order.
 */
public final class FootprintAudit {
    /**
     * A pair of adjacent steps that footprints call independent but that do not commute.
     *
     * @param step the index of the first step of the pair in the audited execution
     * @param first the option that ran the first step (an actor id, or {@link Kernel#ADVANCE_CLOCK})
     * @param second the option that ran the second
     * @param firstName the first actor's name ("clock" for an advance)
     * @param secondName the second actor's name
     * @param what how the swapped execution differed
     */
    public record Finding(int step, int first, int second, String firstName, String secondName, String what) {
        @Override
        public String toString() {
            return "steps " + step + " (" + firstName + ") and " + (step + 1) + " (" + secondName + "): " + what;
        }
    }

    private FootprintAudit() {}

    /** Audits every adjacent independent pair of the execution {@code schedule} replays; at most {@code max} findings. */
    public static List<Finding> audit(Executor executor, Schedule schedule, int max) {
        AuditRecording original = AuditRecording.of(executor, new AuditDrivers.Replaying(schedule.choices()));
        List<Finding> findings = new ArrayList<>();
        int n = original.picks.size();
        int last = n - 1;
        for (int i = 0; i + 1 < n && findings.size() < max; i++) {
            int a = original.picks.get(i);
            int b = original.picks.get(i + 1);
            if (a == b || !original.options.get(i).contains(b)) {
                continue;
            }
            if (Accesses.dependent(original.footprints.get(i), original.footprints.get(i + 1))) {
                continue;
            }
            if (i + 1 == last && original.result.outcome().stopReason() != null) {
                continue;
            }
            List<String> picks = new ArrayList<>(original.names);
            picks.set(i, original.names.get(i + 1));
            picks.set(i + 1, original.names.get(i));
            List<IntList> values = new ArrayList<>(original.values);
            values.set(i, original.values.get(i + 1));
            values.set(i + 1, original.values.get(i));
            AuditRecording swapped;
            try {
                swapped = AuditRecording.of(executor, new AuditDrivers.Following(picks, values, i + 1));
            } catch (AuditDrivers.Skip skip) {
                continue; // the first step of the pair disables the second actor: dependence the search sees
            } catch (AuditDrivers.Diverged d) {
                findings.add(finding(original, i, "after the swap, " + d.getMessage()));
                continue;
            }
            if (swapped.picks.size() < i + 2) {
                continue; // the execution ended after the first step: it disabled the other actor for good
            }
            String diff = compare(original, swapped, i);
            if (diff != null) {
                findings.add(finding(original, i, diff));
            }
        }
        return findings;
    }

    private static Finding finding(AuditRecording r, int i, String what) {
        return new Finding(i, r.picks.get(i), r.picks.get(i + 1), r.names.get(i), r.names.get(i + 1), what);
    }

    /** How fresh resources show in findings: their numbers differ between executions, so they are compared as one. */
    private static final int FRESH = Integer.MAX_VALUE >>> 1;

    /** The footprint with every resource numbered {@code from} or above folded into {@link #FRESH}. */
    private static int[] project(int[] fp, int from) {
        int[] out = new int[fp.length];
        for (int k = 0; k < fp.length; k++) {
            out[k] = (fp[k] >>> 1) >= from ? FRESH << 1 | (fp[k] & 1) : fp[k];
        }
        return Accesses.normalize(out);
    }

    /** Null when the swapped execution is the original with the two steps exchanged. */
    private static String compare(AuditRecording o, AuditRecording s, int i) {
        if (s.picks.size() != o.picks.size()) {
            return "the execution took " + s.picks.size() + " steps instead of " + o.picks.size();
        }
        int fresh = o.marks.get(i);
        for (int k = 0; k < o.picks.size(); k++) {
            int from = k == i ? i + 1 : k == i + 1 ? i : k;
            int[] now = project(s.footprints.get(k), fresh);
            int[] before = project(o.footprints.get(from), fresh);
            if (!Arrays.equals(now, before)) {
                return "step " + k + " (" + s.names.get(k) + ") touched " + Arrays.toString(now)
                        + " instead of " + Arrays.toString(before) + " (resources from " + fresh + " on are fresh, shown as "
                        + FRESH + ")";
            }
        }
        RunResult x = o.result;
        RunResult y = s.result;
        if (x.outcome().end() != y.outcome().end()) {
            return "the execution ended " + y.outcome().end() + " instead of " + x.outcome().end();
        }
        if (!Objects.equals(x.failure() == null ? null : x.failure().message(),
                y.failure() == null ? null : y.failure().message())) {
            return "the failure was " + y.failure() + " instead of " + x.failure();
        }
        if (x.terminalState() != y.terminalState()) {
            return "the terminal state differs";
        }
        return null;
    }
}
