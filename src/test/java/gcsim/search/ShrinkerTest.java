package gcsim.search;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.Executor;
import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.IntList;
import gcsim.kernel.ReplayStrategy;
import gcsim.report.Story;
import gcsim.scenario.ScenarioLoader;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShrinkerTest {
    private static final int MAX_STEPS = 100_000;

    private static RunResult firstFailure(Executor e, SearchStrategy s, long seed) {
        SearchResult r = new Search(() -> e, () -> s, 1).run(seed, 100_000);
        assertThat(r.failed()).as("the search should find the failure").isTrue();
        return r.failing().result();
    }

    private static Executor hostsDrv(String variantId) throws Exception {
        Path dir = Path.of("scenarios");
        Variant variant = VariantLoader.load(dir.resolve("variants.yaml")).stream()
                .filter(v -> v.id().equals(variantId)).findFirst().orElseThrow();
        return new Runner(ScenarioLoader.load(dir.resolve("hosts-drv.yaml")), variant, MAX_STEPS);
    }

    /** Undoes exactly {@code index}, following the rest of {@code r}'s schedule. */
    private static RunResult undoOne(Executor e, Shrinker.Result r, int index) {
        GuidedReplay follow = GuidedReplay.following(r.schedule().choices());
        e.run(follow, false);
        IntList kinds = follow.kinds().copy();
        return e.run(new GuidedReplay(r.schedule().choices(), kinds, IntList.of(index)), false);
    }

    @Test
    void undoingAnySinglePreemptionOfAShrunkToyScheduleMakesTheFailureVanish() {
        Executor race = Toys.claimRace(10, false, 10_000);
        RunResult found = firstFailure(race, new RandomWalk(0), 5);

        Shrinker.Result r = new Shrinker(race).shrink(found);

        assertThat(r.figures().oneMinimal()).isTrue();
        assertThat(r.figures().after().preemptions()).isLessThanOrEqualTo(r.figures().before().preemptions());
        assertThat(r.preemptions().size()).isEqualTo(r.figures().after().preemptions()).isPositive();
        for (int i = 0; i < r.preemptions().size(); i++) {
            RunResult undone = undoOne(race, r, r.preemptions().get(i));
            assertThat(Shrinker.sameFailure(undone.failure(), found.failure()))
                    .as("undoing preemption at choice %d", r.preemptions().get(i)).isFalse();
        }
    }

    @Test
    void shrinkingRemovesAlmostEveryPreemptionOfARandomWalksCheckThenActFailure() {
        Executor race = Toys.claimRace(10, false, 10_000);
        RunResult found = firstFailure(race, new RandomWalk(0), 7);

        Shrinker.Result r = new Shrinker(race).shrink(found);

        assertThat(r.figures().before().preemptions()).isGreaterThanOrEqualTo(5);
        assertThat(r.figures().after().preemptions()).isBetween(1, 2);
    }

    @Test
    void theShrunkScheduleReplaysExactlyToTheSameFailure() {
        Executor race = Toys.claimRace(10, false, 10_000);
        RunResult found = firstFailure(race, new RandomWalk(0), 3);

        Shrinker.Result r = new Shrinker(race).shrink(found);
        ReplayStrategy replay = new ReplayStrategy(r.schedule());
        RunResult again = race.run(replay, true);

        assertThat(again.failure()).isEqualTo(r.run().failure());
        assertThat(Shrinker.sameFailure(again.failure(), found.failure())).isTrue();
        assertThat(replay.exhausted()).isTrue();
        assertThat(again.schedule().encode()).isEqualTo(r.schedule().encode());
    }

    @Test
    void shrinkingTheSameScheduleTwiceGivesTheSameResult() {
        Executor window = Toys.window(20);
        RunResult found = firstFailure(window, new Pct(0, 2), 9);

        Shrinker.Result a = new Shrinker(window).shrink(found);
        Shrinker.Result b = new Shrinker(window).shrink(found);

        assertThat(a.schedule().encode()).isEqualTo(b.schedule().encode());
        assertThat(a.figures()).isEqualTo(b.figures());
    }

    @Test
    void aCandidateLimitOfZeroLeavesTheScheduleAsItWasAndClaimsNoMinimality() {
        Executor race = Toys.claimRace(10, false, 10_000);
        RunResult found = firstFailure(race, new RandomWalk(0), 5);

        Shrinker.Result r = new Shrinker(race, 0).shrink(found);

        assertThat(r.schedule().encode()).isEqualTo(found.schedule().encode());
        assertThat(r.figures().candidates()).isZero();
        assertThat(r.figures().oneMinimal()).isFalse();
    }

    @Test
    void theHostsDrvCounterexampleUnderEarlyReturnShrinksToAtMostThreePreemptionsAndATwelveLineStory() throws Exception {
        Executor e = hostsDrv("early-return");
        for (long seed = 1; seed <= 3; seed++) {
            RunResult found = firstFailure(e, new RandomWalk(0), seed);

            Shrinker.Result r = new Shrinker(e).shrink(found);
            RunResult traced = e.run(new ReplayStrategy(r.schedule()), true);

            assertThat(r.figures().after().preemptions()).as("seed %d", seed).isLessThanOrEqualTo(3);
            assertThat(Shrinker.sameFailure(traced.failure(), found.failure())).isTrue();
            assertThat(Story.lines(traced)).hasSizeLessThanOrEqualTo(12).last().asString().contains("hosts.drv' is not valid");
        }
    }
}
