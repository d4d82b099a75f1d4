package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Footprints that the exhaustive search's reduction relies on to tell dependent steps apart: a step
 * whose footprint misses a write looks independent of the steps that read that state, and the search
 * then prunes schedules that differ. Each test names the state and the step that must write it.
 */
class FootprintsTheReductionTrustsTest {
    /** Runs each action as one step of one actor, in order, with footprints on. */
    private static Kernel stepsOf(Kernel k, SimProcess p, Runnable... actions) {
        List<Script.Step> steps = new ArrayList<>();
        for (Runnable r : actions) {
            steps.add(self -> {
                r.run();
                return Control.YIELD;
            });
        }
        p.spawn("a", Script.of(steps));
        k.run();
        return k;
    }

    /** The resources that step {@code s} wrote. */
    private static List<Integer> written(Footprints fp, int s) {
        List<Integer> out = new ArrayList<>();
        for (int access : fp.of(s)) {
            if ((access & 1) != 0) {
                out.add(access >> 1);
            }
        }
        return out;
    }

    /** The single resource that step {@code s} read. */
    private static int readBy(Footprints fp, int s) {
        assertThat(fp.of(s)).hasSize(1);
        return fp.of(s)[0] >> 1;
    }

    @Test
    void closingAListenerWritesTheListenerAndItsSocketFile() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100).withFootprints();
        SimProcess p = k.newProcess("daemon");
        SocketFile file = new SocketFile(k, "/nix/var/nix/daemon-socket/socket");
        Listener[] l = new Listener[1];
        stepsOf(k, p,
                () -> l[0] = file.bind(p),
                () -> file.exists(),
                () -> l[0].hasPending(),
                () -> l[0].close());

        Footprints fp = k.footprints();
        int fileResource = readBy(fp, 1);
        int listenerResource = readBy(fp, 2);
        assertThat(fileResource).isNotEqualTo(listenerResource);
        assertThat(written(fp, 3)).as("close(2) on the listening socket").contains(listenerResource, fileResource);
    }

    @Test
    void aClockAdvancePastAReadyActorWritesThatActorsStarvationCounter() {
        Kernel k = new Kernel(FixedStrategy.highest(), 1_000).withStarvationBound(3).withFootprints();
        k.newProcess("w").spawn("worker", Script.of(Script.yieldStep()));
        int[] polls = {0};
        k.newProcess("p").spawn("poller", Script.of(self -> {
            if (polls[0]++ == 10) {
                return Control.YIELD;
            }
            return Script.retryAfter(self, Guard.after(k, 1_000_000L));
        }));
        k.run();

        Footprints fp = k.footprints();
        int workerCounter = -1;
        for (int s = 0; s < fp.steps() && workerCounter < 0; s++) {
            if (fp.actor(s) == 0) { // the worker's own step writes its counter, and nothing else here
                workerCounter = written(fp, s).get(0);
            }
        }
        int clockStepsPassingTheWorker = 0;
        for (int s = 0; s < fp.steps(); s++) {
            if (fp.actor(s) < 0 && written(fp, s).contains(workerCounter)) {
                clockStepsPassingTheWorker++;
            }
        }
        // three advances (the bound) before each of the worker's two turns: its step, then its return
        assertThat(clockStepsPassingTheWorker).as("clock advances while the worker could run").isEqualTo(6);
    }
}
