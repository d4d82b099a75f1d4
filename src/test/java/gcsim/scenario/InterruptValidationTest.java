package gcsim.scenario;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code interrupt} names another process that talks to the daemon: the model knows an interrupt as
 * a daemon client's hang-up that its worker notices, and each mistake is one line pointing at the name.
 */
class InterruptValidationTest extends ScenarioTestSupport {

    @Test
    void anInterruptMustNameADeclaredProcess() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{interrupt: Q}]}
                """, "10:33: unknown process 'Q' in interrupt (processes: P)");
    }

    @Test
    void aProcessCannotInterruptItself() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{interrupt: P}]}
                """, "10:33: process 'P' cannot interrupt itself (name another process)");
    }

    @Test
    void onlyADaemonClientCanBeInterrupted() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{interrupt: G}]}
                  - {name: G, via-daemon: false, ops: [collect-garbage]}
                """, "10:33: process 'G' opens the store itself (via-daemon: false); only a daemon client can be"
                + " interrupted (its worker sees the hang-up)");
    }
}
