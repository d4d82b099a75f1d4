package gcsim.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gcsim.check.Executor;
import gcsim.check.RunResult;
import gcsim.kernel.ReplayStrategy;
import gcsim.kernel.Schedule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SearchTest {
    /** A race rare enough that the first failure is usually beyond the first few epochs. */
    private static Executor race() {
        return Toys.claimRace(30, false, 10_000);
    }

    /** The lowest failing index, found the obvious way: one schedule after another, fresh objects each time. */
    private static long firstFailingIndexSequentially(Executor e, long base, long budget) {
        for (long i = 0; i < budget; i++) {
            if (e.run(new RandomWalk(Search.seedOf(base, i)), false).failed()) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theSearchFindsTheCheckThenActRaceAndReportsTheLowestFailingIndexForAnyNumberOfThreads() {
        List<Long> indices = new ArrayList<>();
        for (long base = 1; base <= 8; base++) {
            long expected = firstFailingIndexSequentially(race(), base, 100_000);
            assertThat(expected).isNotNegative();
            indices.add(expected);
            SearchResult one = new Search(SearchTest::race, () -> new RandomWalk(0), 1).run(base, 100_000);
            SearchResult two = new Search(SearchTest::race, () -> new RandomWalk(0), 2).run(base, 100_000);
            SearchResult five = new Search(SearchTest::race, () -> new RandomWalk(0), 5).run(base, 100_000);
            for (SearchResult r : List.of(one, two, five)) {
                assertThat(r.failed()).isTrue();
                assertThat(r.failing().index()).isEqualTo(expected);
                assertThat(r.failing().seed()).isEqualTo(Search.seedOf(base, expected));
                assertThat(r.schedules()).isEqualTo(expected + 1);
                assertThat(r.failing().result().schedule().encode())
                        .isEqualTo(one.failing().result().schedule().encode());
                assertThat(r.cut()).isEqualTo(one.cut());
                assertThat(r.maxActors()).isEqualTo(one.maxActors());
                assertThat(r.maxDecisions()).isEqualTo(one.maxDecisions());
                assertThat(r.maxSteps()).isEqualTo(one.maxSteps());
            }
        }
        assertThat(indices).as("the race should not always show up in the first schedule").anyMatch(i -> i > 16);
    }

    @Test
    void theReportedSeedReplaysThroughAFreshStrategyToTheSameFailure() {
        SearchResult r = new Search(SearchTest::race, () -> new RandomWalk(0), 2).run(3, 100_000);
        RunResult again = race().run(new RandomWalk(r.failing().seed()), false);
        assertThat(again.failure()).isEqualTo(r.failing().result().failure());
        assertThat(again.schedule().encode()).isEqualTo(r.failing().result().schedule().encode());
    }

    @Test
    void theReportedChoicesStringReplaysThroughReplayStrategyToTheSameFailure() {
        SearchResult r = new Search(SearchTest::race, () -> new RandomWalk(0), 2).run(4, 100_000);
        String choices = r.failing().result().schedule().encode();
        ReplayStrategy replay = new ReplayStrategy(Schedule.decode(choices));
        RunResult again = race().run(replay, true);
        assertThat(again.failure()).isEqualTo(r.failing().result().failure());
        assertThat(replay.exhausted()).isTrue();
    }

    @Test
    void aPctFailureReplaysFromItsSeedDepthAndDecisionEstimate() {
        Executor window = Toys.window(50);
        for (int threads = 1; threads <= 2; threads++) {
            SearchResult r = new Search(() -> window, () -> new Pct(0, 2), threads).run(9, 20_000);
            assertThat(r.failed()).isTrue();
            Pct fresh = new Pct(r.failing().seed(), 2);
            fresh.expectDecisions(r.failing().decisionEstimate());
            RunResult again = window.run(fresh, false);
            assertThat(again.schedule().encode()).isEqualTo(r.failing().result().schedule().encode());
            assertThat(again.failed()).isTrue();
        }
    }

    @Test
    void pctSearchesAgreeAcrossThreadCountsIncludingTheDecisionEstimate() {
        Executor window = Toys.window(50);
        for (long base = 1; base <= 4; base++) {
            SearchResult one = new Search(() -> window, () -> new Pct(0, 2), 1).run(base, 20_000);
            SearchResult two = new Search(() -> window, () -> new Pct(0, 2), 2).run(base, 20_000);
            assertThat(two.failing().index()).isEqualTo(one.failing().index());
            assertThat(two.failing().decisionEstimate()).isEqualTo(one.failing().decisionEstimate());
            assertThat(two.maxDecisions()).isEqualTo(one.maxDecisions());
            assertThat(two.maxSteps()).isEqualTo(one.maxSteps());
        }
    }

    @Test
    void theDecisionEstimateGrowsToTheLongestExecutionSeen() {
        Executor window = Toys.window(200);
        SearchResult r = new Search(() -> window, () -> new Pct(0, 2), 2).run(1, 50_000);
        assertThat(r.failed()).isTrue();
        assertThat(r.failing().decisionEstimate()).isGreaterThan(Pct.DEFAULT_DECISIONS);
        assertThat(r.maxActors()).isEqualTo(2);
    }

    @Test
    void cutExecutionsAreCountedAndAreNotFailures() {
        SearchResult one = new Search(() -> Toys.spin(8), () -> new RandomWalk(0), 1).run(5, 3000);
        SearchResult two = new Search(() -> Toys.spin(8), () -> new RandomWalk(0), 2).run(5, 3000);
        assertThat(one.failed()).isFalse();
        assertThat(one.schedules()).isEqualTo(3000);
        assertThat(one.cut()).isBetween(1L, 2999L);
        assertThat(two.cut()).isEqualTo(one.cut());
    }

    @Test
    void cutsAfterTheFailingScheduleAreNotCountedWhateverTheThreadsRanAhead() {
        Executor spin = Toys.spin(8);
        String target = "";
        for (long i = 40; i < 400; i++) {
            RunResult r = spin.run(new RandomWalk(Search.seedOf(5, i)), false);
            if (!r.cut() && r.schedule().encode().length() > target.length()) {
                target = r.schedule().encode();
            }
        }
        String rare = target;
        long failAt = -1;
        long cutsUpToFailure = 0;
        for (long i = 0; failAt < 0; i++) {
            RunResult r = spin.run(new RandomWalk(Search.seedOf(5, i)), false);
            cutsUpToFailure += r.cut() ? 1 : 0;
            if (r.schedule().encode().equals(rare)) {
                failAt = i;
            }
        }
        Executor failsOnTarget = (strategy, trace) -> {
            RunResult r = spin.run(strategy, trace);
            if (!r.schedule().encode().equals(rare)) {
                return r;
            }
            return Results.withFailure(r, new gcsim.check.Failure("invariant", "toy", null, "target", "spinner", 1));
        };
        assertThat(failAt).isGreaterThan(16);
        SearchResult whole = new Search(() -> spin, () -> new RandomWalk(0), 1).run(5, 3000);
        assertThat(whole.cut()).isGreaterThan(cutsUpToFailure);
        for (int threads = 1; threads <= 3; threads++) {
            SearchResult r = new Search(() -> failsOnTarget, () -> new RandomWalk(0), threads).run(5, 3000);
            assertThat(r.failing().index()).isEqualTo(failAt);
            assertThat(r.cut()).isEqualTo(cutsUpToFailure);
        }
    }

    @Test
    void aScheduleThatThrowsIsReportedWithItsIndexAndSeed() {
        long base = 2;
        long firstBad = -1;
        for (long i = 0; i < 100_000 && firstBad < 0; i++) {
            RandomWalk s = new RandomWalk(Search.seedOf(base, i));
            try {
                Toys.crashing(7).run(s, false);
            } catch (IllegalStateException e) {
                firstBad = i;
            }
        }
        long expected = firstBad;
        for (int threads = 1; threads <= 2; threads++) {
            int t = threads;
            assertThatThrownBy(() -> new Search(() -> Toys.crashing(7), () -> new RandomWalk(0), t).run(base, 100_000))
                    .isInstanceOfSatisfying(SearchCrash.class, c -> {
                        assertThat(c.index()).isEqualTo(expected);
                        assertThat(c.seed()).isEqualTo(Search.seedOf(base, expected));
                        assertThat(c.getCause()).hasMessage("toy bug");
                    });
        }
    }

    @Test
    void withoutAFailureTheWholeBudgetRunsAndNothingIsReported() {
        SearchResult r = new Search(() -> Toys.claimRace(3, true, 10_000), () -> new RandomWalk(0), 2).run(1, 5000);
        assertThat(r.failed()).isFalse();
        assertThat(r.failing()).isNull();
        assertThat(r.schedules()).isEqualTo(5000);
        assertThat(r.cut()).isZero();
        assertThat(r.schedulesPerSecond()).isPositive();
        assertThat(r.maxActors()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void aFailureInTheVeryFirstScheduleStopsTheSearchAtOne(StrategyKind kind) {
        Executor alwaysFails = (strategy, trace) -> {
            RunResult r = Toys.independent(2, 2).run(strategy, trace);
            return Results.withFailure(r, new gcsim.check.Failure("invariant", "toy", null, "always", "t0", 1));
        };
        SearchResult r = new Search(() -> alwaysFails, () -> kind.create(0, 3), 2).run(1, 1000);
        assertThat(r.schedules()).isEqualTo(1);
        assertThat(r.failing().index()).isZero();
    }

    @Test
    void dataChoiceBugsAreFoundAndReplay() {
        SearchResult r = new Search(Toys::dice, () -> new RandomWalk(0), 2).run(6, 10_000);
        assertThat(r.failed()).isTrue();
        RunResult again = Toys.dice().run(new ReplayStrategy(r.failing().result().schedule()), false);
        assertThat(again.failure()).isEqualTo(r.failing().result().failure());
    }

    @Test
    void aBudgetBelowOneIsRefused() {
        assertThatThrownBy(() -> new Search(Toys::dice, () -> new RandomWalk(0), 1).run(1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Search(Toys::dice, () -> new RandomWalk(0), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
