package gcsim.search;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.Executor;
import gcsim.check.RunResult;
import gcsim.kernel.IntList;
import gcsim.kernel.ReplayStrategy;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrategiesTest {
    private static final Executor RACE = Toys.claimRace(8, false, 10_000);

    private static String schedule(Executor e, SearchStrategy s) {
        return e.run(s, false).schedule().encode();
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void theSameSeedGivesTheSameScheduleEvenOnAReusedStrategyObject(StrategyKind kind) {
        String first = schedule(RACE, kind.create(12345, 3));
        SearchStrategy reused = kind.create(999, 3);
        schedule(RACE, reused);
        reused.reseed(12345);
        assertThat(schedule(RACE, reused)).isEqualTo(first);
        assertThat(schedule(RACE, kind.create(12345, 3))).isEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void differentSeedsGiveDifferentSchedules(StrategyKind kind) {
        Executor e = Toys.independent(4, 10);
        Set<String> seen = new HashSet<>();
        for (long seed = 1; seed <= 30; seed++) {
            seen.add(schedule(e, kind.create(seed, 3)));
        }
        assertThat(seen).hasSizeGreaterThan(10);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void pctWithDepthDSwitchesActorsAtMostDMinusOneTimesBeyondTheSwitchesForcedByActorsFinishing(int depth) {
        int actors = 3;
        Executor e = Toys.independent(actors, 12);
        Pct pct = new Pct(0, depth);
        pct.expectDecisions(40);
        for (long seed = 0; seed < 300; seed++) {
            pct.reseed(seed);
            IntList picks = e.run(pct, false).schedule().choices();
            int switches = 0;
            for (int i = 1; i < picks.size(); i++) {
                if (picks.get(i) != picks.get(i - 1)) {
                    switches++;
                }
            }
            assertThat(switches).as("seed %d: %s", seed, picks).isLessThanOrEqualTo(actors - 1 + depth - 1);
        }
    }

    @Test
    void pctWithDepthOneRunsEachActorToTheEndOnceItIsPicked() {
        Executor e = Toys.independent(3, 10);
        Pct pct = new Pct(0, 1);
        for (long seed = 0; seed < 100; seed++) {
            pct.reseed(seed);
            IntList picks = e.run(pct, false).schedule().choices();
            Set<Integer> finished = new HashSet<>();
            for (int i = 1; i < picks.size(); i++) {
                if (picks.get(i) != picks.get(i - 1)) {
                    assertThat(finished.add(picks.get(i - 1))).as("actor %d resumed after a switch", picks.get(i - 1)).isTrue();
                }
                assertThat(finished).doesNotContain(picks.get(i));
            }
        }
    }

    @Test
    void pctWithDepthTwoFindsTheOneStepWindowBugWithinASmallBudget() {
        Executor e = Toys.window(50);
        SearchResult r = new Search(() -> e, () -> new Pct(0, 2), 2).run(1, 5000);
        assertThat(r.failed()).isTrue();
        assertThat(r.failing().result().failure().message()).isEqualTo("saw the flag while it was set");
    }

    @Test
    void pctWithDepthOneNeverFindsTheOneStepWindowBug() {
        Executor e = Toys.window(50);
        SearchResult r = new Search(() -> e, () -> new Pct(0, 1), 2).run(1, 2000);
        assertThat(r.failed()).isFalse();
    }

    @Test
    void aRandomWalkPracticallyNeverFindsTheOneStepWindowBugThatPctFinds() {
        Executor e = Toys.window(50);
        SearchResult r = new Search(() -> e, () -> new RandomWalk(0), 2).run(1, 2000);
        assertThat(r.failed()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void bothStrategiesLetVirtualTimeAdvanceAndTheChoiceReplays(StrategyKind kind) {
        Executor e = Toys.timeout(3);
        boolean sawAdvance = false;
        boolean sawGiveUp = false;
        SearchStrategy s = kind.create(0, 2);
        for (long seed = 0; seed < 200; seed++) {
            s.reseed(seed);
            RunResult r = e.run(s, false);
            sawAdvance |= r.schedule().choices().contains(0);
            sawGiveUp |= r.failed();
            RunResult again = e.run(new ReplayStrategy(r.schedule()), false);
            assertThat(again.failure()).isEqualTo(r.failure());
            assertThat(again.outcome()).isEqualTo(r.outcome());
        }
        assertThat(sawAdvance).isTrue();
        assertThat(sawGiveUp).isTrue();
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void dataChoicesComeFromTheSeedAndReplay(StrategyKind kind) {
        Executor e = Toys.dice();
        Set<String> seen = new HashSet<>();
        SearchStrategy s = kind.create(0, 3);
        for (long seed = 0; seed < 100; seed++) {
            s.reseed(seed);
            RunResult r = e.run(s, true);
            seen.add(r.trace().toString());
            assertThat(e.run(new ReplayStrategy(r.schedule()), true).trace()).isEqualTo(r.trace());
        }
        assertThat(seen).hasSizeGreaterThan(8);
    }

    @Test
    void theStrategiesCountDecisionsAndActorsOfTheLastExecution() {
        Executor e = Toys.independent(3, 5);
        for (StrategyKind kind : StrategyKind.values()) {
            SearchStrategy s = kind.create(4, 2);
            RunResult r = e.run(s, false);
            assertThat(s.lastDecisions()).isEqualTo(r.schedule().size());
            assertThat(s.lastActors()).isEqualTo(3);
        }
        SearchStrategy withClock = new RandomWalk(1);
        Toys.timeout(3).run(withClock, false);
        assertThat(withClock.lastActors()).isEqualTo(3);
    }

    @Test
    void thePctBoundIsOneOverNTimesKToTheDMinusOne() {
        assertThat(Pct.probabilityBound(2, 10, 1)).isEqualTo(0.5);
        assertThat(Pct.probabilityBound(2, 10, 3)).isEqualTo(1.0 / 200);
        assertThat(Pct.probabilityBound(5, 100, 2)).isEqualTo(1.0 / 500);
    }
}
