package gcsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gcsim.variant.PathInUse;
import gcsim.variant.Switches;
import gcsim.variant.TempRootClient;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import gcsim.variant.WriteDerivationMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per rule of the variants file, each checking the whole one-line message. */
class VariantValidationTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("variants.yaml"), yaml);
    }

    private void assertRejected(String yaml, String expected) throws IOException {
        Path file = write(yaml);
        assertThatThrownBy(() -> VariantLoader.load(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(file + ":" + expected);
    }

    @Test
    void missingSwitchesMeanTheBaseline() throws IOException, ScenarioException {
        Path file = write("""
                variants:
                  - {id: base, description: the baseline}
                  - id: mixed
                    description: one switch
                    switches: {fetch-cache-temp-root: true}
                """);
        assertThat(VariantLoader.load(file)).containsExactly(
                new Variant("base", "the baseline", Switches.baseline()),
                new Variant("mixed", "one switch", new Switches(WriteDerivationMode.EARLY_RETURN, true, false)));
    }

    @Test
    void unknownWriteDerivationModeListsTheAcceptedModes() throws IOException {
        assertRejected("""
                variants:
                  - {id: v, description: d, switches: {write-derivation: root-all}}
                """, "2:58: unknown write-derivation mode 'root-all'"
                + " (accepted: early-return, root-drv-and-refs, root-drv, no-early-return)");
    }

    @Test
    void unknownSwitchListsTheAcceptedSwitches() throws IOException {
        assertRejected("""
                variants:
                  - {id: v, description: d, switches: {caller-root: true}}
                """, "2:40: unknown key 'caller-root' in switches"
                + " (accepted: write-derivation, fetch-cache-temp-root, caller-roots, temp-root-client, path-in-use,"
                + " gc-delete-recheck, src-memo, temp-root-dedup, add-recheck-uncached, auto-gc-thread, gc-root-order,"
                + " copy-temp-roots, build-input-temp-roots, import-drv-root, worker-exit, gc-client-catch, monitor-stop)");
    }

    @Test
    void unknownTempRootClientListsTheAcceptedClients() throws IOException {
        assertRejected("""
                variants:
                  - {id: v, description: d, switches: {temp-root-client: nix-2.9}}
                """, "2:58: unknown temp-root-client 'nix-2.9' (accepted: nix-2.20, nix-2.8)");
    }

    @Test
    void unknownPathInUseReactionListsTheAcceptedReactions() throws IOException {
        assertRejected("""
                variants:
                  - {id: v, description: d, switches: {path-in-use: ignore}}
                """, "2:53: unknown path-in-use 'ignore' (accepted: log-bug, abort)");
    }

    @Test
    void newerNixSwitchesLoadWithTheOthersAtBaseline() throws IOException, ScenarioException {
        Path file = write("""
                variants:
                  - {id: old.nix, description: d, switches: {temp-root-client: nix-2.8, path-in-use: abort}}
                """);
        assertThat(VariantLoader.load(file)).containsExactly(new Variant("old.nix", "d",
                new Switches(WriteDerivationMode.EARLY_RETURN, false, false, TempRootClient.NIX_2_8, PathInUse.ABORT)));
    }

    @Test
    void switchValueMustBeABoolean() throws IOException {
        assertRejected("""
                variants:
                  - {id: v, description: d, switches: {caller-roots: 1}}
                """, "2:54: caller-roots is the integer '1' (expected true or false)");
    }

    @Test
    void duplicateIdIsRejected() throws IOException {
        assertRejected("""
                variants:
                  - {id: v, description: d}
                  - {id: v, description: e}
                """, "3:10: duplicate variant id 'v' (first at 2:10; each variant needs its own id)");
    }

    @Test
    void idMustBeLowerCaseLettersDigitsAndDashes() throws IOException {
        assertRejected("""
                variants:
                  - {id: Drv_Only, description: d}
                """, "2:10: id 'Drv_Only' is not a valid name"
                + " (lower-case letters, digits, - and ., starting with a letter or digit)");
    }

    @Test
    void descriptionIsRequired() throws IOException {
        assertRejected("""
                variants:
                  - {id: v}
                """, "2:5: missing key 'description' in variant (required: id, description)");
    }

    @Test
    void descriptionMustBeOneLine() throws IOException {
        assertRejected("""
                variants:
                  - id: v
                    description: |
                      first
                      second
                """, "3:18: description of 'v' is more than one line (expected a one-line summary)");
    }

    @Test
    void emptyVariantListIsRejected() throws IOException {
        assertRejected("variants: []\n", "1:11: variants is empty (at least one variant)");
    }

    @Test
    void unknownTopLevelKeyIsRejected() throws IOException {
        assertRejected("variant: []\n", "1:1: unknown key 'variant' in the variants file (accepted: variants)");
    }

    @Test
    void missingFileIsReportedAtLineOne() {
        Path file = dir.resolve("none.yaml");
        assertThatThrownBy(() -> VariantLoader.load(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(file + ":1:1: cannot read file (no such file)");
    }
}
