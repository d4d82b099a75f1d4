package gcsim.search.dfs;

import gcsim.kernel.ExecutionListener;
import gcsim.kernel.IntList;
import gcsim.kernel.Kernel;
import gcsim.kernel.Strategy;
import java.util.List;

/**
 * The strategies of {@link FootprintAudit}: one replays the audited schedule, one follows it with a
 * pair of steps swapped, and the two exceptions say why a swapped run stopped.
 */
final class AuditDrivers {
    private AuditDrivers() {}

    /** Thrown when the swapped order cannot be followed because the first step disabled the second actor. */
    static final class Skip extends RuntimeException {
        Skip() {
            super(null, null, false, false);
        }
    }

    /** Thrown when the swapped execution cannot follow the original past the swap. */
    static final class Diverged extends RuntimeException {
        Diverged(String what) {
            super(what, null, false, false);
        }
    }

    /** A strategy feeding a recording. */
    abstract static class Driver implements Strategy, ExecutionListener {
        AuditRecording recording;
        int step = -1;

        @Override
        public void beginExecution() {}

        @Override
        public void started(Kernel k) {
            recording.started(k);
        }

        @Override
        public void beforeStep(int s, int[] opts, int count, int picked) {
            step = s;
            recording.beforeStep(s, opts, count, picked);
        }

        @Override
        public final int nextValue(int bound) {
            int v = value(bound);
            recording.values.get(step).add(v);
            return v;
        }

        abstract int value(int bound);
    }

    /** Replays a schedule's choices. */
    static final class Replaying extends Driver {
        private final IntList choices;
        private int next;

        Replaying(IntList choices) {
            this.choices = choices;
        }

        @Override
        public int nextActor(int[] opts, int count, int current) {
            int raw = choices.get(next++);
            return raw == 0 ? Kernel.ADVANCE_CLOCK : raw - 1;
        }

        @Override
        int value(int bound) {
            return choices.get(next++);
        }
    }

    /**
     * Follows a sequence of picks and per-step values, failing where they cannot be followed. Picks
     * are actor names, not ids: the kernel numbers actors in creation order, so a swap that changes
     * which of two threads is created first renumbers them.
     */
    static final class Following extends Driver {
        private final List<String> picks;
        private final List<IntList> values;
        /** The second step of the swapped pair: where the first one's disabling the other shows. */
        private final int second;
        private int used;

        Following(List<String> picks, List<IntList> values, int second) {
            this.picks = picks;
            this.values = values;
            this.second = second;
        }

        @Override
        public int nextActor(int[] opts, int count, int current) {
            int at = recording.picks.size();
            if (at >= picks.size()) {
                throw new Diverged("the execution went on past step " + (picks.size() - 1));
            }
            String want = picks.get(at);
            for (int i = 0; i < count; i++) {
                if (want.equals(recording.name(opts[i]))) {
                    return opts[i];
                }
            }
            throw at == second ? new Skip() : new Diverged("step " + at + " could not run " + want);
        }

        @Override
        public void beforeStep(int s, int[] opts, int count, int picked) {
            if (s >= picks.size()) {
                throw new Diverged("the execution went on past step " + (picks.size() - 1));
            }
            if (!picks.get(s).equals(recording.name(picked))) {
                throw s == second ? new Skip() : new Diverged("step " + s + " was forced to run " + recording.name(picked));
            }
            used = 0;
            super.beforeStep(s, opts, count, picked);
        }

        @Override
        int value(int bound) {
            IntList vs = values.get(step);
            if (used >= vs.size()) {
                throw new Diverged("step " + step + " drew a data choice it did not draw before");
            }
            int v = vs.get(used++);
            if (v >= bound) {
                throw new Diverged("step " + step + " drew a choice below " + bound + ", not above " + v);
            }
            return v;
        }
    }
}
