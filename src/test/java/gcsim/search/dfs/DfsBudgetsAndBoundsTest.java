package gcsim.search.dfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gcsim.check.Executor;
import gcsim.check.RunResult;
import gcsim.kernel.Strategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verdicts, budgets, the step bound, the preemption bound, determinism. */
class DfsBudgetsAndBoundsTest {

    @Test
    void aSearchThatRunsOutOfExecutionsIsIncomplete() {
        DfsResult result = new Dfs().explore(Toys.threeActors(), DfsOptions.defaults().withMaxExecutions(5));

        assertThat(result.verdict()).isEqualTo(Verdict.INCOMPLETE);
        assertThat(result.complete()).isFalse();
        assertThat(result.executions()).isEqualTo(5);
        assertThat(result.failure()).isNull();
    }

    @Test
    void aRaceFreeSystemIsVerifiedWithASingleExecution() {
        DfsResult result = new Dfs().explore(Toys.raceFree(), DfsOptions.defaults());

        assertThat(result.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(result.complete()).isTrue();
        assertThat(result.executions()).isEqualTo(1);
        assertThat(result.terminalStates()).isEqualTo(1);
        assertThat(result.pruned()).isPositive();
        assertThat(result.cut()).isZero();
    }

    @Test
    void aPreemptionBoundOfZeroRunsExactlyTheNonPreemptiveSchedules() {
        for (Toy toy : List.of(Toys.threeActors(), Toys.checkThenAct(), GcToys.readdir(), Toys.exitKills())) {
            BruteForce.Result brute = BruteForce.enumerate(toy, 1_000_000, 0);
            Outcomes ran = new Outcomes();

            DfsResult result = new Dfs().explore(toy, new DfsOptions(1_000_000, 0, false), ran);

            assertThat(ran.schedules).as(toy.toString()).containsExactlyInAnyOrderElementsOf(brute.schedules());
            assertThat(ran.terminalStates).as(toy.toString()).isEqualTo(brute.terminalStates());
            assertThat(result.preemptionBound()).isZero();
            assertThat(result.boundSkipped()).isPositive();
            assertThat(result.verdict()).isNotEqualTo(Verdict.INCOMPLETE);
        }
    }

    @Test
    void aPreemptionBoundOfOneRunsExactlyTheSchedulesWithAtMostOnePreemption() {
        Toy toy = Toys.threeActors();
        BruteForce.Result brute = BruteForce.enumerate(toy, 1_000_000, 1);
        Outcomes ran = new Outcomes();

        new Dfs().explore(toy, new DfsOptions(1_000_000, 1, false), ran);

        assertThat(ran.schedules).containsExactlyInAnyOrderElementsOf(brute.schedules());
    }

    @Test
    void aReducedSearchUnderABoundRunsOnlySchedulesWithinTheBoundAndFewerOfThem() {
        Toy toy = Toys.threeActors();
        BruteForce.Result bounded = BruteForce.enumerate(toy, 1_000_000, 1);
        Outcomes ran = new Outcomes();

        DfsResult result = new Dfs().explore(toy, new DfsOptions(1_000_000, 1, false, true), ran);

        assertThat(bounded.schedules()).containsAll(ran.schedules);
        assertThat(result.executions()).isLessThan(bounded.executions());
        assertThat(result.pruned()).isPositive();
    }

    @Test
    void executionsCutByTheStepBoundAreCountedAndDoNotHideTheActorsTheyStarved() {
        BruteForce.Result brute = BruteForce.enumerate(LoopToys.spinner(20), 1_000_000);
        Outcomes reached = new Outcomes();

        DfsResult result = new Dfs().explore(LoopToys.spinner(20), Outcomes.everything(), reached);

        assertThat(result.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(result.cut()).isPositive();
        assertThat(reached.terminalStates).isEqualTo(brute.terminalStates()).isNotEmpty();
    }

    @Test
    void aLoopThatWaitsOnTimeEndsOnlyAtTheStepBoundUnlessAStarvationBoundHoldsTheClockBack() {
        for (boolean busy : new boolean[] {false, true}) {
            DfsResult unbounded = new Dfs().explore(LoopToys.retryLoop(40, busy), DfsOptions.defaults().withMaxExecutions(20_000));
            DfsResult bounded = new Dfs().explore(LoopToys.retryLoop(40, busy).withStarvationBound(1), DfsOptions.defaults());

            assertThat(unbounded.cut()).as("busy: " + busy).isPositive();
            assertThat(bounded.verdict()).as("busy: " + busy).isEqualTo(Verdict.VERIFIED);
            assertThat(bounded.cut()).as("busy: " + busy).isZero();
            assertThat(bounded.executions()).as("busy: " + busy).isLessThan(unbounded.executions());
        }
    }

    @Test
    void withoutStoppingAtTheFirstFailureTheSearchGoesOnAndReportsTheFirst() {
        List<Boolean> failed = new ArrayList<>();

        DfsResult result = new Dfs().explore(Toys.checkThenAct(), Outcomes.everything(), r -> failed.add(r.failed()));

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.complete()).isTrue();
        assertThat(failed).contains(false);
        // abandoned (sleep-set blocked) executions are run but not reported, so count reported ones only
        assertThat(failed.indexOf(true)).isGreaterThanOrEqualTo(0);
        assertThat(result.failure().failure().message()).startsWith("double-create");
    }

    @Test
    void stoppingAtTheFirstFailureEndsTheSearchAtThatExecution() {
        DfsResult result = new Dfs().explore(Toys.checkThenAct(), DfsOptions.defaults());

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.complete()).isFalse();
        assertThat(result.executions()).isEqualTo(result.failureIndex() + 1);
    }

    @Test
    void theSameOptionsExploreTheSameExecutionsInTheSameOrder() {
        Outcomes first = new Outcomes();
        Outcomes second = new Outcomes();

        DfsResult a = new Dfs().explore(Toys.threeActors(), Outcomes.everything(), first);
        DfsResult b = new Dfs().explore(Toys.threeActors(), Outcomes.everything(), second);

        assertThat(second.schedules).isEqualTo(first.schedules);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void anExecutorThatDoesNotRepeatItselfIsReported() {
        Executor flaky = new Executor() {
            private int runs;

            @Override
            public RunResult run(Strategy strategy, boolean trace) {
                Toy toy = runs++ % 2 == 0 ? Toys.threeActors() : Toys.checkThenAct();
                return toy.run(strategy, trace);
            }
        };

        assertThatThrownBy(() -> new Dfs().explore(flaky, Outcomes.everything()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not deterministic");
    }
}
