package gcsim.differential;

import gcsim.search.SplitMix64;
import gcsim.variant.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The differential check of the model against real Nix 2.8: generate sequential histories, run each
 * on a fresh real store and in the model, and compare the paths valid before the final collection,
 * what {@code --print-dead} lists, and what survives {@code nix-store --gc}. Histories run on several
 * threads, each with its own store; the report lists them in history order, so it does not depend on
 * the number of threads.
 */
public final class Differential {
    /** Seeded schedules per model replay of a concurrent history. */
    static final int CONCURRENT_SCHEDULES = 50;
    private final RealNix real;
    private final HookedNix hooked;
    private final Variant variant;
    private final int threads;

    public Differential(NixInstall nix, Path tempParent, Variant variant, int threads) {
        this.real = new RealNix(nix, tempParent);
        this.hooked = new HookedNix(nix, tempParent);
        this.variant = variant;
        this.threads = threads;
    }

    /** The seed of history {@code index} (0-based) under base seed {@code base}, as schedules get theirs. */
    public static long historySeed(long base, long index) {
        return SplitMix64.mix(base, index);
    }

    /** One history's two outcomes and, when they differ, the one-line account of how. */
    public record Result(History history, Outcome real, Outcome model, String disagreement) {
        public boolean agrees() {
            return disagreement == null;
        }
    }

    /** One concurrent history's two outcomes: which of its paths the paused collection kept. */
    public record ConcurrentResult(ConcurrentHistory history, Outcome real, Outcome model, String disagreement) {
        public boolean agrees() {
            return disagreement == null;
        }
    }

    /**
     * Runs every {@link ConcurrentHistory} on real Nix, with the collector held at a test hook, and
     * in the model's replay of the same interleaving; one after another, since each one's timing is
     * the point.
     */
    public List<ConcurrentResult> concurrent() {
        List<ConcurrentResult> out = new ArrayList<>();
        for (ConcurrentHistory c : ConcurrentHistory.all()) {
            Outcome m = ModelConcurrent.run(c, variant, CONCURRENT_SCHEDULES);
            Outcome r = hooked.run(c);
            out.add(new ConcurrentResult(c, r, m, compare(r, m)));
        }
        return List.copyOf(out);
    }

    /** Runs one history on both sides and compares. */
    public Result check(long seed) {
        History h = HistoryGenerator.generate(seed);
        Outcome m = ModelHistory.run(h, variant);
        Outcome r = real.run(h);
        return new Result(h, r, m, compare(r, m));
    }

    /** Runs the histories of seeds {@code historySeed(base, 0 … n-1)}; the results come back in that order. */
    public List<Result> run(long base, int n, java.util.function.IntConsumer progress) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gcsim-differential");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long seed = historySeed(base, i);
                futures.add(pool.submit(() -> check(seed)));
            }
            List<Result> out = new ArrayList<>();
            for (Future<Result> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("checking a history failed: " + e.getCause(), e.getCause());
                }
                progress.accept(out.size());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Null when the outcomes agree; otherwise both outcomes of every part that differs, on one line. */
    static String compare(Outcome real, Outcome model) {
        if (!real.ok() || !model.ok()) {
            return "real: " + (real.ok() ? "ran to its end" : real.error()) + " | model: "
                    + (model.ok() ? "ran to its end" : model.error());
        }
        List<String> parts = new ArrayList<>();
        part(parts, "valid before the collection", real.before(), model.before());
        part(parts, "--print-dead", real.dead(), model.dead());
        part(parts, "left after --gc", real.after(), model.after());
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static void part(List<String> parts, String what, List<String> real, List<String> model) {
        if (real.equals(model)) {
            return;
        }
        TreeSet<String> onlyReal = new TreeSet<>(real);
        onlyReal.removeAll(model);
        TreeSet<String> onlyModel = new TreeSet<>(model);
        onlyModel.removeAll(real);
        parts.add(what + ": real " + real + ", model " + model + " (only real " + onlyReal + ", only model " + onlyModel + ")");
    }
}
