package gcsim.search.dfs;

import gcsim.check.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Collects what a search's executions reached, for comparison with brute force. */
class Outcomes implements Consumer<RunResult> {
    final SortedSet<Long> terminalStates = new TreeSet<>();
    final SortedSet<String> failures = new TreeSet<>();
    final List<String> schedules = new ArrayList<>();

    @Override
    public void accept(RunResult r) {
        schedules.add(r.schedule().encode());
        if (!r.cut()) {
            terminalStates.add(r.terminalState());
        }
        if (r.failed()) {
            failures.add(r.failure().kind() + ": " + r.failure().message());
        }
    }

    /** Every option, no early stop: what brute force is compared with. */
    static DfsOptions everything() {
        return new DfsOptions(5_000_000, null, false);
    }
}
