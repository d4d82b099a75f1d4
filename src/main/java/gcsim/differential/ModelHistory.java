package gcsim.differential;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.Outcome.End;
import gcsim.scenario.DerivationSpec;
import gcsim.scenario.Op;
import gcsim.scenario.PathKind;
import gcsim.scenario.PathSpec;
import gcsim.scenario.Pos;
import gcsim.scenario.ProcessSpec;
import gcsim.scenario.Scenario;
import gcsim.scenario.Settings;
import gcsim.scenario.Start;
import gcsim.variant.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The model's side of a history: one local process per Nix command, each starting once the previous
 * one has exited (as the commands of a shell script do), so that each process's temp roots go with it
 * exactly as a real command's do. A live temp-roots holder is a process that adds its temp roots,
 * signals, and waits for the end; later processes wait for its signal. The last process runs the
 * final collection and then lets the holders go.
 *
 * <p>The model's {@code --print-dead} is the set of paths valid before the final collection minus
 * the survivors. Both come from traced runs of the same history, one without the final collection.
 */
public final class ModelHistory {
    private static final Pos P = Pos.NONE;
    private static final long SIZE = 1024;
    private static final int MAX_STEPS = 2_000_000;
    private static final String END = "end";

    private ModelHistory() {}

    /** The scenario of {@code h}, with or without the final collection. */
    public static Scenario scenario(History h, boolean finalCollection) {
        Universe u = h.universe();
        List<PathSpec> paths = new ArrayList<>();
        List<DerivationSpec> drvs = new ArrayList<>();
        for (Universe.Source s : u.sources()) {
            paths.add(new PathSpec(s.name(), PathKind.SOURCE, SIZE, s.refs(), null, false, P));
        }
        for (Universe.Derivation d : u.derivations()) {
            List<String> inputDrvs = d.inputDrvs().stream().map(n -> n + ".drv").toList();
            List<String> refs = new ArrayList<>(inputDrvs);
            refs.addAll(d.inputSrcs());
            paths.add(new PathSpec(d.drv(), PathKind.DRV, SIZE, List.copyOf(refs), null, false, P));
            paths.add(new PathSpec(d.name(), PathKind.OUTPUT, SIZE, d.outRefs(), d.drv(), false, P));
            if (d.dev()) {
                paths.add(new PathSpec(d.devName(), PathKind.OUTPUT, SIZE, d.devRefs(), d.drv(), false, P));
            }
            drvs.add(new DerivationSpec(d.drv(), inputDrvs, d.inputSrcs(), d.outputs(), SIZE, P));
        }
        Settings settings = new Settings(0, Long.MAX_VALUE, 5_000_000_000L, h.keepDerivations(), h.keepOutputs(), 1L << 40);
        return new Scenario("differential-" + h.seed(), "a generated sequential history (seed " + h.seed() + ")",
                "<differential>", List.copyOf(paths), List.copyOf(drvs), List.of(), List.of(), settings,
                processes(h, finalCollection));
    }

    private static List<ProcessSpec> processes(History h, boolean finalCollection) {
        Universe u = h.universe();
        List<ProcessSpec> out = new ArrayList<>();
        List<String> held = new ArrayList<>();
        String last = null;
        int i = 0;
        for (Step step : h.steps()) {
            i++;
            String name = "s" + i + "-" + kind(step);
            List<Op> ops = new ArrayList<>();
            for (String e : held) {
                ops.add(new Op.Wait(e, P));
            }
            ops.addAll(ops(step, u));
            Start start = last == null ? new Start.At(0) : new Start.After(last);
            if (step instanceof Step.LiveTempRoots) {
                String event = "held-" + i;
                ops.add(new Op.Signal(event, P));
                ops.add(new Op.Wait(END, P));
                held.add(event);
            } else {
                last = name;
            }
            ops.add(new Op.Exit(P));
            out.add(new ProcessSpec(name, false, "user", start, List.copyOf(ops), P));
        }
        List<Op> ops = new ArrayList<>();
        for (String e : held) {
            ops.add(new Op.Wait(e, P));
        }
        if (finalCollection) {
            ops.add(new Op.CollectGarbage(Long.MAX_VALUE, P));
        }
        ops.add(new Op.Signal(END, P));
        ops.add(new Op.Exit(P));
        out.add(new ProcessSpec("final", false, "user", last == null ? new Start.At(0) : new Start.After(last),
                List.copyOf(ops), P));
        return List.copyOf(out);
    }

    private static String kind(Step step) {
        String s = step.getClass().getSimpleName();
        return s.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The model operations one step runs, in order. */
    static List<Op> ops(Step step, Universe u) {
        List<Op> ops = new ArrayList<>();
        if (step instanceof Step.Instantiate s) {
            evaluate(u, s.drvs(), ops);
        } else if (step instanceof Step.NixBuild s) {
            evaluate(u, List.of(s.drv()), ops);
            ops.add(new Op.Build(u.derivation(s.drv()).drv(), P));
        } else if (step instanceof Step.Realise s) {
            for (String d : s.drvs()) {
                ops.add(new Op.Build(u.derivation(d).drv(), P));
            }
        } else if (step instanceof Step.AddSource s) {
            for (String src : u.sourceOrder(s.source())) {
                ops.add(new Op.AddToStore(src, P));
            }
        } else if (step instanceof Step.GcrootLink s) {
            ops.add(new Op.SymlinkRoot(s.path(), s.name(), P));
            return ops;
        } else if (step instanceof Step.RemoveRoot s) {
            ops.add(new Op.RemoveRoot(s.link(), P));
        } else if (step instanceof Step.LiveTempRoots s) {
            for (String p : s.paths()) {
                ops.add(new Op.AddTempRoot(p, P));
            }
        } else if (step instanceof Step.DeadTempRoots s) {
            for (String p : s.paths()) {
                ops.add(new Op.AddTempRoot(p, P));
            }
        } else if (step instanceof Step.CollectGarbage) {
            ops.add(new Op.CollectGarbage(Long.MAX_VALUE, P));
        }
        for (Step.Root root : Step.createdRoots(step, u)) {
            ops.add(new Op.AddPermRoot(root.path(), root.link(), P));
        }
        return ops;
    }

    private static void evaluate(Universe u, List<String> drvs, List<Op> ops) {
        for (String entry : u.evaluationOrder(drvs)) {
            ops.add(entry.endsWith(".drv") ? new Op.WriteDerivation(entry, P) : new Op.AddToStore(entry, P));
        }
    }

    /**
     * Runs {@code h} in the model under {@code variant}: the valid paths before and after the final
     * collection, and their difference as the dead set. The collector's readdir order is a data
     * choice; the run with every value 0 and the run with values from the history's seed must agree,
     * or the outcome is an error.
     */
    public static Outcome run(History h, Variant variant) {
        RunResult before = run(scenario(h, false), variant, LowestFirst.zeroValues());
        if (before.failure() != null || before.outcome().end() != End.COMPLETE) {
            return Outcome.failed("the run without the final collection ended " + describe(before));
        }
        Scenario withGc = scenario(h, true);
        RunResult after = run(withGc, variant, LowestFirst.zeroValues());
        if (after.failure() != null || after.outcome().end() != End.COMPLETE) {
            return Outcome.failed("the run ended " + describe(after));
        }
        RunResult shuffled = run(withGc, variant, LowestFirst.seededValues(h.seed()));
        if (!shuffled.validAtEnd().equals(after.validAtEnd()) || shuffled.failure() != null) {
            return Outcome.failed("the outcome depends on the readdir order: " + sorted(after.validAtEnd())
                    + " with values 0, " + sorted(shuffled.validAtEnd()) + " with seeded values"
                    + (shuffled.failure() == null ? "" : " (" + describe(shuffled) + ")"));
        }
        List<String> b = sorted(before.validAtEnd());
        List<String> a = sorted(after.validAtEnd());
        TreeSet<String> dead = new TreeSet<>(b);
        dead.removeAll(a);
        return new Outcome(b, List.copyOf(dead), a, null);
    }

    private static RunResult run(Scenario s, Variant variant, LowestFirst strategy) {
        return new Runner(s, variant, MAX_STEPS).run(strategy, true);
    }

    private static String describe(RunResult r) {
        if (r.failure() != null) {
            return "in " + r.failure().kind() + " (" + r.failure().check() + "): " + r.failure().message();
        }
        return r.outcome().end() + (r.outcome().blocked().isEmpty() ? "" : " " + r.outcome().blocked());
    }

    private static List<String> sorted(List<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }
}
