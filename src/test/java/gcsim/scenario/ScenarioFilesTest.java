package gcsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.variant.Switches;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import gcsim.variant.WriteDerivationMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario and variant files shipped in scenarios/ load into the records the model expects. */
class ScenarioFilesTest {
    private static final Path HOSTS = Path.of("scenarios/hosts-drv.yaml");
    private static final String F = "scenarios/hosts-drv.yaml";

    @Test
    void hostsDrvLoadsWithItsNameFileAndSettings() throws ScenarioException {
        Scenario s = ScenarioLoader.load(HOSTS);
        assertThat(s.name()).isEqualTo("hosts-drv");
        assertThat(s.file()).isEqualTo(F);
        assertThat(s.description().lines().findFirst()).get().asString()
                .contains("NixOS/nix PR #15158 (domenkozar, 2026-02-06)");
        assertThat(s.description()).doesNotEndWith("\n");
        assertThat(s.settings()).isEqualTo(new Settings(1L << 30, 2L << 30, 5_000_000_000L, true, false, 512L << 20));
    }

    @Test
    void hostsDrvDeclaresSourcesThenEachDerivationFollowedByItsOutputs() throws ScenarioException {
        Scenario s = ScenarioLoader.load(HOSTS);
        assertThat(s.paths()).containsExactly(
                new PathSpec("hosts-builder.sh", PathKind.SOURCE, 2048, List.of(), null, true, new Pos(F, 20, 7)),
                new PathSpec("dependent-builder.sh", PathKind.SOURCE, 2048, List.of(), null, true, new Pos(F, 23, 7)),
                new PathSpec("old-garbage", PathKind.SOURCE, 50L << 20, List.of(), null, true, new Pos(F, 26, 7)),
                new PathSpec("hosts.drv", PathKind.DRV, 1024, List.of("hosts-builder.sh"), null, false, new Pos(F, 30, 7)),
                new PathSpec("hosts", PathKind.OUTPUT, 10240, List.of(), "hosts.drv", false, new Pos(F, 33, 11)),
                new PathSpec("dependent.drv", PathKind.DRV, 1024, List.of("hosts.drv", "dependent-builder.sh"), null, false,
                        new Pos(F, 35, 7)),
                new PathSpec("dependent", PathKind.OUTPUT, 10240, List.of(), "dependent.drv", false, new Pos(F, 39, 11)));
        assertThat(s.derivations()).containsExactly(
                new DerivationSpec("hosts.drv", List.of(), List.of("hosts-builder.sh"), List.of("hosts"), 1024, new Pos(F, 30, 7)),
                new DerivationSpec("dependent.drv", List.of("hosts.drv"), List.of("dependent-builder.sh"), List.of("dependent"),
                        1024, new Pos(F, 35, 7)));
        assertThat(s.roots()).isEmpty();
        assertThat(s.fetcherCache()).isEmpty();
    }

    @Test
    void hostsDrvRunsXAndYTogetherThroughTheDaemon() throws ScenarioException {
        Scenario s = ScenarioLoader.load(HOSTS);
        assertThat(s.processes()).containsExactly(
                new ProcessSpec("X", true, "user", new Start.At(0), List.of(
                        new Op.WriteDerivation("hosts.drv", new Pos(F, 47, 9)),
                        new Op.Exit(new Pos(F, 48, 9))), new Pos(F, 43, 5)),
                new ProcessSpec("Y", true, "user", new Start.At(0), List.of(
                        new Op.WriteDerivation("hosts.drv", new Pos(F, 53, 9)),
                        new Op.WriteDerivation("dependent.drv", new Pos(F, 54, 9)),
                        new Op.Exit(new Pos(F, 55, 9))), new Pos(F, 49, 5)));
    }

    @Test
    void variantsFileListsTheSixVariantsInOrder() throws ScenarioException {
        List<Variant> variants = VariantLoader.load(Path.of("scenarios/variants.yaml"));
        assertThat(variants).extracting(Variant::id).containsExactly(
                "early-return", "drv-and-refs", "drv-only", "no-early-return", "caller-root", "drv-and-fetch");
        assertThat(variants).extracting(Variant::switches).containsExactly(
                Switches.baseline(),
                new Switches(WriteDerivationMode.ROOT_DRV_AND_REFS, false, false),
                new Switches(WriteDerivationMode.ROOT_DRV, false, false),
                new Switches(WriteDerivationMode.NO_EARLY_RETURN, false, false),
                new Switches(WriteDerivationMode.EARLY_RETURN, false, true),
                new Switches(WriteDerivationMode.ROOT_DRV, true, false));
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
        assertThat(VariantLoader.load(variants)).extracting(Variant::id).containsExactly("drv-only");
    }

    /** The fenced yaml block of {@code markdown} that starts with {@code firstLine}. */
    private static String yamlBlock(String markdown, String firstLine) {
        int start = markdown.indexOf("```yaml\n" + firstLine) + "```yaml\n".length();
        return markdown.substring(start, markdown.indexOf("```", start));
    }
}
