package gcsim.search.dfs;

import gcsim.kernel.IntList;
import java.util.Arrays;

/**
 * Per resource, the last step of an execution that wrote it and the steps that read it since: the
 * tables the race analysis builds happens-before from, kept apart so that the stateful search's
 * race check against summaries ({@link SummaryRaces}) can read them as the analysis left them after
 * an execution's last step.
 */
final class Resources {
    /** Per resource, the last step that wrote it, or -1. */
    int[] lastWrite = new int[64];
    /** Per resource, the steps that read it since its last write (null: none yet). */
    IntList[] reads = new IntList[64];

    Resources() {
        Arrays.fill(lastWrite, -1);
    }

    void clear() {
        Arrays.fill(lastWrite, -1);
        for (IntList r : reads) {
            if (r != null) {
                r.clear();
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
        }
    }

    /** Updates the tables with step {@code j}'s accesses. */
    void record(int j, int[] acc) {
        for (int a : acc) {
            int r = a >>> 1;
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
}
