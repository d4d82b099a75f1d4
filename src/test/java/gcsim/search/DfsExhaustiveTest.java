package gcsim.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DfsExhaustiveTest {

    @Test
    void theAdapterRunsTheDfsEngineAndVerifiesASmallRaceFreeSystem() {
        Exhaustive dfs = new DfsExhaustive(null);

        ExhaustiveResult r = dfs.explore(Toys.independent(2, 2), 10_000);

        assertThat(r.verdict()).isEqualTo(ExhaustiveResult.Verdict.VERIFIED);
        assertThat(r.complete()).isTrue();
        assertThat(r.failure()).isNull();
        assertThat(r.executions()).isPositive();
    }

    @Test
    void theAdapterReportsTheFirstFailureOfARacySystem() {
        Exhaustive dfs = new DfsExhaustive(null);

        ExhaustiveResult r = dfs.explore(Toys.claimRace(2, false, 1_000), 100_000);

        assertThat(r.verdict()).isEqualTo(ExhaustiveResult.Verdict.FAIL);
        assertThat(r.failure().failed()).isTrue();
        assertThat(r.failureIndex()).isBetween(0L, r.executions() - 1);
    }
}
