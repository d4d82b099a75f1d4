package gcsim.bench;

import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioException;
import gcsim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;

/**
 * Scenarios with 2, 4 or 8 evaluations, generated here so that the cost of a step can be compared as
 * actors are added while everything else stays the same. Each evaluation writes the shared
 * {@code hosts.drv} and then its own derivation through its own daemon worker, so every one has the
 * same work; free space is far above min-free, so no collection runs and the executions differ only
 * in how many actors the scheduler has to consider. Kept out of {@code scenarios/}, where the
 * comparison would pick them up.
 */
final class Evaluators {
    private Evaluators() {}

    /** The scenario {@code evaluators-N}, loaded through the same loader and checks as a scenario file. */
    static Scenario scenario(int n) throws ScenarioException {
        String name = "evaluators-" + n;
        return ScenarioLoader.load(name + ".yaml", yaml(n).getBytes(StandardCharsets.UTF_8));
    }

    static String yaml(int n) {
        StringBuilder y = new StringBuilder();
        y.append("description: ").append(n).append(" evaluations writing the shared hosts.drv and one derivation each;")
                .append(" no collection (benchmark)\n");
        y.append("settings: {min-free: 1G, max-free: 2G, free-space: 10G}\n");
        y.append("store:\n  paths:\n    - {name: nixpkgs, kind: source, size: 100M, present: true}\n");
        y.append("  derivations:\n");
        y.append("    - {name: hosts.drv, input-srcs: [nixpkgs], outputs: [{name: hosts, size: 10K}]}\n");
        for (int i = 1; i <= n; i++) {
            y.append("    - {name: eval-").append(i).append(".drv, input-drvs: [hosts.drv], input-srcs: [nixpkgs],")
                    .append(" outputs: [{name: eval-").append(i).append(", size: 10K}]}\n");
        }
        y.append("roots:\n  - gcroot: {link: nixpkgs, path: nixpkgs}\n");
        y.append("processes:\n");
        for (int i = 1; i <= n; i++) {
            y.append("  - name: eval-").append(i).append("\n    start: 0s\n")
                    .append("    ops: [{write-derivation: hosts.drv}, {write-derivation: eval-").append(i)
                    .append(".drv}, exit]\n");
        }
        return y.toString();
    }
}
