package gcsim.search;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.Executor;
import gcsim.check.Runner;
import gcsim.scenario.ScenarioLoader;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellCheckTest {
    private static final Exhaustive PROVES_EVERYTHING = (executor, max) -> {
        executor.run(new RandomWalk(1), false);
        return new ExhaustiveResult(ExhaustiveResult.Verdict.VERIFIED, 1, 0, 0, 1, true, null, null, -1, 0);
    };

    private static CellCheck.Budget budget(long schedules, long dfs, int threads) {
        return new CellCheck.Budget(schedules, 3, dfs, 1, threads);
    }

    private static Executor model(String scenario, String variantId) throws Exception {
        Path dir = Path.of("scenarios");
        Variant variant = VariantLoader.load(dir.resolve("variants.yaml")).stream()
                .filter(v -> v.id().equals(variantId)).findFirst().orElseThrow();
        return new Runner(ScenarioLoader.load(dir.resolve(scenario + ".yaml")), variant, 100_000);
    }

    @Test
    void aRaceTheRandomWalkFindsNeedsNeitherPctNorTheExhaustiveSearch() {
        List<String> phases = new ArrayList<>();
        CellCheck.Outcome o = CellCheck.run(() -> Toys.claimRace(5, false, 10_000), budget(10_000, 100, 1),
                (e, max) -> {
                    phases.add("exhaustive");
                    return null;
                }, CellCheck.Listener.NONE);

        assertThat(o.found()).isNotNull();
        assertThat(o.found().strategy()).isEqualTo("random");
        assertThat(o.found().schedule()).isEqualTo(o.random().schedules());
        assertThat(o.pct()).isNull();
        assertThat(o.exhaustive()).isNull();
        assertThat(phases).isEmpty();
    }

    @Test
    void aCellWithoutFailuresRunsBothSeededSearchesForTheWholeBudgetAndThenTheExhaustiveSearch() {
        CellCheck.Outcome o = CellCheck.run(() -> Toys.claimRace(5, true, 10_000), budget(200, 100, 1),
                PROVES_EVERYTHING, CellCheck.Listener.NONE);

        assertThat(o.found()).isNull();
        assertThat(o.random().schedules()).isEqualTo(200);
        assertThat(o.pct().schedules()).isEqualTo(200);
        assertThat(o.exhaustive().verdict()).isEqualTo(ExhaustiveResult.Verdict.VERIFIED);
    }

    @Test
    void aZeroExhaustiveBudgetSkipsTheExhaustiveSearch() {
        CellCheck.Outcome o = CellCheck.run(() -> Toys.claimRace(5, true, 10_000), budget(50, 0, 1),
                PROVES_EVERYTHING, CellCheck.Listener.NONE);

        assertThat(o.exhaustive()).isNull();
        assertThat(o.found()).isNull();
    }

    @Test
    void aFailureOnlyTheExhaustiveSearchFindsIsReportedAsFoundByDfs() {
        Executor locked = Toys.claimRace(5, true, 10_000);
        Executor racy = Toys.claimRace(5, false, 10_000);
        Exhaustive findsOne = (executor, max) -> {
            var failing = new Search(() -> racy, () -> new RandomWalk(0), 1).run(1, 10_000).failing().result();
            return new ExhaustiveResult(ExhaustiveResult.Verdict.FAIL, 7, 0, 0, 3, false, null, failing, 6, 0);
        };

        CellCheck.Outcome o = CellCheck.run(() -> locked, budget(20, 100, 1), findsOne, CellCheck.Listener.NONE);

        assertThat(o.found().strategy()).isEqualTo("dfs");
        assertThat(o.found().schedule()).isEqualTo(7);
        assertThat(o.found().seed()).isNull();
    }

    @Test
    void coverageOfTheModelIsCountedAndIsTheSameForOneAndTwoThreads() throws Exception {
        Executor one = model("hosts-drv", "drv-only");
        CellCheck.Outcome a = CellCheck.run(() -> {
            try {
                return model("hosts-drv", "drv-only");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, budget(150, 0, 2), null, CellCheck.Listener.NONE);
        CellCheck.Outcome b = CellCheck.run(() -> one, budget(150, 0, 1), null, CellCheck.Listener.NONE);

        assertThat(a.random().coverage().gcDuringClientOps()).isPositive();
        assertThat(a.random().coverage().deletedSomething()).isPositive();
        assertThat(a.random().coverage().gcRan()).isLessThanOrEqualTo(150);
        assertThat(a.random()).isEqualTo(b.random());
        assertThat(a.pct()).isEqualTo(b.pct());
    }

    @Test
    void theCoverageOfAFailingSearchCountsOnlyTheSchedulesUpToTheFailure() throws Exception {
        SearchResult two = new Search(() -> {
            try {
                return model("instantiate-then-realise", "early-return");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> new RandomWalk(0), 2).run(1, 5_000);
        Executor e = model("instantiate-then-realise", "early-return");
        SearchResult one = new Search(() -> e, () -> new RandomWalk(0), 1).run(1, 5_000);

        assertThat(two.failed()).isTrue();
        assertThat(two.coverage()).isEqualTo(one.coverage());
        assertThat(two.coverage().gcRan()).isLessThanOrEqualTo(two.schedules());
    }
}
