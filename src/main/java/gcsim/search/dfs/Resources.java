package gcsim.search.dfs;

import gcsim.kernel.IntList;
import java.util.Arrays;

/**
 * Per resource, the last step of an execution that wrote it and the steps that read it since: the
 * tables the race analysis builds happens-before from, kept apart so that the stateful search's
 * race check against summaries ({@link SummaryRaces}) can read them as the analysis left them after
 * an execution's last step.
 *
 * <p>Each resource also keeps its whole history of accesses in step order. Why: the analysis of an
 * execution goes on from where it left the previous one's path ({@link RaceAnalysis}), so the tables
 * must be wound back to that step ({@link #rewind}), and the check of a waiting actor's next step
 * asks what the tables held when its wait began, possibly before that step ({@link #lastWriteBefore}).
 */
final class Resources {
    /** Per resource, the last step that wrote it, or -1. */
    int[] lastWrite = new int[64];
    /** Per resource, the steps that read it since its last write (null: none yet). */
    IntList[] reads = new IntList[64];
    /** Per resource, its accesses in step order, each {@code step << 1 | write} (null: none yet). */
    private IntList[] history = new IntList[64];
    /** Per step recorded, its accesses, so that winding back knows which histories to shorten. */
    private int[][] recorded = new int[256][];

    Resources() {
        Arrays.fill(lastWrite, -1);
    }

    void clear() {
        Arrays.fill(lastWrite, -1);
        for (int r = 0; r < reads.length; r++) {
            if (reads[r] != null) {
                reads[r].clear();
            }
            if (history[r] != null) {
                history[r].clear();
            }
        }
    }

    void ensure(int r) {
        if (r >= lastWrite.length) {
            int size = Math.max(r + 1, lastWrite.length * 2);
            int old = lastWrite.length;
            lastWrite = Arrays.copyOf(lastWrite, size);
            Arrays.fill(lastWrite, old, size, -1);
            reads = Arrays.copyOf(reads, size);
            history = Arrays.copyOf(history, size);
        }
    }

    /** Updates the tables with step {@code j}'s accesses. */
    void record(int j, int[] acc) {
        if (j >= recorded.length) {
            recorded = Arrays.copyOf(recorded, Math.max(j + 1, recorded.length * 2));
        }
        recorded[j] = acc;
        for (int a : acc) {
            int r = a >>> 1;
            if (history[r] == null) {
                history[r] = new IntList(8);
            }
            history[r].add(j << 1 | (a & 1));
            if ((a & 1) != 0) {
                lastWrite[r] = j;
                if (reads[r] != null) {
                    reads[r].clear();
                }
            } else {
                if (reads[r] == null) {
                    reads[r] = new IntList(8);
                }
                reads[r].add(j);
            }
        }
    }

    /** Forgets steps {@code from} to {@code to - 1} (the last recorded): the tables are as after step {@code from - 1}. */
    void rewind(int from, int to) {
        for (int j = to - 1; j >= from; j--) {
            for (int a : recorded[j]) {
                int r = a >>> 1;
                IntList h = history[r];
                int keep = before(r, from);
                if (keep == h.size()) {
                    continue; // another access of a later step already wound it back
                }
                h.truncate(keep);
                int w = lastWriteAt(h, keep);
                lastWrite[r] = w < 0 ? -1 : h.get(w) >>> 1;
                if (reads[r] != null) {
                    reads[r].clear();
                    for (int i = w + 1; i < keep; i++) {
                        reads[r].add(h.get(i) >>> 1);
                    }
                }
            }
        }
    }

    /** How many accesses of resource {@code r} came before step {@code j}. */
    int before(int r, int j) {
        IntList h = r < history.length ? history[r] : null;
        if (h == null) {
            return 0;
        }
        int lo = 0, hi = h.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (h.get(mid) >>> 1 < j) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The step that last wrote {@code r} before step {@code j}, or -1. */
    int lastWriteBefore(int r, int j) {
        int end = before(r, j);
        int w = end == 0 ? -1 : lastWriteAt(history[r], end);
        return w < 0 ? -1 : history[r].get(w) >>> 1;
    }

    /** The steps that read {@code r} after its last write before step {@code j}, and before {@code j}, in order. */
    void readsBefore(int r, int j, IntList into) {
        int end = before(r, j);
        for (int i = end == 0 ? 0 : lastWriteAt(history[r], end) + 1; i < end; i++) {
            into.add(history[r].get(i) >>> 1);
        }
    }

    /** The number of resources the tables have room for: every resource recorded is below it. */
    int size() {
        return lastWrite.length;
    }

    /** The index of the last write among the first {@code end} entries of {@code h}, or -1. */
    private static int lastWriteAt(IntList h, int end) {
        int i = end - 1;
        while (i >= 0 && (h.get(i) & 1) == 0) {
            i--;
        }
        return i;
    }
}
