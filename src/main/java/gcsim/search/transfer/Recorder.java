package gcsim.search.transfer;

import gcsim.kernel.ExecutionListener;
import gcsim.kernel.IntList;
import gcsim.kernel.Kernel;
import gcsim.kernel.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Wraps the strategy of a run and writes down what each step meant ({@link Recording}), without
 * changing any choice: used to read a counterexample by meaning before transferring it.
 */
final class Recorder implements Strategy, ExecutionListener {
    private final Strategy inner;
    private final List<Recording.Point> steps = new ArrayList<>();
    private final TreeMap<String, IntList> values = new TreeMap<>();
    private Kernel kernel;

    Recorder(Strategy inner) {
        this.inner = inner;
    }

    @Override
    public void started(Kernel k) {
        kernel = k;
        if (inner instanceof ExecutionListener l) {
            l.started(k);
        }
    }

    @Override
    public void beforeStep(int step, int[] options, int count, int picked) {
        steps.add(FollowByMeaning.pointOf(kernel, picked));
        if (inner instanceof ExecutionListener l) {
            l.beforeStep(step, options, count, picked);
        }
    }

    @Override
    public void beginExecution() {
        steps.clear();
        values.clear();
        inner.beginExecution();
    }

    @Override
    public int nextActor(int[] options, int count, int current) {
        return inner.nextActor(options, count, current);
    }

    @Override
    public int nextValue(int bound) {
        int v = inner.nextValue(bound);
        values.computeIfAbsent(kernel.current() == null ? "-" : kernel.current().name(), n -> new IntList(4)).add(v);
        return v;
    }

    Recording recording() {
        return new Recording(List.copyOf(steps), values);
    }
}
