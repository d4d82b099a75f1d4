package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A frame written the way the model writes them, a switch over its program counter, rather than
 * through the tests' {@link Script}: {@link Frame#goTo} runs the next piece inside the same step,
 * and a frame that does not override {@link Frame#handle} lets every fault pass to its caller.
 */
class PlainFrameTest {
    private final List<String> log = new ArrayList<>();

    /** Logs "one", goes straight on to "two", yields, then logs "three" and returns. */
    private final class Counting extends Frame {
        @Override
        protected Control step(Actor self) {
            switch (pc) {
                case 0:
                    log.add("one@" + self.kernel().steps());
                    return goTo(1);
                case 1:
                    log.add("two@" + self.kernel().steps());
                    return yieldTo(2);
                default:
                    log.add("three@" + self.kernel().steps());
                    return self.ret("counted");
            }
        }
    }

    /** Throws at its first step, without a handler of its own. */
    private final class Throwing extends Frame {
        @Override
        protected Control step(Actor self) {
            log.add("throws");
            throw new Fault("Boom", "plain frame failed");
        }
    }

    @Test
    void goToRunsTheNextPieceInTheSameStepAndYieldToEndsIt() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        Actor a = k.newProcess("p").spawn("a", new Counting());

        Outcome o = k.run();

        assertThat(log).containsExactly("one@1", "two@1", "three@2");
        assertThat(o.steps()).isEqualTo(2);
        assertThat(a.result()).isEqualTo("counted");
    }

    @Test
    void aFrameWithoutAHandlerPassesTheFaultToItsCaller() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        Script caller = Script.of(self -> self.call(new Throwing()), self -> {
            log.add("caller resumed");
            return self.ret(null);
        }, self -> {
            log.add("caller handles");
            return self.ret("handled");
        }).onFault("Boom", 2);
        Actor a = k.newProcess("p").spawn("a", caller);

        k.run();

        assertThat(log).containsExactly("throws", "caller handles");
        assertThat(caller.caught).singleElement().satisfies(f -> assertThat(f.getMessage()).isEqualTo("plain frame failed"));
        assertThat(a.result()).isEqualTo("handled");
        assertThat(a.failure()).isNull();
    }
}
