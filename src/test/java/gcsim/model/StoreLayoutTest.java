package gcsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gcsim.scenario.DerivationSpec;
import gcsim.scenario.PathKind;
import gcsim.scenario.PathSpec;
import gcsim.scenario.Scenario;
import gcsim.scenario.Settings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Store paths as the model names them: Nix's base-32 of a hash over the kind, the name and the
 * references, so a path's name changes with what it refers to; ranks in store-path order; and
 * derivations that the scenario lists only as derivations.
 */
class StoreLayoutTest {
    private static final String NIX32 = "0123456789abcdfghijklmnpqrsvwxyz";

    private static StoreLayout layout(ScenarioBuilder b) {
        return new StoreLayout(b.build());
    }

    @Test
    void nixBase32WritesTheLowestFiveBitsOfTheFirstByteLast() {
        byte[] b = new byte[20];
        assertThat(StoreLayout.nix32(b, 20)).isEqualTo("0".repeat(32));
        b[0] = 1;
        assertThat(StoreLayout.nix32(b, 20)).isEqualTo("0".repeat(31) + "1");
        b[0] = 0x20; // bit 5: the second-to-last character
        assertThat(StoreLayout.nix32(b, 20)).isEqualTo("0".repeat(30) + "10");
        b[0] = 0;
        b[1] = 1; // bit 8: character 1 (bits 5-9) gets 1 << 3
        assertThat(StoreLayout.nix32(b, 20)).isEqualTo("0".repeat(30) + "80");
        b[1] = 0;
        b[19] = (byte) 0x80; // bit 159: the first character, bits 155-159, is 16
        assertThat(StoreLayout.nix32(b, 20)).isEqualTo(NIX32.charAt(16) + "0".repeat(31));
        assertThat(StoreLayout.nix32(new byte[] {(byte) 0xff}, 1)).hasSize(2).isEqualTo("7z");
    }

    @Test
    void aStorePathIsTheStoreDirAThirtyTwoCharacterHashAndTheName() {
        StoreLayout l = layout(new ScenarioBuilder().source("hello", 1024, true));
        int p = l.id("hello");

        assertThat(l.full(p)).matches("/nix/store/[" + NIX32 + "]{32}-hello");
        assertThat(l.full(p)).isEqualTo("/nix/store/" + l.hashPart(p) + "-hello");
        assertThat(l.name(p)).isEqualTo("hello");
        assertThat(l.kind(p)).isEqualTo(PathKind.SOURCE);
        assertThat(l.bytes(p)).isEqualTo(1024);
        assertThat(l.presentAtStart(p)).isTrue();
        assertThat(l.size()).isOne();
    }

    @Test
    void theSameNamesAndReferencesGiveTheSamePathsAndOtherReferencesOtherOnes() {
        StoreLayout a = layout(new ScenarioBuilder().source("dep", 1, true).source("other", 1, true).source("lib", 1, true, "dep"));
        StoreLayout b = layout(new ScenarioBuilder().source("dep", 1, true).source("other", 1, true).source("lib", 1, true, "dep"));
        StoreLayout c = layout(new ScenarioBuilder().source("dep", 1, true).source("other", 1, true).source("lib", 1, true, "other"));

        assertThat(a.full(a.id("lib"))).isEqualTo(b.full(b.id("lib")));
        assertThat(a.full(a.id("dep"))).isEqualTo(c.full(c.id("dep")));
        assertThat(a.full(a.id("lib"))).isNotEqualTo(c.full(c.id("lib")));
        assertThat(a.hashPart(a.id("dep"))).isNotEqualTo(a.hashPart(a.id("other")));
    }

    @Test
    void theKindIsPartOfTheHashAndASelfReferenceIsNotAReferenceToAnotherPath() {
        StoreLayout l = layout(new ScenarioBuilder().source("x", 1, true, "x").source("y", 1, true));
        int x = l.id("x");

        assertThat(l.refs(x)).containsExactly(x);
        assertThat(l.refsWithoutSelf(x)).isEmpty();
        assertThat(l.refsWithoutSelf(l.id("y"))).isEmpty();
        StoreLayout plain = layout(new ScenarioBuilder().source("x", 1, true));
        assertThat(plain.full(plain.id("x"))).as("a self-reference changes the hash").isNotEqualTo(l.full(x));
    }

    @Test
    void ranksFollowTheStorePathsSortedByHashThenName() {
        ScenarioBuilder b = new ScenarioBuilder();
        for (int i = 0; i < 12; i++) {
            b.source("p" + i, 1, true);
        }
        StoreLayout l = layout(b);
        List<String> byRank = new ArrayList<>(java.util.Collections.nCopies(l.size(), ""));
        for (int p = 0; p < l.size(); p++) {
            byRank.set(l.rank(p), l.full(p));
        }
        assertThat(byRank).isSorted().doesNotHaveDuplicates().doesNotContain("");
    }

    @Test
    void aDerivationListedOnlyAsADerivationIsAnAbsentDrvPathReferringToItsInputs() {
        Scenario s = new Scenario("t", "", "<test>",
                List.of(new PathSpec("src", PathKind.SOURCE, 1, List.of(), null, true, ScenarioBuilder.P),
                        new PathSpec("out", PathKind.OUTPUT, 1, List.of(), null, false, ScenarioBuilder.P)),
                List.of(new DerivationSpec("a.drv", List.of(), List.of("src"), List.of("out"), 99, ScenarioBuilder.P)),
                List.of(), List.of(), Settings.defaults(), List.of());
        StoreLayout l = new StoreLayout(s);
        int drv = l.id("a.drv");

        assertThat(l.size()).isEqualTo(3);
        assertThat(l.isDrv(drv)).isTrue();
        assertThat(l.isDrv(l.id("src"))).isFalse();
        assertThat(l.presentAtStart(drv)).isFalse();
        assertThat(l.bytes(drv)).isEqualTo(99);
        assertThat(l.refs(drv)).containsExactly(l.id("src"));
        assertThat(l.outputs(drv)).containsExactly(l.id("out"));
        assertThat(l.deriver(l.id("out"))).isEqualTo(drv);
        assertThat(l.deriver(l.id("src"))).isEqualTo(-1);
        assertThat(l.outputs(l.id("src"))).isEmpty();
    }

    @Test
    void anUnknownNameAndAReferenceCycleAreRefused() {
        StoreLayout l = layout(new ScenarioBuilder().source("a", 1, true));
        assertThatThrownBy(() -> l.id("nope")).isInstanceOf(IllegalArgumentException.class).hasMessage("unknown path nope");
        assertThatThrownBy(() -> layout(new ScenarioBuilder().source("a", 1, true, "b").source("b", 1, true, "a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("reference cycle through ");
    }
}
