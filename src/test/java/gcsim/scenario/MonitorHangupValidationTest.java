package gcsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code monitor-hangup} asks the model to run a daemon client's {@code MonitorFdHup} in its worker;
 * only a daemon client has a worker, and the value is a boolean, each mistake one line at the value.
 */
class MonitorHangupValidationTest extends ScenarioTestSupport {

    @Test
    void aProcessThatOpensTheStoreItselfHasNoWorkerToWatchItsHangup() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: G, via-daemon: false, monitor-hangup: true, ops: [collect-garbage]}
                """, "10:50: monitor-hangup: process 'G' opens the store itself (via-daemon: false); only a daemon"
                + " client's worker watches for its hang-up");
    }

    @Test
    void monitorHangupTakesABoolean() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, monitor-hangup: sometimes, ops: [collect-garbage]}
                """, "10:31: monitor-hangup is the string 'sometimes' (expected true or false)");
    }

    @Test
    void monitorHangupIsOffUnlessAsked(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("two.yaml"), """
                description: one worker watched, one not
                processes:
                  - {name: P, monitor-hangup: true, ops: [collect-garbage]}
                  - {name: Q, ops: [collect-garbage]}
                """);
        Scenario s = ScenarioLoader.load(file);
        assertThat(s.processes()).extracting(ProcessSpec::monitorHangup).containsExactly(true, false);
    }
}
