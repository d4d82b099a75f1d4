package gcsim.search.dfs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gcsim.check.Runner;
import gcsim.scenario.Scenario;
import gcsim.variant.Variant;
import org.junit.jupiter.api.Test;

/**
 * Figures for the record, not assertions: the exhaustive search on the hosts.drv scenario under
 * each of the six variants, on the busier scenario, and an audit of the model's footprints. Long
 * (the busy part takes many minutes), so off by default: run it with {@code mvn -o test
 * -Dtest=DfsBenchmark -Dgcsim.dfs.bench=true}, or hosts.drv alone through {@link #main}. Wall time is
 * measured here, by the caller, never inside the search.
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
        busy(Long.getLong("gcsim.dfs.bench.max", 1_000_000L));
    }

    @Test
    void theNixModelsFootprintsUnderAudit() {
        assumeTrue(Boolean.getBoolean("gcsim.dfs.bench"), "set -Dgcsim.dfs.bench=true to run");
        audit(NixScenarios.hostsDrv(), 100);
        audit(NixScenarios.tempRootVersusCollector(1), 100);
        audit(NixScenarios.busy(), 30);
    }

    /**
     * Executions per CPU-second of the search that resumes from copies and analyses only what changed,
     * against the whole replay, on library cells the compare's exhaustive phase spends its time on;
     * each measured three times in one JVM after a warm-up, the same executions either way.
     */
    @Test
    void incrementalAgainstWholeReplayOnLibraryCells() throws Exception {
        assumeTrue(Boolean.getBoolean("gcsim.dfs.bench"), "set -Dgcsim.dfs.bench=true to run");
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String[] cell : new String[][] {{"gc", "early-return"}, {"auto-gc-own-build", "early-return"},
                {"gc-non-blocking", "nix-master"}}) {
            Scenario s = gcsim.scenario.ScenarioLoader.load(java.nio.file.Path.of("scenarios/" + cell[0] + ".yaml"));
            Variant v = gcsim.variant.VariantLoader.load(java.nio.file.Path.of("scenarios/variants.yaml")).stream()
                    .filter(x -> x.id().equals(cell[1])).findFirst().orElseThrow();
            DfsOptions options = new DfsOptions(20_000, null, true);
            for (int round = 0; round < 4; round++) {
                StringBuilder line = new StringBuilder(cell[0] + " under " + cell[1] + (round == 0 ? " (warm-up)" : ""));
                for (boolean incremental : new boolean[] {false, true}) {
                    DfsSession session = new DfsSession(new Runner(s, v, MAX_STEPS, 3), options, incremental);
                    long before = cpu.getCurrentThreadCpuTime();
                    session.run(options.maxExecutions(), r -> { });
                    double seconds = (cpu.getCurrentThreadCpuTime() - before) / 1e9;
                    line.append(String.format("  %s %.0f executions per CPU-second (%s)", incremental ? "incremental"
                            : "whole replay", session.executions() / seconds, session.result().summary()));
                }
                System.out.println(line);
            }
        }
    }

    /** Audits random executions and prints each distinct pair of actors found not to commute once. */
    static void audit(Scenario s, int executions) {
        Runner runner = new Runner(s, NixScenarios.variants().get(0), MAX_STEPS);
        java.util.TreeMap<String, String> kinds = new java.util.TreeMap<>();
        for (long seed = 0; seed < executions; seed++) {
            gcsim.kernel.Schedule schedule = runner.run(new Walk(seed), false).schedule();
            for (FootprintAudit.Finding f : FootprintAudit.audit(runner, schedule, 20)) {
                kinds.putIfAbsent(f.firstName() + " / " + f.secondName(), f + " in " + schedule.encode());
            }
        }
        System.out.println("footprint audit of " + s.name() + ": " + executions + " random executions, "
                + kinds.size() + " pairs of actors whose independent steps do not commute");
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

    /**
     * The busier scenario is beyond the unbounded search's reach in a minute; where it stops
     * INCOMPLETE, the exact preemption-bounded searches (every schedule within the bound) follow.
     */
    static void busy(long max) {
        System.out.println("busy, step bound " + MAX_STEPS + ", at most " + max + " executions");
        for (Variant v : NixScenarios.variants()) {
            DfsResult r = run(NixScenarios.busy(), v, DfsOptions.defaults().withMaxExecutions(max), "default");
            for (int bound = 0; r.verdict() == Verdict.INCOMPLETE && bound <= 1; bound++) {
                r = run(NixScenarios.busy(), v, new DfsOptions(max, bound, true), "exact, bound " + bound);
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
