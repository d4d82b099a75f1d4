package gcsim.search.dfs;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.RunResult;
import gcsim.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit of the footprint contract the reduction rests on. */
class FootprintAuditTest {

    @Test
    void everyAdjacentIndependentPairOfTheToysCommutes() {
        for (Toy toy : Toys.all()) {
            List<RunResult> runs = new ArrayList<>();
            new Dfs().explore(toy, Outcomes.everything(), runs::add);
            for (RunResult r : runs) {
                assertThat(FootprintAudit.audit(toy, r.schedule(), 10)).as(toy + " " + r.schedule()).isEmpty();
            }
        }
    }

    @Test
    void aStepThatHidesAReadMakesTheSearchMissAnOutcomeAndTheAuditNamesTheTwoSteps() {
        Toy toy = Toys.unrecordedFlag();
        BruteForce.Result brute = BruteForce.enumerate(toy, 1000);
        Outcomes reached = new Outcomes();
        List<RunResult> runs = new ArrayList<>();

        new Dfs().explore(toy, Outcomes.everything(), reached.andThen(runs::add));
        List<FootprintAudit.Finding> findings = FootprintAudit.audit(toy, runs.get(0).schedule(), 10);

        assertThat(brute.terminalStates()).hasSize(2);
        assertThat(reached.terminalStates).hasSize(1); // the reduction trusted the footprints
        assertThat(findings).hasSize(1);
        FootprintAudit.Finding f = findings.get(0);
        assertThat(f.step()).isZero();
        assertThat(List.of(f.firstName(), f.secondName())).containsExactly("raiser", "reader");
        assertThat(f.what()).contains("terminal state");
    }

    @Test
    void aClockAdvanceIsAuditedLikeAnyOtherStep() {
        Toy toy = Toys.threeActors();
        List<RunResult> runs = new ArrayList<>();
        new Dfs().explore(toy, Outcomes.everything(), runs::add);

        boolean advanced = runs.stream().anyMatch(r -> r.schedule().choices().contains(0));

        assertThat(advanced).as("some execution picks a clock advance (choice 0)").isTrue();
        assertThat(Kernel.ADVANCE_CLOCK).isEqualTo(Integer.MAX_VALUE);
    }
}
