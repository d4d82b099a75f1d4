package gcsim.search.stateful;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gcsim.check.Runner;
import gcsim.scenario.ScenarioLoader;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Figures for the record, not assertions: the stateful search on library cells, from snapshots and
 * by replaying the prefix, with states and transitions per second. Off by default: run it with
 * {@code mvn -o test -Dtest=StatefulBenchmark -Dgcsim.stateful.bench=scenario:variant,...}. Wall time
 * is measured here, by the caller, never inside the search.
 */
class StatefulBenchmark {
    @Test
    void libraryCells() throws Exception {
        String cells = System.getProperty("gcsim.stateful.bench");
        assumeTrue(cells != null, "set -Dgcsim.stateful.bench=scenario:variant,... to run");
        List<Variant> variants = VariantLoader.load(Path.of("scenarios/variants.yaml"));
        for (String cell : cells.split(",")) {
            String[] sv = cell.split(":");
            Variant v = variants.stream().filter(x -> x.id().equals(sv[1])).findFirst().orElseThrow();
            Runner runner = new Runner(ScenarioLoader.load(Path.of("scenarios/" + sv[0] + ".yaml")), v, 100_000, 3);
            for (StatefulOptions.Restore restore : StatefulOptions.Restore.values()) {
                long start = System.nanoTime();
                StatefulResult r = new StatefulSearch().explore(runner,
                        StatefulOptions.defaults().withRestore(restore).withMaxStates(Long.getLong("gcsim.stateful.max", 300_000)));
                double s = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%s %s %s: %s; %.2f s, %.0f transitions/s, %.0f steps/s%n", sv[0], sv[1],
                        restore, r.summary(), s, r.transitions() / s, r.steps() / s);
            }
        }
    }
}
