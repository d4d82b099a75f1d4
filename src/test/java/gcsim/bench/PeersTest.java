package gcsim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How the bench reads the file the {@code fray} profile writes (the profile itself takes too long
 * for a unit test): the three cases the bench reports differently.
 */
class PeersTest {
    @Test
    void aFrayThatFoundTheRaceGivesItsTimesAndTheIterationItFoundItIn() {
        Peers.Observation o = Peers.frayResult("{\"ran\": true, \"found\": true, \"iteration\": 3, \"iterations\": 3,"
                + " \"wallMs\": 1475, \"cpuMs\": 1640, \"error\": \"\"}\n");
        assertThat(o.ran()).isTrue();
        assertThat(o.found()).isTrue();
        assertThat(o.wallMs()).isEqualTo(1475);
        assertThat(o.cpuMs()).isEqualTo(1640);
        assertThat(o.note()).isEqualTo("found in its iteration 3 (POS scheduler)");
    }

    @Test
    void aFrayThatRanOutOfIterationsSaysHowManyItRanAndItsError() {
        Peers.Observation o = Peers.frayResult("{\"ran\": true, \"found\": false, \"iteration\": -1,"
                + " \"iterations\": 100000, \"wallMs\": 90000, \"cpuMs\": 91000, \"error\": \"DeadlockException: x\"}\n");
        assertThat(o.ran()).isTrue();
        assertThat(o.found()).isFalse();
        assertThat(o.why()).isEqualTo("Fray ended without the race after 100,000 iterations: DeadlockException: x");
        assertThat(o.wallMs()).isEqualTo(90000);
    }

    @Test
    void aFrayThatCouldNotRunHereIsNotRunWithTheProfilesReason() {
        Peers.Observation o = Peers.frayResult("{\"ran\": false, \"why\": \"no JDK 25 under /x (nor in JDK25_HOME)\"}\n");
        assertThat(o.ran()).isFalse();
        assertThat(o.found()).isFalse();
        assertThat(o.why()).isEqualTo("no JDK 25 under /x (nor in JDK25_HOME)");
        assertThat(o.wallMs()).isNaN();
    }
}
