package gcsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.variant.AutoGcThread;
import gcsim.variant.GcRootOrder;
import gcsim.variant.PathInUse;
import gcsim.variant.SrcMemo;
import gcsim.variant.Switches;
import gcsim.variant.TempRootClient;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import gcsim.variant.GcClientCatch;
import gcsim.variant.MonitorStop;
import gcsim.variant.WorkerExit;
import gcsim.variant.WriteDerivationMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario and variant files shipped in scenarios/ load into the records the model expects. */
class ScenarioFilesTest {
    private static final Path HOSTS = Path.of("scenarios/hosts-drv.yaml");
    private static final String F = "scenarios/hosts-drv.yaml";

    @Test
    void everyScenarioFileInTheFolderLoadsUnderItsOwnName() throws IOException, ScenarioException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("scenarios"))) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("variants.yaml"))
                    .sorted().toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly(
                "auto-gc-own-build.yaml", "client-exit-during-auto-gc.yaml", "collector-visited-referrer.yaml", "copy-paths.yaml",
                "fetch-cache-hit.yaml",
                "gc-auto.yaml", "gc-concurrent.yaml", "gc-non-blocking.yaml", "gc.yaml", "heavy-load.yaml",
                "hosts-drv-collect-garbage.yaml", "hosts-drv.yaml", "import-existing-drv.yaml",
                "instantiate-add-root-then-realise.yaml", "instantiate-then-realise.yaml", "interrupted-collection.yaml",
                "lost-connection-memo.yaml",
                "perm-root-after-root-scan.yaml", "realise-existing-drv.yaml", "reconnect-src-to-store.yaml",
                "remote-builder-inputs.yaml", "shared-build.yaml");
        for (Path f : files) {
            Scenario s = ScenarioLoader.load(f);
            assertThat(s.name()).as(f.toString()).isEqualTo(f.getFileName().toString().replace(".yaml", ""));
            assertThat(s.description()).as(f.toString()).isNotBlank().doesNotEndWith("\n");
            assertThat(s.processes()).as(f.toString()).isNotEmpty();
        }
    }

    @Test
    void hostsDrvLoadsWithItsNameFileAndSettings() throws ScenarioException {
        Scenario s = ScenarioLoader.load(HOSTS);
        assertThat(s.name()).isEqualTo("hosts-drv");
        assertThat(s.file()).isEqualTo(F);
        assertThat(s.description().lines().findFirst()).get().asString()
                .contains("NixOS/nix PR #15158 (domenkozar, 2026-02-06)");
        assertThat(s.description()).doesNotEndWith("\n");
        assertThat(s.settings()).isEqualTo(new Settings(1L << 30, 2L << 30, 5_000_000_000L, true, false, 512L << 20));
        assertThat(s.expect()).isEmpty();
    }

    @Test
    void hostsDrvDeclaresARootedNixpkgsThenEachDerivationFollowedByItsOutputs() throws ScenarioException {
        Scenario s = ScenarioLoader.load(HOSTS);
        assertThat(s.paths()).containsExactly(
                new PathSpec("nixpkgs", PathKind.SOURCE, 100L << 20, List.of(), null, true, new Pos(F, 22, 7)),
                new PathSpec("old-garbage", PathKind.SOURCE, 50L << 20, List.of(), null, true, new Pos(F, 25, 7)),
                new PathSpec("hosts.drv", PathKind.DRV, 1024, List.of("nixpkgs"), null, false, new Pos(F, 29, 7)),
                new PathSpec("hosts", PathKind.OUTPUT, 10240, List.of(), "hosts.drv", false, new Pos(F, 32, 11)),
                new PathSpec("dependent.drv", PathKind.DRV, 1024, List.of("hosts.drv", "nixpkgs"), null, false,
                        new Pos(F, 34, 7)),
                new PathSpec("dependent", PathKind.OUTPUT, 10240, List.of(), "dependent.drv", false, new Pos(F, 38, 11)));
        assertThat(s.derivations()).containsExactly(
                new DerivationSpec("hosts.drv", List.of(), List.of("nixpkgs"), List.of("hosts"), 1024, new Pos(F, 29, 7)),
                new DerivationSpec("dependent.drv", List.of("hosts.drv"), List.of("nixpkgs"), List.of("dependent"),
                        1024, new Pos(F, 34, 7)));
        assertThat(s.roots()).containsExactly(new RootSpec(RootSpec.Kind.GCROOT, "nixpkgs", "nixpkgs", new Pos(F, 42, 5)));
        assertThat(s.fetcherCache()).isEmpty();
    }

    @Test
    void hostsDrvStartsYOnceXHasExited() throws ScenarioException {
        Scenario s = ScenarioLoader.load(HOSTS);
        assertThat(s.processes()).containsExactly(
                new ProcessSpec("X", true, "user", new Start.At(0), List.of(
                        new Op.WriteDerivation("hosts.drv", new Pos(F, 47, 9)),
                        new Op.Exit(new Pos(F, 48, 9))), new Pos(F, 45, 5)),
                new ProcessSpec("Y", true, "user", new Start.After("X"), List.of(
                        new Op.WriteDerivation("hosts.drv", new Pos(F, 52, 9)),
                        new Op.WriteDerivation("dependent.drv", new Pos(F, 53, 9)),
                        new Op.Exit(new Pos(F, 54, 9))), new Pos(F, 49, 5)));
    }

    @Test
    void gcNonBlockingPausesTheCollectorTwiceAndTheBuilderReleasesTheSecondPause() throws ScenarioException {
        String f = "scenarios/gc-non-blocking.yaml";
        Scenario s = ScenarioLoader.load(Path.of(f));
        assertThat(s.processes()).extracting(ProcessSpec::name).containsExactly("nix-collect-garbage", "sync-1-timer", "nix-build");
        assertThat(s.processes().get(0).ops()).containsExactly(
                new Op.CollectGarbage(Long.MAX_VALUE, List.of(
                        new Op.GcPause(Op.PausePoint.AFTER_LOCK, "sync-1"),
                        new Op.GcPause(Op.PausePoint.AFTER_ROOTS, "sync-2")), new Pos(f, 24, 9)),
                new Op.Exit(new Pos(f, 28, 9)));
        assertThat(s.processes().get(1).ops()).containsExactly(
                new Op.Sleep(1_000_000_000L, new Pos(f, 32, 11)), new Op.Signal("sync-1", new Pos(f, 32, 24)));
        assertThat(s.processes().get(1).start()).isEqualTo(new Start.At(2_000_000_000L));
        assertThat(s.processes().get(2).viaDaemon()).isFalse();
        assertThat(s.processes().get(2).start()).isEqualTo(new Start.At(2_000_000_000L));
        assertThat(s.processes().get(2).ops().get(1)).isEqualTo(
                new Op.Build("simple.drv", List.of(new Op.Signal("sync-2", new Pos(f, 40, 21))), new Pos(f, 38, 9)));
        assertThat(s.expect()).containsExactly(
                new Scenario.Expectation(Scenario.Expectation.Kind.GONE, "unrooted", new Pos(f, 44, 10)),
                new Scenario.Expectation(Scenario.Expectation.Kind.VALID, "simple", new Pos(f, 45, 11)));
    }

    @Test
    void gcRootsTheBuildBySymlinkThenRemovesBothRootsAndExpectsEverythingGone() throws ScenarioException {
        String f = "scenarios/gc.yaml";
        Scenario s = ScenarioLoader.load(Path.of(f));
        List<Op> ops = s.processes().get(1).ops();
        assertThat(ops.get(0)).isEqualTo(new Op.SymlinkRoot("dependencies-top", "foo", new Pos(f, 36, 9)));
        assertThat(ops.subList(5, 7)).containsExactly(
                new Op.RemoveRoot("foo", new Pos(f, 41, 9)), new Op.RemoveRoot("/test-root/result", new Pos(f, 42, 9)));
        assertThat(s.expect()).extracting(Scenario.Expectation::path).containsExactly(
                "dependencies-top", "input-1", "input-2", "dependencies-top.drv", "input-1.drv", "input-2.drv");
        assertThat(s.expect()).extracting(Scenario.Expectation::kind).containsOnly(Scenario.Expectation.Kind.GONE);
    }

    @Test
    void gcConcurrentBuilderSignalsWaitsForTheCollectorAndReadsItsInput() throws ScenarioException {
        String f = "scenarios/gc-concurrent.yaml";
        Scenario s = ScenarioLoader.load(Path.of(f));
        assertThat(s.processes().get(0).ops().get(3)).isEqualTo(new Op.Build("test1.drv", List.of(
                new Op.Signal("builder-started", new Pos(f, 33, 21)),
                new Op.Wait("gc-finished", new Pos(f, 33, 48)),
                new Op.Use("input-2", new Pos(f, 33, 69))), new Pos(f, 31, 9)));
        assertThat(s.processes().get(1).ops()).containsExactly(
                new Op.Wait("builder-started", new Pos(f, 39, 9)),
                new Op.CollectGarbage(Long.MAX_VALUE, new Pos(f, 40, 9)),
                new Op.Signal("gc-finished", new Pos(f, 41, 9)),
                new Op.Exit(new Pos(f, 42, 9)));
        assertThat(s.expect()).extracting(Scenario.Expectation::path)
                .containsExactly("test1", "input-2", "test2", "test3", "test2.drv");
    }

    @Test
    void variantsFileListsTheVariantsInOrder() throws ScenarioException {
        List<Variant> variants = VariantLoader.load(Path.of("scenarios/variants.yaml"));
        assertThat(variants).extracting(Variant::id).containsExactly(
                "early-return", "drv-and-refs", "drv-only", "no-early-return", "caller-root", "drv-and-fetch", "nix-2.8",
                "nix-2.34", "nix-master", "master-temp-roots-first", "master-copy-roots", "master-input-roots", "master-import-root",
                "master-interrupt-fix");
        Switches master = new Switches(WriteDerivationMode.ROOT_DRV, true, false, TempRootClient.RETRY, PathInUse.LOG_BUG,
                true, SrcMemo.PROCESS, true, true, AutoGcThread.JOINED, GcRootOrder.ROOTS_FIRST, false, false, false);
        assertThat(variants).extracting(Variant::switches).containsExactly(
                Switches.baseline(),
                new Switches(WriteDerivationMode.ROOT_DRV_AND_REFS, false, false),
                new Switches(WriteDerivationMode.ROOT_DRV, false, false),
                new Switches(WriteDerivationMode.NO_EARLY_RETURN, false, false),
                new Switches(WriteDerivationMode.EARLY_RETURN, false, true),
                new Switches(WriteDerivationMode.ROOT_DRV, true, false),
                new Switches(WriteDerivationMode.NO_EARLY_RETURN, true, false, TempRootClient.NIX_2_8, PathInUse.ABORT,
                        false, SrcMemo.PER_EVAL_STATE, false, false, AutoGcThread.DETACHED, GcRootOrder.ROOTS_FIRST,
                        false, false, false, WorkerExit.DESTRUCTOR, GcClientCatch.ERROR, MonitorStop.CANCEL),
                new Switches(WriteDerivationMode.ROOT_DRV, true, false, TempRootClient.RETRY, PathInUse.LOG_BUG,
                        false, SrcMemo.PER_EVAL_STATE, false, false, AutoGcThread.DETACHED, GcRootOrder.ROOTS_FIRST,
                        false, false, false, WorkerExit.NO_DESTRUCTOR),
                master,
                new Switches(WriteDerivationMode.ROOT_DRV, true, false, TempRootClient.RETRY, PathInUse.LOG_BUG,
                        true, SrcMemo.PROCESS, true, true, AutoGcThread.JOINED, GcRootOrder.TEMP_ROOTS_FIRST, false, false, false),
                new Switches(WriteDerivationMode.ROOT_DRV, true, false, TempRootClient.RETRY, PathInUse.LOG_BUG,
                        true, SrcMemo.PROCESS, true, true, AutoGcThread.JOINED, GcRootOrder.ROOTS_FIRST, true, false, false),
                new Switches(WriteDerivationMode.ROOT_DRV, true, false, TempRootClient.RETRY, PathInUse.LOG_BUG,
                        true, SrcMemo.PROCESS, true, true, AutoGcThread.JOINED, GcRootOrder.ROOTS_FIRST, false, true, false),
                new Switches(WriteDerivationMode.ROOT_DRV, true, false, TempRootClient.RETRY, PathInUse.LOG_BUG,
                        true, SrcMemo.PROCESS, true, true, AutoGcThread.JOINED, GcRootOrder.ROOTS_FIRST, false, false, true),
                new Switches(WriteDerivationMode.ROOT_DRV, true, false, TempRootClient.RETRY, PathInUse.LOG_BUG,
                        true, SrcMemo.PROCESS, true, true, AutoGcThread.JOINED, GcRootOrder.ROOTS_FIRST, false, false, false,
                        WorkerExit.DESTRUCTOR, GcClientCatch.BASE_ERROR));
        assertThat(variants).allSatisfy(v -> assertThat(v.description()).isNotBlank().doesNotContain("\n"));
    }

    @Test
    void readmeExamplesLoad(@TempDir Path dir) throws IOException, ScenarioException {
        String readme = Files.readString(Path.of("scenarios/README.md"));
        Path scenario = Files.writeString(dir.resolve("fetch-cache.yaml"), yamlBlock(readme, "name: fetch-cache"));
        Path variants = Files.writeString(dir.resolve("variants.yaml"), yamlBlock(readme, "variants:"));
        Scenario s = ScenarioLoader.load(scenario);
        assertThat(s.processes()).extracting(ProcessSpec::name).containsExactly("eval", "gc", "after-gc");
        assertThat(s.fetcherCache()).extracting(Scenario.FetcherCacheEntry::path).containsExactly("make-symlinks-relative.sh");
        assertThat(s.roots()).hasSize(3);
        assertThat(s.expect()).extracting(Scenario.Expectation::path).containsExactly("old-result");
        assertThat(VariantLoader.load(variants)).extracting(Variant::id).containsExactly("drv-only");
        Scenario sync = ScenarioLoader.load(Files.writeString(dir.resolve("sync.yaml"), yamlBlock(readme, "name: sync")));
        assertThat(sync.processes().get(0).ops().get(1)).isInstanceOfSatisfying(Op.Build.class,
                b -> assertThat(b.builder()).extracting(Op::getClass)
                        .containsExactly(Op.Signal.class, Op.Wait.class, Op.Use.class));
        assertThat(sync.processes().get(1).ops().get(0)).isInstanceOfSatisfying(Op.CollectGarbage.class,
                c -> assertThat(c.pauses()).containsExactly(new Op.GcPause(Op.PausePoint.AFTER_ROOTS, "started")));
    }

    /** The fenced yaml block of {@code markdown} that starts with {@code firstLine}. */
    private static String yamlBlock(String markdown, String firstLine) {
        int start = markdown.indexOf("```yaml\n" + firstLine) + "```yaml\n".length();
        return markdown.substring(start, markdown.indexOf("```", start));
    }
}
