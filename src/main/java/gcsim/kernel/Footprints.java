package gcsim.kernel;

/**
 * What each executed step read and wrote, for dependence analysis (partial-order reduction).
 *
 * <p>Shared-state objects of the model report their accesses to the kernel as they happen, so the
 * footprint of a step is exactly what it touched. Resources are small ints handed out by {@link
 * Kernel#newResource()}; an access is stored as {@code resource << 1 | write}.
 */
public final class Footprints {
    private final IntList actorOfStep = new IntList(256);
    private final IntList start = new IntList(256);
    private final IntList accesses = new IntList(1024);

    void beginStep(int actor) {
        actorOfStep.add(actor);
        start.add(accesses.size());
    }

    void record(int resource, boolean write) {
        if (start.isEmpty()) {
            return;
        }
        accesses.add(resource << 1 | (write ? 1 : 0));
    }

    public int steps() {
        return start.size();
    }

    public int actor(int step) {
        return actorOfStep.get(step);
    }

    /** True when steps {@code a} and {@code b} touch a common resource and at least one writes it. */
    public boolean dependent(int a, int b) {
        int aFrom = start.get(a), aTo = end(a), bFrom = start.get(b), bTo = end(b);
        for (int i = aFrom; i < aTo; i++) {
            int x = accesses.get(i);
            for (int j = bFrom; j < bTo; j++) {
                int y = accesses.get(j);
                if ((x >>> 1) == (y >>> 1) && ((x | y) & 1) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The accesses of one step, each {@code resource << 1 | write}. */
    public int[] of(int step) {
        int from = start.get(step), to = end(step);
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = accesses.get(i);
        }
        return out;
    }

    private int end(int step) {
        return step + 1 < start.size() ? start.get(step + 1) : accesses.size();
    }
}
