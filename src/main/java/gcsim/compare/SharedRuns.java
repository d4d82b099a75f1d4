package gcsim.compare;

import gcsim.check.Executor;
import gcsim.check.RunResult;
import gcsim.kernel.ReplayStrategy;
import gcsim.search.CellCheck;
import gcsim.search.Shrinker;
import gcsim.variant.SwitchUse;
import gcsim.variant.Switches;
import gcsim.variant.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checks a compare run has finished, by scenario, with the switches their executions read, so
 * that a cell whose variant agrees with a finished one on every one of those switches takes that
 * check's outcome instead of running the same executions again.
 *
 * <p>Why this is sound: the model reads a variant only through {@link SwitchUse}, and everything else
 * a check depends on (scenario, seeds, budgets, bounds) is the same for every variant of a scenario.
 * Two variants that agree on every switch the first check read therefore make the second check run
 * the very same executions, step for step, and end with the same outcome; by induction on the steps,
 * the first step at which they could differ would read a switch on which they disagree, and that
 * read would be in the record. So the report does not depend on which cell ran first or whether
 * sharing was on, which {@code SharedRunsTest} checks on the library's scenarios. A failure is
 * replayed under the cell's own variant before it is shrunk, and a replay that fails differently is
 * a bug of gcsim, reported as the cell's error.
 *
 * <p>Thread-safe: cells of one scenario run on several threads; a cell uses whatever finished check
 * matches when it starts, so sharing saves less when cells run at once, never more or wrongly.
 */
final class SharedRuns {
    /** A finished check: the variant's switches, the switches its executions read, its outcome. */
    record Run(String variant, Switches switches, int read, CellCheck.Outcome outcome) {}

    /** A check taken from another cell, with the failure (if any) replayed under this cell's variant. */
    record Taken(Run from, CellCheck.Outcome outcome) {}

    private final Map<String, List<Run>> byScenario = new TreeMap<>();

    /** A finished check of {@code scenario} whose read switches {@code v} agrees on, else null. */
    synchronized Run match(String scenario, Variant v) {
        for (Run r : byScenario.getOrDefault(scenario, List.of())) {
            if (SwitchUse.agree(r.switches(), v.switches(), r.read())) {
                return r;
            }
        }
        return null;
    }

    synchronized void add(String scenario, Run run) {
        byScenario.computeIfAbsent(scenario, k -> new ArrayList<>()).add(run);
    }

    /**
     * The shared outcome for a cell: the same phases and figures, its failure (if any) replayed under
     * the cell's own variant on an executor like the one that found it.
     *
     * @param seeded the cell's executor as the random walk and PCT run it
     * @param bounded the cell's executor as the exhaustive search runs it (with its starvation bound)
     */
    static Taken take(Run from, Executor seeded, Executor bounded) {
        CellCheck.Outcome o = from.outcome();
        CellCheck.Found f = o.found();
        if (f == null) {
            return new Taken(from, o);
        }
        Executor own = f.strategy().equals("random") || f.strategy().equals("pct") ? seeded : bounded;
        ReplayStrategy replay = new ReplayStrategy(f.result().schedule());
        RunResult again = own.run(replay, false);
        if (!replay.exhausted() || !Shrinker.sameFailure(again.failure(), f.result().failure())) {
            throw new IllegalStateException("a variant that agrees with " + from.variant() + " on every switch read ("
                    + String.join(", ", SwitchUse.names(from.read())) + ") did not fail the same way on its schedule"
                    + " (there: " + f.result().failure() + ", here: " + again.failure() + "); gcsim reads a switch"
                    + " it does not record");
        }
        CellCheck.Found mine = new CellCheck.Found(f.strategy(), f.schedule(), f.seed(), f.decisionEstimate(), again);
        return new Taken(from, new CellCheck.Outcome(o.random(), o.pct(), o.exhaustive(), o.exhaustiveCoverage(), mine));
    }
}
