package gcsim.model;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds small scenarios in code for model tests, without going through YAML. */
final class ScenarioBuilder {
    static final Pos P = Pos.NONE;
    private final List<PathSpec> paths = new ArrayList<>();
    private final List<DerivationSpec> drvs = new ArrayList<>();
    private final List<RootSpec> roots = new ArrayList<>();
    private final List<ProcessSpec> procs = new ArrayList<>();
    private final List<Scenario.FetcherCacheEntry> cache = new ArrayList<>();
    private Settings settings = new Settings(0, Long.MAX_VALUE, 5_000_000_000L, true, false, 1L << 40);

    ScenarioBuilder source(String name, long size, boolean present, String... refs) {
        paths.add(new PathSpec(name, PathKind.SOURCE, size, List.of(refs), null, present, P));
        return this;
    }

    ScenarioBuilder drv(String name, List<String> inputDrvs, List<String> inputSrcs, String output, boolean present) {
        paths.add(new PathSpec(output, PathKind.OUTPUT, 10_240, List.of(), name, false, P));
        List<String> refs = new ArrayList<>(inputDrvs);
        refs.addAll(inputSrcs);
        paths.add(new PathSpec(name, PathKind.DRV, 1024, refs, null, present, P));
        drvs.add(new DerivationSpec(name, inputDrvs, inputSrcs, List.of(output), 1024, P));
        return this;
    }

    /** A derivation and its output, both already in the store and valid. */
    ScenarioBuilder built(String name, List<String> inputSrcs, String output) {
        paths.add(new PathSpec(output, PathKind.OUTPUT, 10_240, List.of(), name, true, P));
        paths.add(new PathSpec(name, PathKind.DRV, 1024, inputSrcs, null, true, P));
        drvs.add(new DerivationSpec(name, List.of(), inputSrcs, List.of(output), 1024, P));
        return this;
    }

    ScenarioBuilder gcroot(String link, String path) {
        roots.add(new RootSpec(RootSpec.Kind.GCROOT, link, path, P));
        return this;
    }

    ScenarioBuilder profile(String link, String path) {
        roots.add(new RootSpec(RootSpec.Kind.PROFILE, link, path, P));
        return this;
    }

    ScenarioBuilder indirect(String link, String path) {
        roots.add(new RootSpec(RootSpec.Kind.INDIRECT, link, path, P));
        return this;
    }

    ScenarioBuilder cached(String user, String path) {
        cache.add(new Scenario.FetcherCacheEntry(user, path, P));
        return this;
    }

    ScenarioBuilder autoGc(long minFree, long maxFree, long free) {
        settings = new Settings(minFree, maxFree, 5_000_000_000L, settings.keepDerivations(), settings.keepOutputs(), free,
                settings.gcSocketExists());
        return this;
    }

    /** A fresh state directory: no collector has run, so {@code gc-socket/socket} does not exist yet. */
    ScenarioBuilder noGcSocket() {
        settings = new Settings(settings.minFree(), settings.maxFree(), settings.minFreeCheckIntervalNanos(),
                settings.keepDerivations(), settings.keepOutputs(), settings.freeSpace(), false);
        return this;
    }

    ScenarioBuilder keep(boolean derivations, boolean outputs) {
        settings = new Settings(settings.minFree(), settings.maxFree(), settings.minFreeCheckIntervalNanos(),
                derivations, outputs, settings.freeSpace(), settings.gcSocketExists());
        return this;
    }

    ScenarioBuilder process(String name, boolean daemon, Start start, Op... ops) {
        procs.add(new ProcessSpec(name, daemon, "user", start, Arrays.asList(ops), P));
        return this;
    }

    Scenario build() {
        return new Scenario("test", "built in a test", "<test>", paths, drvs, cache, roots, settings, procs);
    }

    static Start at(long seconds) {
        return new Start.At(seconds * 1_000_000_000L);
    }

    static Start after(String process) {
        return new Start.After(process);
    }

    static Op write(String drv) {
        return new Op.WriteDerivation(drv, P);
    }

    static Op add(String path) {
        return new Op.AddToStore(path, P);
    }

    static Op gc() {
        return new Op.CollectGarbage(Long.MAX_VALUE, P);
    }

    static Op gc(long maxFreed) {
        return new Op.CollectGarbage(maxFreed, P);
    }

    static Op use(String path) {
        return new Op.Use(path, P);
    }

    static Op tempRoot(String path) {
        return new Op.AddTempRoot(path, P);
    }

    static Op build(String drv) {
        return new Op.Build(drv, P);
    }

    static Op fetch(String path) {
        return new Op.FetchToStore(path, P);
    }

    static Op signal(String event) {
        return new Op.Signal(event, P);
    }

    static Op await(String event) {
        return new Op.Wait(event, P);
    }

    static Op sleep(long millis) {
        return new Op.Sleep(millis * 1_000_000L, P);
    }

    /** The seed of PR #15158: X writes hosts.drv and exits; then Y writes it and dependent.drv. */
    static Scenario hostsDrv() {
        return new ScenarioBuilder()
                .source("nixpkgs", 100L << 20, true)
                .source("old-garbage", 50L << 20, true)
                .gcroot("nixpkgs", "nixpkgs")
                .drv("hosts.drv", List.of(), List.of("nixpkgs"), "hosts", false)
                .drv("dependent.drv", List.of("hosts.drv"), List.of("nixpkgs"), "dependent", false)
                .autoGc(1L << 30, 2L << 30, 512L << 20)
                .process("X", true, at(0), write("hosts.drv"))
                .process("Y", true, after("X"), write("hosts.drv"), write("dependent.drv"))
                .build();
    }
}
