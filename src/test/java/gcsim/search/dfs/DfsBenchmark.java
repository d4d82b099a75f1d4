package gcsim.search.dfs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gcsim.check.Runner;
import gcsim.scenario.Scenario;
import gcsim.variant.Variant;
import org.junit.jupiter.api.Test;

/**
 * Figures for the record, not assertions: the exhaustive search on the hosts.drv scenario under
 * each of the six variants, and on the busier scenario. Long, so off by default: run it with
 * {@code mvn -o test -Dtest=DfsBenchmark -Dgcsim.dfs.bench=true}, or through {@link #main}. Wall time
 * is measured here, by the caller, never inside the search.
 */
class DfsBenchmark {
    /** The model tests' step bound; hosts.drv executions take some 100 to 150 steps. */
    static final int MAX_STEPS = 100_000;

    @Test
    void hostsDrvUnderEachVariant() {
        assumeTrue(Boolean.getBoolean("gcsim.dfs.bench"), "set -Dgcsim.dfs.bench=true to run");
        hostsDrv();
    }

    @Test
    void theBusyScenarioUnderEachVariant() {
        assumeTrue(Boolean.getBoolean("gcsim.dfs.bench"), "set -Dgcsim.dfs.bench=true to run");
        busy(Long.getLong("gcsim.dfs.bench.max", 2_000_000L));
    }

    @Test
    void theNixModelsFootprintsUnderAudit() {
        assumeTrue(Boolean.getBoolean("gcsim.dfs.bench"), "set -Dgcsim.dfs.bench=true to run");
        audit(NixScenarios.hostsDrv(), 50);
        audit(NixScenarios.tempRootVersusCollector(1), 50);
    }

    /** Audits the executions the search runs first and prints each distinct kind of finding once. */
    static void audit(Scenario s, int executions) {
        Runner runner = new Runner(s, NixScenarios.variants().get(0), MAX_STEPS);
        java.util.TreeMap<String, String> kinds = new java.util.TreeMap<>();
        java.util.List<gcsim.check.RunResult> runs = new java.util.ArrayList<>();
        new Dfs().explore(runner, new DfsOptions(executions, null, false), runs::add);
        for (gcsim.check.RunResult r : runs) {
            for (FootprintAudit.Finding f : FootprintAudit.audit(runner, r.schedule(), 20)) {
                kinds.putIfAbsent(f.firstName() + " / " + f.secondName(), f + " in " + r.schedule().encode());
            }
        }
        System.out.println("footprint audit of " + s.name() + ": " + runs.size() + " executions, "
                + kinds.size() + " kinds of finding");
        kinds.values().forEach(k -> System.out.println("  " + k));
    }

    public static void main(String[] args) {
        hostsDrv();
        if (args.length > 0) {
            busy(Long.parseLong(args[0]));
        }
    }

    static void hostsDrv() {
        System.out.println("hosts-drv, step bound " + MAX_STEPS);
        for (Variant v : NixScenarios.variants()) {
            run(NixScenarios.hostsDrv(), v, DfsOptions.defaults(), "default");
            if (v.id().equals("early-return")) {
                run(NixScenarios.hostsDrv(), v, DfsOptions.defaults().withStopAtFirstFailure(false), "every failure");
            }
        }
    }

    static void busy(long max) {
        System.out.println("busy, step bound " + MAX_STEPS + ", at most " + max + " executions");
        for (Variant v : NixScenarios.variants()) {
            DfsResult r = run(NixScenarios.busy(), v, DfsOptions.defaults().withMaxExecutions(max), "default");
            for (int bound = 0; r.verdict() == Verdict.INCOMPLETE && bound <= 3; bound++) {
                run(NixScenarios.busy(), v, new DfsOptions(max, bound, true, true), "reduced, bound " + bound);
            }
        }
    }

    private static DfsResult run(Scenario s, Variant v, DfsOptions options, String label) {
        Runner runner = new Runner(s, v, MAX_STEPS);
        long start = System.nanoTime();
        DfsResult r = new Dfs().explore(runner, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %-16s %-16s %-10s executions %8d  pruned %9d  cut %5d  terminal states %3d  blocked %6d  %6.1f s%s%n",
                v.id(), label, r.verdict(), r.executions(), r.pruned(), r.cut(), r.terminalStates(), r.blocked(), seconds,
                r.failure() == null ? "" : "  first failure at execution " + r.failureIndex() + ": " + r.failure().failure().kind());
        return r;
    }
}
