package gcsim.differential;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.Outcome.End;
import gcsim.kernel.Strategy;
import gcsim.scenario.Op;
import gcsim.scenario.PathKind;
import gcsim.scenario.PathSpec;
import gcsim.scenario.Pos;
import gcsim.scenario.ProcessSpec;
import gcsim.scenario.Scenario;
import gcsim.scenario.Settings;
import gcsim.scenario.Start;
import gcsim.search.SplitMix64;
import gcsim.variant.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The model's replay of a {@link ConcurrentHistory}: the collector pauses at the same two points
 * ({@code pause: after-lock} and {@code after-roots}, the model's counterparts of the hooks) until
 * events that the other processes signal in the order the real harness releases the hooks. The
 * client starts one virtual second after the collector, when the collector sits in its pause, and
 * the hook it acts under is released once the client has exited, except that a client under hook 1
 * cannot exit before the collector's socket exists: hook 1 then goes one second later (as the real
 * harness waits one second while the client retries the missing socket) and hook 2 once the client
 * has exited, so its root reaches the collector before the closure walk in both worlds. The pauses
 * pin the interleaving the hooks force; everything else is left to the strategy, and the outcome
 * must not depend on it, so the replay runs under several seeded schedules and reports when they
 * disagree.
 */
public final class ModelConcurrent {
    private static final Pos P = Pos.NONE;
    private static final long SECOND = 1_000_000_000L;
    private static final int MAX_STEPS = 200_000;
    static final String LINK = "/r/l";
    static final String GCROOT = "l";

    private ModelConcurrent() {}

    /** The scenario of {@code c}. */
    public static Scenario scenario(ConcurrentHistory c) {
        List<PathSpec> paths = new ArrayList<>();
        for (String p : ConcurrentHistory.PATHS) {
            paths.add(new PathSpec(p, PathKind.SOURCE, 1024, List.of(), null, true, P));
        }
        boolean holder = c.client() == ConcurrentHistory.Client.HOLDER_EXITS;
        String released = "sync-" + c.hook();
        String other = "sync-" + (3 - c.hook());
        List<ProcessSpec> procs = new ArrayList<>();
        List<Op> gc = new ArrayList<>();
        if (holder) {
            gc.add(new Op.Wait("held", P));
        }
        gc.add(new Op.CollectGarbage(Long.MAX_VALUE, List.of(new Op.GcPause(Op.PausePoint.AFTER_LOCK, "sync-1"),
                new Op.GcPause(Op.PausePoint.AFTER_ROOTS, "sync-2")), P));
        gc.add(new Op.Exit(P));
        procs.add(process("nix-store-gc", new Start.At(0), gc));
        String client;
        if (holder) {
            client = "holder";
            procs.add(process(client, new Start.At(0), List.of(new Op.AddTempRoot("p", P), new Op.Signal("held", P),
                    new Op.Wait("exit-now", P), new Op.Exit(P))));
            procs.add(process("killer", new Start.At(SECOND), List.of(new Op.Signal("exit-now", P), new Op.Exit(P))));
        } else {
            client = "client";
            procs.add(process(client, new Start.At(SECOND), clientOps(c.client())));
        }
        if (c.hook() == 1 && !holder) {
            // the client waits for the socket; hook 1 goes after a second, hook 2 once the client ended
            procs.add(process("release-sync-1", new Start.At(SECOND),
                    List.of(new Op.Sleep(SECOND, P), new Op.Signal("sync-1", P), new Op.Exit(P))));
            procs.add(process("release-sync-2", new Start.After(client), List.of(new Op.Signal("sync-2", P), new Op.Exit(P))));
        } else {
            procs.add(process("release-" + other, new Start.At(0), List.of(new Op.Signal(other, P), new Op.Exit(P))));
            procs.add(process("release-" + released, new Start.After(client), List.of(new Op.Signal(released, P), new Op.Exit(P))));
        }
        Settings defaults = Settings.defaults();
        Settings settings = new Settings(defaults.minFree(), defaults.maxFree(), defaults.minFreeCheckIntervalNanos(),
                defaults.keepDerivations(), defaults.keepOutputs(), defaults.freeSpace(), false);
        return new Scenario("concurrent-" + c.name(), "a collector paused at hook " + c.hook() + " while a client acts",
                "<differential>", List.copyOf(paths), List.of(), List.of(), List.of(), settings, List.copyOf(procs));
    }

    private static List<Op> clientOps(ConcurrentHistory.Client c) {
        return switch (c) {
            case REALISE -> List.of(new Op.AddTempRoot("p", P), new Op.Exit(P));
            case REALISE_ADD_ROOT -> List.of(new Op.AddTempRoot("p", P), new Op.AddPermRoot("p", LINK, P), new Op.Exit(P));
            case SYMLINK_ROOT -> List.of(new Op.SymlinkRoot("p", GCROOT, P), new Op.Exit(P));
            case HOLDER_EXITS -> throw new IllegalArgumentException("the holder is its own process");
        };
    }

    private static ProcessSpec process(String name, Start start, List<Op> ops) {
        return new ProcessSpec(name, false, "user", start, List.copyOf(ops), P);
    }

    /**
     * The paths of {@link ConcurrentHistory#PATHS} valid after the collection, or an error when a
     * run did not complete or two schedules disagree.
     */
    public static Outcome run(ConcurrentHistory c, Variant variant, int schedules) {
        Scenario s = scenario(c);
        Runner runner = new Runner(s, variant, MAX_STEPS);
        List<String> first = null;
        for (int i = 0; i < schedules; i++) {
            Strategy strategy = i == 0 ? LowestFirst.zeroValues() : new SeededWalk(SplitMix64.mix(1, i));
            RunResult r = runner.run(strategy, true);
            if (r.failure() != null || r.outcome().end() != End.COMPLETE) {
                return Outcome.failed("schedule " + i + " ended " + (r.failure() != null
                        ? r.failure().kind() + ": " + r.failure().message() : r.outcome().end() + " " + r.outcome().blocked()));
            }
            List<String> left = kept(r.validAtEnd());
            if (first == null) {
                first = left;
            } else if (!first.equals(left)) {
                return Outcome.failed("the outcome depends on the schedule: " + first + " on schedule 0, " + left + " on schedule " + i);
            }
        }
        return new Outcome(List.copyOf(ConcurrentHistory.PATHS), List.of(), first, null);
    }

    static List<String> kept(List<String> valid) {
        TreeSet<String> out = new TreeSet<>(valid);
        out.retainAll(ConcurrentHistory.PATHS);
        return List.copyOf(out);
    }

    /**
     * Actors and values drawn from a seeded SplitMix64, except that virtual time never advances
     * while an actor can run: the real harness starts the client only once the collector sits in its
     * hook, and lets a second pass only while the client waits, so no process may be overtaken by
     * the clock.
     */
    private static final class SeededWalk implements Strategy {
        private final long seed;
        private final SplitMix64 rng;

        SeededWalk(long seed) {
            this.seed = seed;
            this.rng = new SplitMix64(seed);
        }

        @Override
        public void beginExecution() {
            rng.reseed(seed);
        }

        @Override
        public int nextActor(int[] options, int count, int current) {
            int n = options[count - 1] == gcsim.kernel.Kernel.ADVANCE_CLOCK ? count - 1 : count;
            return n == 1 ? options[0] : options[rng.nextInt(n)];
        }

        @Override
        public int nextValue(int bound) {
            return rng.nextInt(bound);
        }
    }
}
