package gcsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.TraceEvent;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioException;
import gcsim.scenario.ScenarioLoader;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A daemon client interrupted in the middle of its operation (docs/model.md §2.3, "Interrupts"):
 * its worker's MonitorFdHup sets the interrupt flag, the worker's collector stops at its next
 * checkInterrupt, a blocking flock of the worker's main thread returns EINTR, and a GC-socket client
 * thread that meets the flag aborts the process unless it catches BaseError (#15962, #16444).
 */
class InterruptsTest {
    private static final int SEEDS = 400;

    private static Variant variant(String id) throws ScenarioException {
        return VariantLoader.load(Path.of("scenarios/variants.yaml")).stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow();
    }

    private static Scenario library(String name) throws ScenarioException {
        return ScenarioLoader.load(Path.of("scenarios/" + name + ".yaml"));
    }

    private static boolean says(RunResult r, String text) {
        return r.trace().stream().map(TraceEvent::text).anyMatch(t -> t.contains(text));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"early-return", "nix-2.8", "nix-master"})
    void aCtrlCOfTheCollectorsClientAbortsItsWorkerWhenASocketThreadMeetsTheInterrupt(String id) throws ScenarioException {
        Runner runner = new Runner(library("interrupted-collection"), variant(id), 100_000);
        RunResult crash = null;
        for (long seed = 1; seed <= SEEDS && crash == null; seed++) {
            RunResult r = runner.run(new Seeds(seed), true);
            if (r.failed()) {
                assertThat(r.failure().kind()).as("seed %d", seed).isEqualTo("crash");
                crash = r;
            }
        }
        assertThat(crash).as("a crash within %d seeds", SEEDS).isNotNull();
        assertThat(crash.failure().actor()).matches("worker-\\d+/gc-client-\\d+");
        assertThat(crash.failure().message()).contains("Nix crashed", "nix::Interrupted", "catches only Error");
        assertThat(says(crash, "triggerInterrupt sets its interrupt flag")).isTrue();
    }

    @Test
    void catchingBaseErrorLetsEveryInterruptedCollectionEndAndReleaseGcLock() throws ScenarioException {
        Runner runner = new Runner(library("interrupted-collection"), variant("master-interrupt-fix"), 100_000);
        int threadEnded = 0;
        int opInterrupted = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunResult r = runner.run(new Seeds(seed), true);
            assertThat(r.failed()).as("seed %d: %s", seed, r.failure()).isFalse();
            assertThat(says(r, "collector releases gc.lock")).as("seed %d", seed)
                    .isEqualTo(says(r, "collector takes gc.lock"));
            threadEnded += says(r, "the read is interrupted; the client thread ends and closes its connection") ? 1 : 0;
            opInterrupted += says(r, "'s operation is interrupted") ? 1 : 0;
        }
        assertThat(threadEnded).as("runs where a socket thread met the interrupt and ended").isPositive();
        assertThat(opInterrupted).as("runs where the collection stopped at a checkInterrupt").isPositive();
    }

    @Test
    void aWorkerWhoseClientNobodyInterruptsRunsNoMonitorThread() throws ScenarioException {
        Runner plain = new Runner(library("hosts-drv"), variant("nix-master"), 100_000);
        Runner interrupted = new Runner(library("interrupted-collection"), variant("nix-master"), 100_000);
        boolean monitorSeen = false;
        for (long seed = 1; seed <= 50; seed++) {
            assertThat(plain.run(new Seeds(seed), true).trace()).noneMatch(e -> e.actor().contains("monitor-fd-hup"));
            monitorSeen |= interrupted.run(new Seeds(seed), true).trace().stream()
                    .anyMatch(e -> e.actor().endsWith("/monitor-fd-hup"));
        }
        assertThat(monitorSeen).isTrue();
    }

    @Test
    void anInterruptedWorkerBlockedOnGcLockGivesUpWithoutTakingIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("blocked.yaml"), """
                description: the second collector's worker waits for gc.lock when its client is interrupted
                store:
                  paths:
                    - {name: old, kind: source, size: 1K, present: true}
                processes:
                  - name: holder
                    via-daemon: false
                    ops: [{collect-garbage: {pause: {at: after-roots, until: go}}}]
                  - name: second
                    start: 1ms
                    ops: [collect-garbage]
                  - name: ctrl-c
                    via-daemon: false
                    start: 5ms
                    ops: [{interrupt: second}, {sleep: 1ms}, {signal: go}]
                """);
        Runner runner = new Runner(ScenarioLoader.load(file), variant("nix-master"), 100_000);
        int cutShort = 0;
        for (long seed = 1; seed <= 200; seed++) {
            RunResult r = runner.run(new Seeds(seed), true);
            assertThat(r.failed()).as("seed %d: %s", seed, r.failure()).isFalse();
            boolean tookLock = r.trace().stream().anyMatch(e -> e.actor().equals("worker-1")
                    && e.text().contains("collector takes gc.lock"));
            if (says(r, "worker-1's operation is interrupted") && !tookLock) {
                cutShort++; // only an EINTR can end the op before it holds gc.lock: no checkInterrupt comes first
            }
        }
        assertThat(cutShort).as("runs where the worker's blocked flock returned EINTR").isPositive();
    }

    @Test
    void anInterruptOfAProcessThatHasAlreadyExitedChangesNothing(@TempDir Path dir) throws IOException, ScenarioException {
        Path file = Files.writeString(dir.resolve("late.yaml"), """
                description: the interrupt comes after its target has exited
                store:
                  paths:
                    - {name: src, kind: source, size: 1K, present: false}
                processes:
                  - name: eval
                    ops: [{add-to-store: src}]
                  - name: ctrl-c
                    via-daemon: false
                    start: {after: eval}
                    ops: [{interrupt: eval}]
                """);
        RunResult r = new Runner(ScenarioLoader.load(file), variant("nix-master"), 100_000).run(new Seeds(1), true);
        assertThat(r.failed()).isFalse();
        assertThat(says(r, "interrupts eval, which has already exited: nothing happens")).isTrue();
        assertThat(says(r, "is interrupted (Ctrl-C)")).isFalse();
    }
}
