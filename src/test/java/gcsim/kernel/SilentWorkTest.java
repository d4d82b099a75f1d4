package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Work done inside a step without a scheduling point counts toward the step bound, so an actor that
 * loops without ever yielding still ends at the bound; steps keep their numbers.
 */
class SilentWorkTest {
    private final List<String> log = new ArrayList<>();

    @Test
    void silentWorkReachingTheBoundCutsTheExecutionAtTheNextSchedulingPoint() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 10);
        int[] pieces = {0};
        k.newProcess("p").spawn("a", Script.of(self -> {
            while (!self.kernel().silentWork()) {
                pieces[0]++;
            }
            return Control.YIELD;
        }, Script.log(log, "ran on")));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.CUT);
        assertThat(o.steps()).isEqualTo(1);
        assertThat(pieces[0]).isEqualTo(8); // the ninth piece plus the one step reach the bound of ten
        assertThat(log).isEmpty();
    }

    @Test
    void silentWorkBelowTheBoundChangesNothing() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 10);
        k.newProcess("p").spawn("a", Script.of(self -> {
            self.kernel().silentWork();
            return Control.YIELD;
        }, Script.log(log, "ran on")));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).containsExactly("ran on");
    }
}
