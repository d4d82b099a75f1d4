package gcsim.search.dfs;

import gcsim.scenario.DerivationSpec;
import gcsim.scenario.Op;
import gcsim.scenario.PathKind;
import gcsim.scenario.PathSpec;
import gcsim.scenario.Pos;
import gcsim.scenario.ProcessSpec;
import gcsim.scenario.RootSpec;
import gcsim.scenario.Scenario;
import gcsim.scenario.Settings;
import gcsim.scenario.Start;
import gcsim.variant.Switches;
import gcsim.variant.Variant;
import gcsim.variant.WriteDerivationMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Nix-model scenarios built in code for the search tests, so that the tests do not depend on the
 * YAML files under {@code scenarios/}, which other work may change. Same idea as the model tests'
 * builder, kept here because that one is package-private.
 */
final class NixScenarios {
    private static final Pos P = Pos.NONE;
    private final List<PathSpec> paths = new ArrayList<>();
    private final List<DerivationSpec> drvs = new ArrayList<>();
    private final List<RootSpec> roots = new ArrayList<>();
    private final List<ProcessSpec> procs = new ArrayList<>();
    private final List<Scenario.FetcherCacheEntry> cache = new ArrayList<>();
    private Settings settings = new Settings(0, Long.MAX_VALUE, 5_000_000_000L, true, false, 1L << 40);

    NixScenarios source(String name, long size, boolean present) {
        paths.add(new PathSpec(name, PathKind.SOURCE, size, List.of(), null, present, P));
        return this;
    }

    NixScenarios drv(String name, List<String> inputDrvs, List<String> inputSrcs, String output) {
        paths.add(new PathSpec(output, PathKind.OUTPUT, 10_240, List.of(), name, false, P));
        List<String> refs = new ArrayList<>(inputDrvs);
        refs.addAll(inputSrcs);
        paths.add(new PathSpec(name, PathKind.DRV, 1024, refs, null, false, P));
        drvs.add(new DerivationSpec(name, inputDrvs, inputSrcs, List.of(output), 1024, P));
        return this;
    }

    NixScenarios cached(String user, String path) {
        cache.add(new Scenario.FetcherCacheEntry(user, path, P));
        return this;
    }

    NixScenarios gcroot(String link, String path) {
        roots.add(new RootSpec(RootSpec.Kind.GCROOT, link, path, P));
        return this;
    }

    NixScenarios autoGc(long minFree, long maxFree, long free) {
        settings = new Settings(minFree, maxFree, 5_000_000_000L, settings.keepDerivations(), settings.keepOutputs(), free);
        return this;
    }

    NixScenarios process(String name, boolean daemon, Start start, Op... ops) {
        procs.add(new ProcessSpec(name, daemon, "user", start, Arrays.asList(ops), P));
        return this;
    }

    Scenario build(String name) {
        return new Scenario(name, "built in a search test", "<test>", paths, drvs, cache, roots, settings, procs);
    }

    static Start at(long seconds) {
        return new Start.At(seconds * 1_000_000_000L);
    }

    static Start after(String process) {
        return new Start.After(process);
    }

    /** The seed of PR #15158: X writes hosts.drv and exits; then Y writes it and dependent.drv; auto-GC. */
    static Scenario hostsDrv() {
        return new NixScenarios()
                .source("nixpkgs", 100L << 20, true)
                .source("old-garbage", 50L << 20, true)
                .gcroot("nixpkgs", "nixpkgs")
                .drv("hosts.drv", List.of(), List.of("nixpkgs"), "hosts")
                .drv("dependent.drv", List.of("hosts.drv"), List.of("nixpkgs"), "dependent")
                .autoGc(1L << 30, 2L << 30, 512L << 20)
                .process("X", true, at(0), new Op.WriteDerivation("hosts.drv", P))
                .process("Y", true, after("X"), new Op.WriteDerivation("hosts.drv", P),
                        new Op.WriteDerivation("dependent.drv", P))
                .build("hosts-drv");
    }

    /**
     * A busier world, as the model's property tests have it: X writes and builds hosts.drv; then Y
     * fetches a cached source, writes hosts.drv and dependent.drv and builds the latter; meanwhile a
     * local nix-collect-garbage runs, and the workers' auto-GC may too.
     */
    static Scenario busy() {
        return new NixScenarios()
                .source("nixpkgs", 100L << 20, true)
                .source("old-garbage", 50L << 20, true)
                .source("make-symlinks-relative.sh", 4096, true)
                .gcroot("nixpkgs", "nixpkgs")
                .cached("user", "make-symlinks-relative.sh")
                .drv("hosts.drv", List.of(), List.of("nixpkgs"), "hosts")
                .drv("dependent.drv", List.of("hosts.drv"), List.of("nixpkgs", "make-symlinks-relative.sh"), "dependent")
                .autoGc(1L << 30, 2L << 30, 512L << 20)
                .process("X", true, at(0), new Op.WriteDerivation("hosts.drv", P), new Op.Build("hosts.drv", P))
                .process("Y", true, after("X"), new Op.FetchToStore("make-symlinks-relative.sh", P),
                        new Op.WriteDerivation("hosts.drv", P), new Op.WriteDerivation("dependent.drv", P),
                        new Op.Build("dependent.drv", P))
                .process("gc", false, at(0), new Op.CollectGarbage(Long.MAX_VALUE, P))
                .build("busy");
    }

    /**
     * The smallest collector race: one local process adds a temp root for a path and then adds it to
     * the store, while another local process collects garbage over a store of {@code garbage} + 1
     * paths, so the collector's readdir draws data choices.
     */
    static Scenario tempRootVersusCollector(int garbage) {
        NixScenarios b = new NixScenarios().source("src", 4096, false);
        for (int i = 0; i < garbage; i++) {
            b.source("junk" + i, 4096, true);
        }
        return b.process("adder", false, at(0), new Op.AddTempRoot("src", P), new Op.AddToStore("src", P))
                .process("gc", false, at(0), new Op.CollectGarbage(Long.MAX_VALUE, P))
                .build("temp-root-vs-gc");
    }

    /**
     * A local process takes a temp root for a valid path nothing else roots, while a local
     * nix-collect-garbage runs over a store of that path and {@code garbage} others: the collector
     * deletes the path unless it sees the temp root, and its readdir draws data choices when the store
     * holds two entries or more.
     */
    static Scenario tempRootOnly(int garbage) {
        NixScenarios b = new NixScenarios().source("src", 4096, true);
        for (int i = 0; i < garbage; i++) {
            b.source("junk" + i, 4096, true);
        }
        return b.process("rooter", false, at(0), new Op.AddTempRoot("src", P))
                .process("gc", false, at(0), new Op.CollectGarbage(Long.MAX_VALUE, P))
                .build("temp-root-only");
    }

    /** The six patch variants the model knows, named as in {@code scenarios/variants.yaml}. */
    static List<Variant> variants() {
        return List.of(
                new Variant("early-return", "", Switches.baseline()),
                new Variant("drv-and-refs", "", new Switches(WriteDerivationMode.ROOT_DRV_AND_REFS, false, false)),
                new Variant("drv-only", "", new Switches(WriteDerivationMode.ROOT_DRV, false, false)),
                new Variant("no-early-return", "", new Switches(WriteDerivationMode.NO_EARLY_RETURN, false, false)),
                new Variant("caller-root", "", new Switches(WriteDerivationMode.EARLY_RETURN, false, true)),
                new Variant("drv-and-fetch", "", new Switches(WriteDerivationMode.ROOT_DRV, true, false)));
    }
}
