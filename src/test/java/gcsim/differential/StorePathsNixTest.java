package gcsim.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The store paths gcsim computes for a history are the ones real Nix 2.8 evaluates. */
@Tag("nix")
class StorePathsNixTest {

    @Test
    void computedStorePathsEqualThoseRealNixEvaluatesForTwentyHistories() throws Exception {
        var nix = NixInstall.onPath();
        assumeTrue(nix.isPresent(), "nix-store is not on the PATH");
        RealNix real = new RealNix(nix.get(), Path.of(System.getProperty("java.io.tmpdir")));
        for (int i = 0; i < 20; i++) {
            History h = HistoryGenerator.generate(Differential.historySeed(7, i));
            assertThat(real.checkStorePaths(h)).as("history " + h.seed()).isNull();
        }
    }
}
