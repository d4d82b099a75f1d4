package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The kernel's kept runnable set: a guard that watches a resource is asked again after a write to
 * it, one that watches nothing at every decision, and the tests' audit catches a guard that claims
 * a resource whose changes are not all written.
 */
class ReadinessTest {
    /** A shared flag, as model state is: set by one actor, waited on by another. */
    static final class Flag {
        boolean up;
    }

    /** Waits on {@code guard}, then ends. */
    static Frame waiter(Guard guard) {
        return new Frame() {
            @Override
            protected Control step(Actor self) {
                if (pc == 0) {
                    pc = 1;
                    return self.await(guard);
                }
                return self.ret(null);
            }
        };
    }

    /** Yields once, then raises the flag (writing {@code resource} when it is not negative), then ends. */
    static Frame raiser(Kernel k, Flag flag, int resource) {
        return new Frame() {
            @Override
            protected Control step(Actor self) {
                if (pc == 0) {
                    return yieldTo(1);
                }
                if (resource >= 0) {
                    k.write(resource);
                }
                flag.up = true;
                return self.ret(null);
            }
        };
    }

    @Test
    void aGuardThatWatchesAResourceWakesAfterAWriteToIt() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        Flag flag = new Flag();
        int r = k.newResource();
        Actor w = k.newProcess("w").spawn("waiter", waiter(Guard.watching(r, () -> flag.up)));
        k.newProcess("s").spawn("raiser", raiser(k, flag, r));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(w.done()).isTrue();
    }

    @Test
    void aGuardThatWatchesNothingIsAskedAtEveryDecision() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        Flag flag = new Flag();
        Actor w = k.newProcess("w").spawn("waiter", waiter(new Guard() { // declares no resource: asked at every decision
            @Override
            public boolean ready() {
                return flag.up;
            }
        }));
        k.newProcess("s").spawn("raiser", raiser(k, flag, -1));

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(w.done()).isTrue();
    }

    @Test
    void theAuditCatchesAGuardWhoseStateChangesWithoutAWriteToTheResourceItWatches() {
        assumeTrue(Boolean.getBoolean("gcsim.auditReadiness"), "the tests run with -Dgcsim.auditReadiness=true");
        Kernel k = new Kernel(FixedStrategy.lowest(), 100);
        Flag flag = new Flag();
        int r = k.newResource();
        k.newProcess("w").spawn("waiter", waiter(Guard.watching(r, () -> flag.up)));
        k.newProcess("s").spawn("raiser", raiser(k, flag, -1));

        assertThatThrownBy(k::run).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("readiness kept for step").hasMessageContaining("misses waiter");
    }

    @Test
    void aKilledActorLeavesTheRunnableSet() {
        Kernel k = new Kernel(FixedStrategy.roundRobin(), 100);
        SimProcess p = k.newProcess("p");
        Actor spinner = p.spawn("spinner", new Frame() {
            @Override
            protected Control step(Actor self) {
                return yieldTo(0); // would run forever
            }
        });
        k.newProcess("killer").spawn("killer", new Frame() {
            @Override
            protected Control step(Actor self) {
                p.exit();
                return self.ret(null);
            }
        });

        Outcome o = k.run();

        assertThat(spinner.done()).isTrue();
        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(o.steps()).isLessThan(100);
    }
}
