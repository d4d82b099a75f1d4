package gcsim.search.dfs;

import gcsim.check.Executor;
import gcsim.check.RunResult;
import gcsim.kernel.ExecutionListener;
import gcsim.kernel.Footprints;
import gcsim.kernel.IntList;
import gcsim.kernel.Kernel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Everything the audit compares, per step. */
final class AuditRecording implements ExecutionListener {
    final IntList picks = new IntList(256);
    final List<IntList> options = new ArrayList<>(256);
    final List<IntList> values = new ArrayList<>(256);
    final List<int[]> footprints = new ArrayList<>(256);
    final List<String> names = new ArrayList<>(256);
    /** Per step, the kernel's resource counter before it (as the search reads it, taking one). */
    final IntList marks = new IntList(256);
    RunResult result;
    private Kernel kernel;

    static AuditRecording of(Executor executor, AuditDrivers.Driver driver) {
        AuditRecording r = new AuditRecording();
        driver.recording = r;
        r.result = executor.run(driver, false);
        r.finish();
        return r;
    }

    @Override
    public void started(Kernel k) {
        kernel = k;
    }

    @Override
    public void beforeStep(int step, int[] opts, int count, int picked) {
        finish();
        marks.add(kernel.newResource());
        picks.add(picked);
        options.add(IntList.of(Arrays.copyOf(opts, count)));
        values.add(new IntList(2));
        names.add(name(picked));
    }

    String name(int option) {
        return option == Kernel.ADVANCE_CLOCK ? "clock" : kernel.actors().get(option).name();
    }

    /** Records the footprints of the steps that have run. */
    void finish() {
        Footprints fp = kernel.footprints();
        while (footprints.size() < fp.steps()) {
            footprints.add(Accesses.normalize(fp.of(footprints.size())));
        }
    }
}
