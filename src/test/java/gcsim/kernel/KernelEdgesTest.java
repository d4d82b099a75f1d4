package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kernel entry points that the run loop's tests do not reach: telling the strategy of a start it
 * chooses, refusing a late {@code startsWhen}, waking a guard over state no step writes, and the
 * closed flags of connections and open files.
 */
class KernelEdgesTest {
    /** Lowest option, recording every start the kernel says is pending. */
    private static final class StartsRecorder implements Strategy {
        final List<Integer> pending = new ArrayList<>();

        @Override
        public void beginExecution() {}

        @Override
        public int nextActor(int[] options, int count, int current) {
            return options[0];
        }

        @Override
        public int nextValue(int bound) {
            return 0;
        }

        @Override
        public void startPending(int actor) {
            pending.add(actor);
        }
    }

    @Test
    void theStrategyHearsOfEveryChosenStartBeforeTheRunAndDuringIt() {
        StartsRecorder s = new StartsRecorder();
        Kernel k = new Kernel(s, 100);
        Actor early = k.newProcess("p").spawn("early", Script.of(self -> self.ret(null)));
        k.startChosen(early);
        assertThat(s.pending).isEmpty(); // told once the execution has begun
        k.newProcess("q").spawn("spawner", Script.of(self -> {
            Actor late = k.newProcess("r").spawn("late", Script.of(x -> x.ret(null)));
            k.startChosen(late);
            return self.ret(null);
        }));

        k.run();

        assertThat(s.pending).containsExactly(0, 2);
    }

    @Test
    void startsWhenIsRefusedOnceTheActorWaitsOrTheExecutionHasRun() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        Actor a = k.newProcess("p").spawn("a", Script.of(self -> self.ret(null)));
        a.startsWhen(Guard.at(k, 5));
        assertThatThrownBy(() -> a.startsWhen(Guard.at(k, 6))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a has already run or waits already");
        k.run();
        Actor b = k.newProcess("q").spawn("b", Script.of(self -> self.ret(null)));
        assertThatThrownBy(() -> b.startsWhen(Guard.at(k, 9))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aGuardOverStateNoStepWritesRunsOnceTheStateIsWoken() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        int resource = k.newResource();
        boolean[] flag = {false};
        Guard flagSet = Guard.watching(resource, () -> flag[0]);
        List<String> log = new ArrayList<>();
        k.newProcess("p").spawn("waiter", Script.of(self -> self.await(flagSet), self -> {
            log.add("woken");
            return self.ret(null);
        }));
        k.newProcess("q").spawn("setter", Script.of(self -> {
            flag[0] = true;
            k.wake(resource);
            return self.ret(null);
        }));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).containsExactly("woken");
    }

    @Test
    void connectionEndsAndOpenFilesSayWhetherTheyAreClosed() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        SimProcess server = k.newProcess("server");
        SimProcess client = k.newProcess("client");
        SocketFile file = new SocketFile(k, "/s");
        file.bind(server);
        Connection.End end = file.connect(client);
        OpenFile open = new OpenFile(client, new Flock(k), "lock");

        assertThat(end.closed()).isFalse();
        assertThat(open.closed()).isFalse();
        end.close();
        open.close();
        assertThat(end.closed()).isTrue();
        assertThat(open.closed()).isTrue();
    }

    @Test
    void closingAnOpenFileReleasesTheLockItHeld() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        Flock flock = new Flock(k);
        OpenFile open = new OpenFile(k.newProcess("p"), flock, "gc.lock");
        flock.lock(open, true);
        assertThat(flock.free()).isFalse();

        open.close();

        assertThat(flock.free()).isTrue();
    }
}
