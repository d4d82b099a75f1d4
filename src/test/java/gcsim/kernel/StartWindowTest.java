package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A window guard lets its actor start at any point of {@code [opens, closes]} the strategy chooses:
 * the clock may reach the window's end while the actor waits, but never pass it.
 */
class StartWindowTest {
    private static final long S = 1_000_000_000L;

    private final List<String> log = new ArrayList<>();

    /** A sleeper (actor 0) and an actor (1) waiting on the window [1s, 3s]. */
    private Kernel windowAndSleeper(Strategy s) {
        Kernel k = new Kernel(s, 1000);
        k.newProcess("q").spawn("sleeper", Script.of(self -> self.sleep(10 * S), self -> {
            log.add("sleeper@" + VirtualTime.format(k.now()));
            return self.ret(null);
        }));
        k.newProcess("p").spawn("windowed", Script.of(self -> self.await(Guard.window(k, S, 3 * S)), self -> {
            log.add("windowed@" + VirtualTime.format(k.now()));
            return self.ret(null);
        }));
        return k;
    }

    @Test
    void aStrategyThatRunsTheWindowedActorAtOnceStartsItWhenTheWindowOpens() {
        Outcome o = windowAndSleeper(FixedStrategy.lowest()).run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).containsExactly("windowed@1s", "sleeper@10s");
    }

    @Test
    void aStrategyThatAlwaysAdvancesTheClockCannotPushItPastTheWindowsEnd() {
        Outcome o = windowAndSleeper(FixedStrategy.highest()).run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        // highest: the windowed actor waits first, then the clock is picked whenever offered
        assertThat(log).containsExactly("windowed@3s", "sleeper@13s");
    }

    @Test
    void twoWindowsHoldTheClockAtTheEarlierEnd() {
        Kernel k = windowAndSleeper(FixedStrategy.highest());
        k.newProcess("r").spawn("early", Script.of(self -> self.await(Guard.window(k, S, 2 * S)), self -> {
            log.add("early@" + VirtualTime.format(k.now()));
            return self.ret(null);
        }));

        k.run();

        assertThat(log).containsExactly("early@2s", "windowed@3s", "sleeper@13s");
    }

    @Test
    void anActorWokenByItsTimerDoesNotHoldTheClockAsAWindowDoes() {
        // long sleeps 5s, short sleeps 1s, then at 1s, with short ready, the clock is picked
        Kernel k = new Kernel(FixedStrategy.picking(0, 1, Kernel.ADVANCE_CLOCK), 1000);
        k.newProcess("p").spawn("long", Script.of(self -> self.sleep(5 * S), self -> {
            log.add("long@" + VirtualTime.format(k.now()));
            return self.ret(null);
        }));
        k.newProcess("q").spawn("short", Script.of(self -> self.sleep(S), self -> {
            log.add("short@" + VirtualTime.format(k.now()));
            return self.ret(null);
        }));

        k.run();

        assertThat(log).containsExactly("long@5s", "short@5s");
    }

    @Test
    void aProcessRemembersTheVirtualTimeItExitedAt() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        SimProcess p = k.newProcess("p");
        p.spawn("a", Script.of(self -> self.sleep(2 * S), self -> {
            self.process().exit();
            return Control.YIELD;
        }));
        assertThat(p.exitedAt()).isEqualTo(Guard.NEVER);

        k.run();

        assertThat(p.exited()).isTrue();
        assertThat(p.exitedAt()).isEqualTo(2 * S);
    }
}
