package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where an actor resumes, by meaning: what a transfer of a counterexample to another variant follows. */
class ActorPointTest {
    /** A frame about datum 7. */
    private static final class AboutSeven extends Frame {
        @Override
        protected Control step(Actor self) {
            if (pc == 0) {
                return yieldTo(2);
            }
            return self.ret(null);
        }

        @Override
        protected int subject() {
            return 7;
        }
    }

    @Test
    void anActorsPointIsItsTopFramesClassAndProgramCounterWithTheDatumItIsAboutThenDone() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        Actor plain = k.newProcess("p").spawn("plain", Script.of(self -> Control.YIELD));
        Actor about = k.newProcess("q").spawn("about", new AboutSeven());

        assertThat(plain.point()).isEqualTo("Script@0");
        assertThat(about.point()).isEqualTo("AboutSeven@0#7");
        k.run();
        assertThat(plain.point()).isEqualTo("done");
        assertThat(about.point()).isEqualTo("done");
    }
}
