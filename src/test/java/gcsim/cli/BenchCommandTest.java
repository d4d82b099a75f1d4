package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gcsim bench} on the project's own scenarios, with budgets small enough for a unit test. */
class BenchCommandTest {
    private static final Project PROJECT = Project.standard(Path.of("").toAbsolutePath());

    @Test
    void benchPrintsEveryFigureItMeasuredWithItsTargetAndSaysTheWarmUpIsExcluded() {
        Cli c = Cli.run(PROJECT, "bench", "--runs", "1", "--cpu-ms", "20", "--warmup-ms", "0", "--seeds", "2",
                "--cold-seeds", "0", "--threads", "2");
        assertThat(c.code()).as(c.err()).isZero();
        List<String> lines = c.outLines();
        assertThat(lines.get(2)).startsWith("warm-up excluded:");
        assertThat(c.out())
                .contains("hosts-drv, drv-only, random, 1 thread ")
                .contains("[target ≥ 150,000: ")
                .contains("hosts-drv, drv-only, random, 1 thread, bytes allocated per step")
                .contains("heavy-load, drv-only, random, 1 thread ")
                .contains("[target ≥ 40,000: ")
                .contains("speed-up of 2 threads over 1 (wall)")
                .contains("evaluators-8 (generated), ns per step")
                .contains("growth from 2 to 8 evaluations")
                .contains("heavy-load, drv-only, one schedule over and over, ns per step")
                .contains("what predictability takes off a random step's cost")
                .containsPattern("40,000 heavy-load executions per CPU-second need [0-9.]+ ns per step at the [0-9.]+ steps")
                .contains("random, median over 2 seeds: schedules")
                .contains("pct, median over 2 seeds: CPU time")
                .contains("dfs (no seed): executions")
                .contains("peak heap: not measured in this run");
        String perCpu = lines.stream().filter(l -> l.startsWith("  hosts-drv, drv-only, random, 1 thread ")).findFirst()
                .orElseThrow();
        long executions = Long.parseLong(perCpu.replaceAll("^.*/\\s+([0-9,]+)\\s+/.*$", "$1").replace(",", ""));
        assertThat(executions).as(perCpu).isPositive();
        String bytes = lines.stream().filter(l -> l.startsWith("  heavy-load, drv-only, random, 1 thread, bytes allocated"))
                .findFirst().orElseThrow();
        double perStep = Double.parseDouble(bytes.replaceAll("^.*/\\s+([0-9.,]+)\\s+/.*$", "$1").replace(",", ""));
        assertThat(perStep).as(bytes).isPositive();
    }

    @Test
    void benchJsonSaysTheWarmUpIsExcludedAndGivesMinMedianMaxPerFigure() {
        Cli c = Cli.run(PROJECT, "bench", "--json", "--runs", "1", "--cpu-ms", "20", "--warmup-ms", "0", "--seeds", "1",
                "--cold-seeds", "0", "--threads", "1");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).startsWith("{\"jvm\":").contains("\"warmupExcluded\":true")
                .contains("\"cpuClock\":\"ThreadMXBean per thread\"")
                .containsPattern("\"name\":\"dfs \\(no seed\\): executions\",\"unit\":\"\",\"min\":1,\"median\":1,\"max\":1");
    }

    @Test
    void aBadRunCountIsOneLineNamingWhatIsAccepted() {
        Cli c = Cli.run(PROJECT, "bench", "--runs", "0");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).isEqualTo("gcsim: --runs: '0' is not positive (accepted: a whole number, 1 to 100)\n");
    }

    @Test
    void heapSchedulesWithoutHeapIsRefused() {
        Cli c = Cli.run(PROJECT, "bench", "--heap-schedules", "5");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).isEqualTo("gcsim: --heap-schedules goes with --heap (accepted: add --heap, or leave it out)\n");
    }
}
