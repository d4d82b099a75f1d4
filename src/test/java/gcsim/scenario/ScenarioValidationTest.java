package gcsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of the scenario format about keys and types, sizes and durations, and the file
 * itself: each writes a small file and checks the whole one-line message, {@code FILE:LINE:COLUMN:
 * what is wrong (what is accepted)}.
 */
class ScenarioValidationTest extends ScenarioTestSupport {
    // --- keys and types ---

    @Test
    void unknownKeyIsReportedWithLineAndColumn() throws IOException {
        assertRejected("""
                description: d
                procesess: []
                """, "2:1: unknown key 'procesess' in the scenario"
                + " (accepted: name, description, settings, store, fetcher-cache, roots, processes, expect)");
    }

    @Test
    void unknownSettingListsTheAcceptedSettings() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                settings:
                  min-free: 1G
                  minfree: 1G
                """, "4:3: unknown key 'minfree' in settings (accepted: min-free, max-free,"
                + " min-free-check-interval, keep-derivations, keep-outputs, free-space, gc-socket-exists)");
    }

    @Test
    void missingRequiredKeyIsReportedAtTheMappingThatLacksIt() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                store:
                  paths:
                    - name: src
                      kind: source
                """, "4:7: missing key 'size' in path (required: name, kind, size)");
    }

    @Test
    void missingProcessesIsReportedAtTheTopOfTheFile() throws IOException {
        assertRejected("description: d\n", "1:1: missing key 'processes' in the scenario (required: description, processes)");
    }

    @Test
    void wrongTypeSaysWhatWasFoundAndWhatIsAccepted() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                settings: [1G]
                """, "2:11: settings is a list (expected a mapping with keys min-free, max-free,"
                + " min-free-check-interval, keep-derivations, keep-outputs, free-space, gc-socket-exists)");
    }

    @Test
    void booleanAcceptsOnlyTrueOrFalse() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                settings:
                  keep-outputs: yes
                """, "3:17: keep-outputs is the string 'yes' (expected true or false)");
    }

    @Test
    void numberWhereANameIsExpectedMustBeQuoted() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - name: 12
                    ops: [exit]
                """, "10:11: process name is the integer '12' (expected a string; quote it to make it a string)");
    }

    @Test
    void emptyDescriptionIsRejected() throws IOException {
        assertRejected("""
                description: "  "
                processes: []
                """, "1:14: description is empty (expected what happens and where it was reported;"
                + " the first line is a summary)");
    }

    @Test
    void nameMustMatchTheFileBaseName() throws IOException {
        assertRejectedWithAProcess("""
                name: other
                description: d
                """, "1:7: name 'other' does not match the file name (expected 's', the file's base name, or no name key)");
    }

    @Test
    void duplicateKeyIsReportedAtItsSecondOccurrence() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                settings:
                  min-free: 1G
                  min-free: 2G
                """, "4:3: duplicate key 'min-free' in settings (first at 3:3; each key may appear once)");
    }

    // --- sizes and durations ---

    @Test
    void negativeSizeIsRejected() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                settings: {free-space: -5M}
                """, "2:24: free-space '-5M' is negative (expected a non-negative number of bytes,"
                + " optionally with suffix K, M or G (powers of 1024), e.g. 512, 2K, 1G)");
    }

    @Test
    void sizeTooLargeForALongIsRejected() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                settings: {min-free: 99999999999999999999G}
                """, "2:22: min-free '99999999999999999999G' is too large (at most 9223372036854775807 bytes)");
    }

    @Test
    void sizeThatOverflowsOnlyAfterItsSuffixIsRejected() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                settings: {max-free: 9000000000G}
                """, "2:22: max-free '9000000000G' is too large (at most 9223372036854775807 bytes)");
    }

    @Test
    void unknownSizeSuffixListsTheAcceptedSuffixes() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                settings: {min-free: 2T}
                """, "2:22: min-free '2T' has an unknown suffix 'T' (accepted suffixes: K, M, G)");
    }

    @Test
    void malformedSizeSaysWhatASizeLooksLike() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                settings: {min-free: 1.5G}
                """, "2:22: min-free '1.5G' is not a size (expected a non-negative number of bytes,"
                + " optionally with suffix K, M or G (powers of 1024), e.g. 512, 2K, 1G)");
    }

    @Test
    void negativeDurationIsRejected() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                settings: {min-free-check-interval: -1s}
                """, "2:37: min-free-check-interval '-1s' is negative (expected a non-negative integer with unit"
                + " ns, us, ms, s or m, or a bare integer of seconds, e.g. 0s, 100ms, 5)");
    }

    @Test
    void durationTooLargeForALongIsRejected() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                settings: {min-free-check-interval: 9999999999999m}
                """, "2:37: min-free-check-interval '9999999999999m' is too large (at most 9223372036854775807 ns)");
    }

    @Test
    void unknownDurationUnitListsTheAcceptedUnits() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                settings: {min-free-check-interval: 2h}
                """, "2:37: min-free-check-interval '2h' has an unknown suffix 'h' (accepted suffixes: ns, us, ms, s, m)");
    }

    @Test
    void bareDurationMeansSecondsAndSizesArePowersOf1024() throws IOException, ScenarioException {
        Scenario s = load(STORE + """
                settings: {min-free-check-interval: 7, min-free: 3M, free-space: 10}
                processes:
                  - name: P
                    start: 250ms
                    ops: [{sleep: 2m}, {set-free-space: 1K}, exit]
                """);
        assertThat(s.settings().minFreeCheckIntervalNanos()).isEqualTo(7_000_000_000L);
        assertThat(s.settings().minFree()).isEqualTo(3L << 20);
        assertThat(s.settings().freeSpace()).isEqualTo(10);
        assertThat(s.settings().maxFree()).isEqualTo(Long.MAX_VALUE);
        assertThat(s.processes().get(0).start()).isEqualTo(new Start.At(250_000_000L));
        assertThat(s.processes().get(0).ops()).extracting(Op::getClass)
                .containsExactly(Op.Sleep.class, Op.SetFreeSpace.class, Op.Exit.class);
        assertThat(((Op.Sleep) s.processes().get(0).ops().get(0)).nanos()).isEqualTo(120_000_000_000L);
        assertThat(((Op.SetFreeSpace) s.processes().get(0).ops().get(1)).bytes()).isEqualTo(1024);
    }

    // --- the file itself ---

    @Test
    void missingFileIsReportedAtLineOne() {
        Path file = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(file + ":1:1: cannot read file (no such file)");
    }

    @Test
    void yamlSyntaxErrorUsesTheParsersPosition() throws IOException {
        assertRejected("""
                description: d
                processes: [
                """, "3:1: YAML syntax error: expected the node content, but found '<stream end>'"
                + " (while parsing a flow node at 3:1)");
    }

    @Test
    void customTagIsRejected() throws IOException {
        assertRejected("""
                description: !shell d
                """, "1:14: tag '!shell' is not supported (no tags are needed;"
                + " only !!str, !!int, !!float, !!bool, !!null, !!seq, !!map are accepted)");
    }

    @Test
    void deepNestingIsRejectedWithoutOverflowingTheStack() throws IOException {
        assertRejected("description: " + "[".repeat(4_000),
                "1:77: nesting is too deep (at most 64 levels of mappings and lists)");
    }

    @Test
    void aliasBombIsStoppedAtTheFiftyFirstAlias() throws IOException {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 20; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        assertRejected(yaml.toString(), "7:10: too many aliases of mappings or lists (at most 50)");
    }

    @Test
    void recursiveAliasIsRejected() throws IOException {
        assertRejected("description: &d [*d]\n", "1:18: alias '*d' refers to a mapping or list that contains it"
                + " (recursive structures are not allowed)");
    }

    @Test
    void invalidUtf8IsReportedWhereItIs() throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', 'b', '\n', 'c', ':', ' ', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF});
        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(file + ":2:5: file is not valid UTF-8 (byte 0xFF; scenario files are UTF-8 text)");
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        assertRejected("# nothing\n", "1:1: file has no YAML document (a mapping of keys)");
    }
}
