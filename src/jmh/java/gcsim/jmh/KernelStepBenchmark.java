package gcsim.jmh;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.kernel.Frame;
import gcsim.kernel.Kernel;
import gcsim.kernel.Mutex;
import gcsim.search.RandomWalk;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one kernel step, without the Nix model: two or eight actors each take and release one
 * shared mutex {@value #TURNS} times, under a seeded random walk. Actors wait on the mutex while
 * another holds it, so the figure includes keeping the runnable set up to date; the two sizes show
 * whether a step costs more when more actors wait.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelStepBenchmark {
    static final int TURNS = 50;


    private final RandomWalk strategy = new RandomWalk(1);
    private long seed;

    /** One actor's loop: wait for the mutex, take it, release it, again. */
    static final class Locker extends Frame {
        private final Mutex mutex;
        private int turns;

        Locker(Mutex mutex) {
            this.mutex = mutex;
        }

        @Override
        protected Control step(Actor self) {
            switch (pc) {
                case 0:
                    if (turns++ == TURNS) {
                        return self.ret(null);
                    }
                    pc = 1;
                    return self.await(mutex.free());
                case 1:
                    mutex.lock(self);
                    return yieldTo(2);
                default:
                    mutex.unlock(self);
                    return yieldTo(0);
            }
        }
    }

    /** Per step: an execution has about three steps per turn per actor. */
    @Benchmark
    @OperationsPerInvocation(3 * TURNS * 2)
    public int twoActorsStep() {
        return run(2);
    }

    @Benchmark
    @OperationsPerInvocation(3 * TURNS * 8)
    public int eightActorsStep() {
        return run(8);
    }

    private int run(int n) {
        strategy.reseed(seed++);
        Kernel k = new Kernel(strategy, 1_000_000);
        Mutex m = new Mutex(k);
        for (int i = 0; i < n; i++) {
            k.newProcess("p" + i).spawn("a" + i, new Locker(m));
        }
        return k.run().steps();
    }
}
