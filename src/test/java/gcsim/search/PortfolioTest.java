package gcsim.search;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioLoader;
import gcsim.search.dfs.Dfs;
import gcsim.search.dfs.DfsOptions;
import gcsim.search.dfs.DfsSession;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default search's portfolio: fair slices of one budget, the exhaustive member resumed slice
 * after slice, the first failure named by the member that found it and replayable from its seed,
 * and the same outcome on any number of threads.
 */
class PortfolioTest {
    private static final Path LONG_WAIT = Path.of("src/test/resources/scenarios/collector-after-long-build.yaml");

    private static Variant variant(String id) throws Exception {
        for (Variant v : VariantLoader.load(Path.of("scenarios/variants.yaml"))) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        throw new AssertionError("no variant " + id);
    }

    private static Portfolio portfolio(Scenario s, Variant v, int threads) {
        return new Portfolio(Portfolio.standard(), () -> new Runner(s, v, 100_000), () -> new Runner(s, v, 100_000, 3), threads);
    }

    @Test
    void anExhaustiveSearchRunInSlicesExploresWhatOneRunExplores() throws Exception {
        Runner runner = new Runner(ScenarioLoader.load(Path.of("scenarios/hosts-drv.yaml")), variant("drv-only"), 100_000, 3);
        DfsOptions options = DfsOptions.defaults().withMaxExecutions(700);
        List<String> whole = new ArrayList<>();
        String once = new Dfs().explore(runner, options, r -> whole.add(r.schedule().encode())).summary();
        DfsSession session = new DfsSession(runner, options);
        List<String> sliced = new ArrayList<>();
        while (!session.over()) {
            session.run(37, r -> sliced.add(r.schedule().encode()));
        }
        assertThat(session.result().summary()).isEqualTo(once);
        assertThat(sliced).isEqualTo(whole);
    }

    @Test
    void theMembersShareTheBudgetEquallyWhenNoneFails() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/hosts-drv.yaml"));
        Portfolio.Result r = portfolio(s, variant("drv-only"), 2).run(1, 402, Pct.DEFAULT_DECISIONS, (m, n) -> { });
        assertThat(r.found()).isNull();
        assertThat(r.members()).extracting(f -> f.member().name()).containsExactly("random", "pct-2", "pct-3", "dfs");
        assertThat(r.members()).extracting(Portfolio.Figures::runs).containsExactly(101L, 101L, 100L, 100L);
        assertThat(r.members().get(3).exhaustive().executions()).isEqualTo(100L);
    }

    @Test
    void theCollectorThatMustWaitIsFoundAndNamedByTheMemberThatFoundIt() throws Exception {
        Scenario s = ScenarioLoader.load(LONG_WAIT);
        Portfolio.Result r = portfolio(s, variant("drv-only"), 2).run(1, 20_000, Pct.DEFAULT_DECISIONS, (m, n) -> { });
        assertThat(r.found()).isNotNull();
        assertThat(r.found().strategy()).startsWith("pct-");
        assertThat(r.found().result().failure().kind()).isEqualTo("invalid-path");
    }

    @Test
    void aFailureFoundByASeededMemberReplaysFromItsSeedAlone() throws Exception {
        Scenario s = ScenarioLoader.load(LONG_WAIT);
        Variant v = variant("drv-only");
        CellCheck.Found f = portfolio(s, v, 2).run(1, 20_000, Pct.DEFAULT_DECISIONS, (m, n) -> { }).found();
        int depth = Integer.parseInt(f.strategy().substring("pct-".length()));
        Pct pct = new Pct(f.seed(), depth);
        pct.expectDecisions(f.decisionEstimate());
        RunResult again = new Runner(s, v, 100_000).run(pct, false);
        assertThat(again.failure()).isEqualTo(f.result().failure());
        assertThat(again.schedule().encode()).isEqualTo(f.result().schedule().encode());
    }

    @Test
    void thePortfolioFindsTheSameFailureOnOneThreadAsOnTwo() throws Exception {
        Scenario s = ScenarioLoader.load(LONG_WAIT);
        Variant v = variant("drv-and-refs");
        CellCheck.Found one = portfolio(s, v, 1).run(5, 20_000, Pct.DEFAULT_DECISIONS, (m, n) -> { }).found();
        CellCheck.Found two = portfolio(s, v, 2).run(5, 20_000, Pct.DEFAULT_DECISIONS, (m, n) -> { }).found();
        assertThat(two.strategy()).isEqualTo(one.strategy());
        assertThat(two.schedule()).isEqualTo(one.schedule());
        assertThat(two.result().schedule().encode()).isEqualTo(one.result().schedule().encode());
    }
}
