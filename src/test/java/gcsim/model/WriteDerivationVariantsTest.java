package gcsim.model;

import static gcsim.model.ScenarioBuilder.at;
import static gcsim.model.ScenarioBuilder.write;
import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.TraceEvent;
import gcsim.scenario.Scenario;
import gcsim.variant.Switches;
import gcsim.variant.Variant;
import gcsim.variant.WriteDerivationMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each write-derivation switch takes exactly the temp roots its patch takes before the validity
 * check (§2.1): #15158 as first proposed roots the drv and every reference, #15237 the drv only, the
 * baseline nothing. The references' roots are what tells drv-and-refs from drv-only.
 */
class WriteDerivationVariantsTest {
    /** One client writes a drv that references two sources and itself, with nothing else running. */
    private static Scenario oneWrite() {
        return new ScenarioBuilder()
                .source("nixpkgs", 1L << 20, true)
                .source("builder.sh", 1024, true)
                .gcroot("nixpkgs", "nixpkgs")
                .drv("hosts.drv", List.of(), List.of("nixpkgs", "builder.sh"), "hosts", false)
                .process("X", true, at(0), write("hosts.drv"))
                .build();
    }

    /** The paths temp-rooted, in order, by the client's worker while it ran. */
    private static List<String> tempRooted(WriteDerivationMode mode) {
        Variant v = new Variant(mode.key(), "", new Switches(mode, false, false));
        RunResult r = new Runner(oneWrite(), v, 10_000).run(new Seeds(7), true);
        assertThat(r.failure()).isNull();
        return r.trace().stream().map(TraceEvent::text).filter(t -> t.startsWith("temp-roots "))
                .map(t -> t.substring("temp-roots ".length()).split(" ")[0]).toList();
    }

    /** The PR's loop runs over a StorePathSet: by hash, then name, whatever order the scenario lists them in. */
    @Test
    void drvAndRefsTempRootsTheDrvAndThenEachReferenceInStorePathSetOrderBeforeTheValidityCheck() {
        StoreLayout layout = new StoreLayout(oneWrite());
        List<String> refs = java.util.stream.Stream.of("nixpkgs", "builder.sh")
                .sorted(java.util.Comparator.comparing(n -> layout.full(layout.id(n)))).toList();
        assertThat(refs).as("the hashes put builder.sh first, against the scenario's order")
                .containsExactly("builder.sh", "nixpkgs");
        assertThat(tempRooted(WriteDerivationMode.ROOT_DRV_AND_REFS))
                .startsWith("hosts.drv", refs.get(0), refs.get(1));
    }

    @Test
    void drvOnlyTempRootsTheDrvButNoReference() {
        List<String> rooted = tempRooted(WriteDerivationMode.ROOT_DRV);
        assertThat(rooted).startsWith("hosts.drv").doesNotContain("nixpkgs", "builder.sh");
    }

    @Test
    void theBaselineTakesNoTempRootBeforeTheWorkerDoes() {
        List<String> rooted = tempRooted(WriteDerivationMode.EARLY_RETURN);
        assertThat(rooted).doesNotContain("nixpkgs", "builder.sh");
    }
}
