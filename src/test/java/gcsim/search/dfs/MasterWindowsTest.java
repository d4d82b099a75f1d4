package gcsim.search.dfs;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.Executor;
import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioException;
import gcsim.scenario.ScenarioLoader;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The windows still open on Nix master, as the exhaustive search sees them: each scenario fails under
 * nix-master, each proposed fix closes the window it targets, and the source memo's scope (S4) is
 * what reopens the lost-connection window that #15237's rooted cache hit had closed.
 */
class MasterWindowsTest {
    private static final int MAX_STEPS = 100_000;
    private static final int SAMPLES = 2_000;

    private static Scenario scenario(String name) throws ScenarioException {
        return ScenarioLoader.load(Path.of("scenarios/" + name + ".yaml"));
    }

    private static Variant variant(String id) throws ScenarioException {
        return VariantLoader.load(Path.of("scenarios/variants.yaml")).stream().filter(v -> v.id().equals(id))
                .findFirst().orElseThrow();
    }

    private static DfsResult dfs(Executor executor) {
        return new Dfs().explore(executor, DfsOptions.defaults());
    }

    private static DfsResult dfs(String scenario, String variant) throws ScenarioException {
        return dfs(new Runner(scenario(scenario), variant(variant), MAX_STEPS));
    }

    /**
     * The runner with one kind of failure counted as a pass: the executions it cut short are still
     * explored up to that point, so a VERIFIED verdict says no other failure is reachable.
     */
    private static Executor setAside(Runner runner, Predicate<String> check) {
        return (strategy, trace) -> {
            RunResult r = runner.run(strategy, trace);
            if (r.failed() && check.test(r.failure().check())) {
                return new RunResult(r.outcome(), null, r.schedule(), r.trace(), r.coverage(), r.validAtEnd(), r.terminalState());
            }
            return r;
        };
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @CsvSource({"copy-paths, invalid-path", "remote-builder-inputs, missing-file", "lost-connection-memo, invalid-path"})
    void eachOpenWindowFailsUnderNixMasterWithTheErrorNixPrints(String scenario, String kind) throws ScenarioException {
        DfsResult result = dfs(scenario, "nix-master");

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.failure().failure().kind()).isEqualTo(kind);
    }

    @Test
    void copyPathsFailsWhenTheWorkersOwnAutoGcDeletesAReferenceTheDestinationSaidItHad() throws ScenarioException {
        DfsResult result = dfs("copy-paths", "nix-master");

        assertThat(result.failure().failure().message()).matches("path '/nix/store/[0-9a-z]{32}-lib' is not valid");
        assertThat(result.failure().failure().check()).contains("LocalStore::addToStore(info)");
    }

    @ParameterizedTest(name = "{1} closes {0}")
    @CsvSource({"copy-paths, master-copy-roots", "remote-builder-inputs, master-input-roots"})
    void eachProposedFixClosesTheWindowItTargetsInEverySchedule(String scenario, String fix) throws ScenarioException {
        DfsResult result = dfs(scenario, fix);

        assertThat(result.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(result.complete()).isTrue();
        assertThat(result.cut()).isZero();
    }

    @Test
    void importReadsADrvThatACollectionDeletedAfterImportFoundItValid() throws ScenarioException {
        Runner runner = new Runner(scenario("import-existing-drv"), variant("nix-master"), MAX_STEPS);

        DfsResult result = dfs(setAside(runner, c -> c.startsWith("evalFile")));

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.failure().failure().check()).containsAnyOf("readDerivation", "requireStoreObjectAccessor");
    }

    @Test
    void theImportRootClosesTheWindowAndLeavesOnlyADrvCollectedBeforeImportLooked() throws ScenarioException {
        Runner runner = new Runner(scenario("import-existing-drv"), variant("master-import-root"), MAX_STEPS);

        // The exhaustive search of this scenario does not finish in seconds; seeded schedules sample it.
        int collectedFirst = 0;
        for (long seed = 1; seed <= SAMPLES; seed++) {
            RunResult r = runner.run(new gcsim.search.RandomWalk(seed), true);
            assertThat(r.failed()).as("seed %d: %s", seed, r.failure()).isFalse();
            if (r.trace().stream().anyMatch(e -> e.text().contains("collected before import checked it"))) {
                collectedFirst++;
            }
        }
        assertThat(collectedFirst).as("the collector sometimes wins before import looks, and that is tolerated")
                .isPositive();
    }

    /**
     * With the starvation bound the CLI's exhaustive search uses: a drv the collector deleted before
     * the trampoline looked sends the worker through a substitution goal whose temp root retries
     * every 100 ms while the collector runs, and unbounded, each retry is one more branch.
     */
    @Test
    void realisingAnExistingDrvCanAbortTheWorkerOnTheTrampolineAssertion() throws ScenarioException {
        for (String id : List.of("nix-master", "master-copy-roots", "master-input-roots", "master-import-root")) {
            Runner runner = new Runner(scenario("realise-existing-drv"), variant(id), MAX_STEPS,
                    DfsOptions.DEFAULT_STARVATION_BOUND);

            DfsResult result = dfs(setAside(runner, c -> c.startsWith("DerivationTrampolineGoal")));

            assertThat(result.verdict()).as(id).isEqualTo(Verdict.FAIL);
            assertThat(result.failure().failure().kind()).as(id).isEqualTo("daemon-crash");
            assertThat(result.failure().trace()).as(id).anyMatch(e -> e.text().contains("assertion fails"));
        }
    }

    @Test
    void theLostConnectionWindowIsOpenUnderEveryMasterVariantAndClosedByARootedCacheHitWithoutTheWideMemo()
            throws ScenarioException {
        for (String id : List.of("nix-master", "master-temp-roots-first", "master-copy-roots", "master-input-roots",
                "master-import-root")) {
            assertThat(dfs("lost-connection-memo", id).verdict()).as(id).isEqualTo(Verdict.FAIL);
        }
        DfsResult before = dfs("lost-connection-memo", "drv-and-fetch");
        assertThat(before.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(before.complete()).isTrue();
    }
}
