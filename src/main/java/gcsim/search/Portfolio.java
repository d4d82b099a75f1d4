package gcsim.search;

import gcsim.check.Executor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What {@code search} runs when no strategy is named: several searches in turn, each in slices of
 * one budget, stopping at the first failure. Why: no one strategy finds every race soon. A random
 * walk finds races that need many short interleavings; PCT finds those in which one process must sit
 * idle through a long stretch of another's steps (a collector that must read the temp roots only
 * after a build and a reconnect: 100,000 random schedules missed it, PCT failed it within a hundred);
 * the exhaustive search finds what needs a precise sequence of both, and can prove a pass. A new
 * user should not have to know which one to ask for.
 *
 * <p>How: the budget is shared equally among the members ({@link #standard()}, the one list to
 * extend). Each round gives every member, in list order, its next slice: an eighth of its share, at
 * most {@value #MAX_SLICE} runs, so that a member that would find the failure late cannot hold back
 * one that finds it early. A seeded member's slice is the next range of its schedule indices, with
 * the seeds a whole run would use ({@link Search#run(long, long, long, int, Search.Progress)}), so
 * its failing schedule replays by seed; PCT's decision estimate carries over from slice to slice.
 * The exhaustive member resumes where its last slice stopped ({@link ExhaustiveSession}) on an
 * executor of its own (one with a starvation bound, which keeps its space finite). A member whose
 * search has ended (the exhaustive search exhausted its space) leaves its rest of the share unused.
 *
 * <p>Deterministic: the runs, and so the failure found first (first round, then first member in list
 * order), depend only on the members, the budget, the seed and the executors, never on timing or
 * the number of threads.
 */
public final class Portfolio {
    /** The largest slice, in schedules or executions. */
    public static final int MAX_SLICE = 2048;
    /** A member's share is run in about this many slices. */
    public static final int SLICES_PER_SHARE = 8;

    /** A search in the portfolio; {@code name} is how the output names it. */
    public sealed interface Member permits Seeded, Systematic {
        String name();
    }

    /** A seeded search: a random walk or PCT at a depth ({@code pctDepth} matters for PCT only). */
    public record Seeded(String name, StrategyKind kind, int pctDepth) implements Member {}

    /** An exhaustive search, run in slices through {@link Exhaustive#session}. */
    public record Systematic(String name, Exhaustive search) implements Member {}

    /**
     * The members, in the order each round runs them: a random walk, PCT at depths 2 and 3, and the
     * exhaustive depth-first search with partial-order reduction. Add a search here to add it to the
     * default {@code search}.
     */
    public static List<Member> standard() {
        return List.of(new Seeded("random", StrategyKind.RANDOM, 1), new Seeded("pct-2", StrategyKind.PCT, 2),
                new Seeded("pct-3", StrategyKind.PCT, 3), new Systematic("dfs", new DfsExhaustive(null)));
    }

    /**
     * What one member did.
     *
     * @param runs schedules or executions run (a failing one included)
     * @param cut those that hit the step bound (seeded members only; the exhaustive result has its own)
     * @param maxActors the most options seen (seeded members), for PCT's bound
     * @param maxSteps the longest non-cut execution (seeded members): PCT's k
     * @param exhaustive the exhaustive member's result so far, else null
     */
    public record Figures(Member member, long runs, long cut, int maxActors, int maxSteps, ExhaustiveResult exhaustive) {}

    /**
     * @param members every member's figures, in list order
     * @param found the first failure ({@link CellCheck.Found#strategy()} is the member's name), or null
     * @param elapsedMs wall time, for reporting only
     */
    public record Result(List<Figures> members, CellCheck.Found found, long elapsedMs) {
        /** Runs of all members together. */
        public long runs() {
            return members.stream().mapToLong(Figures::runs).sum();
        }
    }

    /** A seeded member's execution threw: a bug in gcsim, with what is needed to reproduce it by seed. */
    public static final class Crash extends RuntimeException {
        private final Seeded member;
        private final transient SearchCrash crash;

        Crash(Seeded member, SearchCrash crash) {
            super(member.name() + ": " + crash.getMessage(), crash.getCause());
            this.member = member;
            this.crash = crash;
        }

        public Seeded member() {
            return member;
        }

        public SearchCrash crash() {
            return crash;
        }
    }

    /** Told which member runs and how many runs all members have done so far; for progress output. */
    @FunctionalInterface
    public interface Progress {
        void update(String member, long runsSoFar);
    }

    private final List<Member> members;
    private final Supplier<? extends Executor> executors;
    private final Supplier<? extends Executor> exhaustiveExecutors;
    private final int threads;

    /**
     * @param executors makes the seeded members' executors (one per worker thread)
     * @param exhaustiveExecutors makes the executor the exhaustive members explore
     * @param threads worker threads of each seeded slice
     */
    public Portfolio(List<Member> members, Supplier<? extends Executor> executors,
                     Supplier<? extends Executor> exhaustiveExecutors, int threads) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a portfolio needs at least one member");
        }
        this.members = List.copyOf(members);
        this.executors = executors;
        this.exhaustiveExecutors = exhaustiveExecutors;
        this.threads = threads;
    }

    /**
     * Runs the portfolio within {@code budget} runs in all.
     *
     * @param initialDecisions PCT's first decision estimate
     * @throws Crash when an execution of a seeded member throws
     */
    public Result run(long seed, long budget, int initialDecisions, Progress progress) {
        long start = System.nanoTime();
        int m = members.size();
        long[] share = new long[m];
        long[] slice = new long[m];
        long[] used = new long[m];
        long[] cut = new long[m];
        int[] maxActors = new int[m];
        int[] maxSteps = new int[m];
        ExhaustiveSession[] sessions = new ExhaustiveSession[m];
        boolean[] over = new boolean[m];
        for (int i = 0; i < m; i++) {
            share[i] = budget / m + (i < budget % m ? 1 : 0);
            slice[i] = Math.max(1, Math.min(MAX_SLICE, (share[i] + SLICES_PER_SHARE - 1) / SLICES_PER_SHARE));
            over[i] = share[i] == 0;
        }
        CellCheck.Found found = null;
        boolean more = true;
        while (more && found == null) {
            more = false;
            for (int i = 0; i < m && found == null; i++) {
                if (over[i]) {
                    continue;
                }
                long n = Math.min(slice[i], share[i] - used[i]);
                long before = total(used);
                Member member = members.get(i);
                if (member instanceof Seeded s) {
                    SearchResult r;
                    try {
                        r = new Search(executors, () -> s.kind().create(seed, s.pctDepth()), threads)
                                .run(seed, used[i], n, Math.max(initialDecisions, maxSteps[i]),
                                        done -> progress.update(s.name(), before + done));
                    } catch (SearchCrash c) {
                        throw new Crash(s, new SearchCrash(used[i] + c.index(), c.seed(), c.decisionEstimate(), c.getCause()));
                    }
                    used[i] += r.schedules();
                    cut[i] += r.cut();
                    maxActors[i] = Math.max(maxActors[i], r.maxActors());
                    maxSteps[i] = Math.max(maxSteps[i], r.maxSteps());
                    if (r.failed()) {
                        SearchResult.Failing f = r.failing();
                        found = new CellCheck.Found(s.name(), used[i], f.seed(),
                                s.kind() == StrategyKind.PCT ? f.decisionEstimate() : null, f.result());
                    }
                } else {
                    Systematic x = (Systematic) member;
                    if (sessions[i] == null) {
                        sessions[i] = x.search().session(exhaustiveExecutors.get(), share[i]);
                    }
                    used[i] += sessions[i].run(n);
                    if (sessions[i].failed()) {
                        ExhaustiveResult res = sessions[i].result();
                        found = new CellCheck.Found(x.name(), res.failureIndex() + 1, null, null, res.failure());
                    }
                    over[i] = sessions[i].over();
                }
                progress.update(member.name(), total(used));
                over[i] |= used[i] >= share[i];
                more |= !over[i];
            }
        }
        List<Figures> figures = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            ExhaustiveResult x = sessions[i] == null ? null : sessions[i].result();
            figures.add(new Figures(members.get(i), used[i], cut[i], maxActors[i], maxSteps[i], x));
        }
        return new Result(List.copyOf(figures), found, (System.nanoTime() - start) / 1_000_000);
    }

    private static long total(long[] used) {
        long t = 0;
        for (long u : used) {
            t += u;
        }
        return t;
    }
}
