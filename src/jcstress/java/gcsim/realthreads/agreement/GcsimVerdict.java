package gcsim.realthreads.agreement;

import gcsim.check.Runner;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioLoader;
import gcsim.search.CellCheck;
import gcsim.search.DfsExhaustive;
import gcsim.search.ExhaustiveResult;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * gcsim's verdict on one scenario under one variant, computed here by the simulator's own cell
 * check (the engine behind {@code gcsim compare}): a random walk and PCT, then, when neither
 * fails, the exhaustive search, whose completion makes the cell "verified".
 *
 * @param kind {@code fail}, {@code verified}, {@code pass} (no failure, not proven) or {@code absent}
 * @param text what the table prints
 */
record GcsimVerdict(String kind, String text) {
    static final int MAX_STEPS = 100_000;
    /** The exhaustive search's starvation bound, as {@code gcsim search --strategy dfs} defaults it. */
    static final int STARVATION_BOUND = 3;
    static final long DFS_EXECUTIONS = 200_000;

    boolean fails() {
        return kind.equals("fail");
    }

    boolean known() {
        return !kind.equals("absent");
    }

    /**
     * @param schedules the random walk's budget, and PCT's
     */
    static GcsimVerdict of(Path home, String scenarioName, String variantId, long schedules) throws Exception {
        Path file = home.resolve("scenarios").resolve(scenarioName + ".yaml");
        if (!Files.isRegularFile(file)) {
            return new GcsimVerdict("absent", "scenario not in this build");
        }
        List<Variant> variants = VariantLoader.load(home.resolve("scenarios").resolve("variants.yaml"));
        Variant variant = variants.stream().filter(v -> v.id().equals(variantId)).findFirst().orElse(null);
        if (variant == null) {
            return new GcsimVerdict("absent", "variant not in this build");
        }
        Scenario scenario = ScenarioLoader.load(file);
        CellCheck.Budget budget = new CellCheck.Budget(schedules, 3, DFS_EXECUTIONS, 1,
                Runtime.getRuntime().availableProcessors());
        CellCheck.Outcome o = CellCheck.run(() -> new Runner(scenario, variant, MAX_STEPS),
                () -> new Runner(scenario, variant, MAX_STEPS, STARVATION_BOUND), budget, new DfsExhaustive(null),
                CellCheck.Listener.NONE);
        if (o.found() != null) {
            CellCheck.Found f = o.found();
            return new GcsimVerdict("fail", "fails: " + f.result().failure().kind() + " (schedule " + f.schedule()
                    + ", " + f.strategy() + ")");
        }
        long runs = o.random().schedules() + o.pct().schedules();
        ExhaustiveResult dfs = o.exhaustive();
        if (dfs != null && dfs.verdict() == ExhaustiveResult.Verdict.VERIFIED) {
            return new GcsimVerdict("verified", "verified (" + dfs.executions() + " executions)");
        }
        return new GcsimVerdict("pass", "no failure in " + (runs + (dfs == null ? 0 : dfs.executions())) + " schedules");
    }
}
