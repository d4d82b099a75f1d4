package gcsim.search.dfs;

/**
 * Thrown by the search's strategy to abandon an execution whose every continuation is redundant
 * (all options asleep) or forbidden (beyond the preemption bound). Runs are stateless and rebuilt
 * from scratch, so unwinding out of the kernel leaves nothing behind.
 */
final class Abandon extends RuntimeException {
    Abandon() {
        super("execution abandoned", null, false, false);
    }
}
