package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who holds a flock, as a state view between two steps names it. */
class FlockHoldersTest {
    private final Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
    private final Flock flock = new Flock(k);
    private final OpenFile pf = new OpenFile(k.newProcess("p"), flock, "p:lock");
    private final OpenFile qf = new OpenFile(k.newProcess("q"), flock, "q:lock");
    private final OpenFile rf = new OpenFile(k.newProcess("r"), flock, "r:lock");

    @Test
    void theHoldersAreNamedByTheirProcessesSharedOnesInTheOrderTheyLocked() {
        assertThat(flock.holders()).isEqualTo("free");
        flock.lock(qf, false);
        assertThat(flock.holders()).isEqualTo("shared: q");
        flock.lock(pf, false);
        assertThat(flock.holders()).isEqualTo("shared: q, p");
        flock.unlock(pf);
        flock.unlock(qf);
        assertThat(flock.holders()).isEqualTo("free");
        flock.lock(rf, true);
        assertThat(flock.holders()).isEqualTo("exclusive: r");
    }
}
