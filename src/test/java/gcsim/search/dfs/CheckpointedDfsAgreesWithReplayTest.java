package gcsim.search.dfs;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.Executor;
import gcsim.check.Runner;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioException;
import gcsim.scenario.ScenarioLoader;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exhaustive search that resumes executions from copies of the world ({@link Checkpoints}) and
 * analyses only what changed must explore exactly what the search that replays every execution from
 * the start explores: the same executions in the same order, the same pruned branches, terminal
 * states and verdict; underneath, the same log of every execution's steps (a resumed explorer that
 * misremembered which processes had exited would log kills that did not happen) and the same races
 * from the incremental analysis as from a whole one. Library cells of different shapes (a concurrent collector, an automatic one,
 * data choices, process exits) within a budget, and toys to the end.
 */
class CheckpointedDfsAgreesWithReplayTest {
    private static final int MAX_STEPS = 100_000;
    private static final int STARVATION = 3;

    /** Runs both and compares; returns how many executions the copying search resumed from a copy. */
    private static long agree(Executor executor, DfsOptions options, String as) {
        Outcomes replayed = new Outcomes();
        DfsSession replay = new DfsSession(executor, options, false);
        List<String> replayedLogs = new ArrayList<>();
        replay.audit((log, nodes, from) -> replayedLogs.add(logged(log)));
        replay.run(options.maxExecutions(), replayed);
        Outcomes resumed = new Outcomes();
        DfsSession copies = new DfsSession(executor, options, true);
        AnalysedAgain again = new AnalysedAgain();
        copies.audit(again);
        copies.run(options.maxExecutions(), resumed);

        assertThat(again.logs).as(as + ": what the search logged of each execution's steps").isEqualTo(replayedLogs);
        assertThat(again.differences).as(as + ": executions whose incremental analysis reported otherwise").isEmpty();
        assertThat(again.executions).as(as + ": executions analysed again").isPositive();
        assertThat(resumed.schedules).as(as + ": the executions, in order").isEqualTo(replayed.schedules);
        assertThat(copies.result().summary()).as(as).isEqualTo(replay.result().summary());
        assertThat(resumed.terminalStates).as(as).isEqualTo(replayed.terminalStates);
        return copies.resumedFromCopies();
    }

    /** Every step the log holds: who ran it, what it touched, whom it killed, whether its actor finished or waits. */
    private static String logged(StepLog log) {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < log.size; s++) {
            b.append(log.slot[s]).append(java.util.Arrays.toString(log.accesses[s])).append(log.killed[s])
                    .append(log.finished.get(s) ? 'f' : '-').append(log.blocked.get(s) ? 'b' : '-').append(';');
        }
        return b.append(log.after).append(log.stopped).toString();
    }

    /**
     * Analyses every execution again, both incrementally and whole, and records the executions whose
     * two analyses reported different races or disablings (in kind, order or content).
     */
    private static final class AnalysedAgain implements AnalysisAudit {
        private final RaceAnalysis incremental = new RaceAnalysis();
        private final RaceAnalysis whole = new RaceAnalysis();
        final List<Long> differences = new ArrayList<>();
        final List<String> logs = new ArrayList<>();
        long executions;

        AnalysedAgain() {
            whole.whole = true;
        }

        @Override
        public void analysed(StepLog log, List<Node> nodes, int from) {
            logs.add(logged(log));
            if (!reports(incremental, log, nodes, from).equals(reports(whole, log, nodes, from))) {
                differences.add(executions);
            }
            executions++;
        }

        private static List<String> reports(RaceAnalysis analysis, StepLog log, List<Node> nodes, int from) {
            List<String> out = new ArrayList<>();
            analysis.analyse(log, nodes, from, new RaceSink() {
                @Override
                public void race(int e, int racer, BitSet initials, boolean enabling) {
                    out.add("race " + e + " " + racer + " " + initials + " " + enabling);
                }

                @Override
                public void disabled(int e, int slot) {
                    out.add("disabled " + e + " " + slot);
                }
            });
            return out;
        }
    }

    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource({"gc-concurrent, early-return", "auto-gc-own-build, early-return", "gc-non-blocking, nix-master",
            "hosts-drv, early-return", "gc-auto, nix-master", "heavy-load, early-return"})
    void aLibraryCellExploresTheSameExecutionsWhetherResumedFromCopiesOrReplayed(String name, String variantId)
            throws ScenarioException {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios/" + name + ".yaml"));
        Variant variant = VariantLoader.load(Path.of("scenarios/variants.yaml")).stream()
                .filter(v -> v.id().equals(variantId)).findFirst().orElseThrow();
        DfsOptions options = new DfsOptions(800, null, false);
        long resumed = agree(new Runner(scenario, variant, MAX_STEPS, STARVATION), options, name + " under " + variantId);
        assertThat(resumed).as("executions resumed from a copy").isGreaterThan(options.maxExecutions() / 2);
    }

    static Stream<Arguments> toys() {
        return Stream.of(Arguments.of("checkThenAct", (Supplier<Toy>) Toys::checkThenAct),
                Arguments.of("gcSocket", (Supplier<Toy>) GcToys::gcSocket),
                Arguments.of("readdir", (Supplier<Toy>) GcToys::readdir),
                Arguments.of("exitKills", (Supplier<Toy>) Toys::exitKills),
                Arguments.of("allDependent", (Supplier<Toy>) Toys::allDependent));
    }

    @ParameterizedTest(name = "toy {0}")
    @MethodSource("toys")
    void aToyExploresTheSameExecutionsToTheEndWhetherResumedFromCopiesOrReplayed(String toy, Supplier<Toy> make) {
        agree(make.get(), Outcomes.everything(), toy);
    }

    @Test
    void randomSystemsWithLocksWaitsExitsAndDataChoicesExploreTheSameExecutionsEitherWay() {
        long resumed = 0;
        for (long seed = 1; seed <= 25; seed++) {
            resumed += agree(RandomSystems.system(seed), Outcomes.everything(), "random system " + seed);
        }
        assertThat(resumed).as("executions resumed from a copy").isPositive();
    }
}
