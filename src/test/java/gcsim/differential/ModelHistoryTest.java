package gcsim.differential;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.search.SplitMix64;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The model side of the differential check alone: it needs no Nix, so it runs everywhere. */
class ModelHistoryTest {

    static Variant nix28() throws Exception {
        return VariantLoader.load(Path.of("scenarios", "variants.yaml")).stream()
                .filter(v -> v.id().equals("nix-2.8")).findFirst().orElseThrow();
    }

    @Test
    void everyGeneratedHistoryRunsToItsEndInTheModelWhateverTheReaddirOrder() throws Exception {
        Variant v = nix28();
        for (int i = 0; i < 300; i++) {
            History h = HistoryGenerator.generate(SplitMix64.mix(1, i));
            Outcome o = ModelHistory.run(h, v);
            assertThat(o.error()).as(String.join("\n", h.describe())).isNull();
            assertThat(o.before()).containsAll(o.after()).containsAll(o.dead());
        }
    }
}
