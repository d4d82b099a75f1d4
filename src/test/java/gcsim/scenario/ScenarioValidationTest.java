package gcsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of the scenario format: each writes a small file and checks the whole
 * one-line message, {@code FILE:LINE:COLUMN: what is wrong (what is accepted)}.
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

    // --- store ---

    @Test
    void unknownPathKindListsTheAcceptedKinds() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                store:
                  paths: [{name: x, kind: blob, size: 1}]
                """, "3:27: unknown kind 'blob' (accepted: source, output)");
    }

    @Test
    void derivationKindInPathsPointsToTheDerivationsSection() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                store:
                  paths: [{name: x.drv, kind: drv, size: 1}]
                """, "3:31: kind 'drv' is not accepted here (declare derivations under store.derivations;"
                + " kind is source or output)");
    }

    @Test
    void invalidStorePathNameIsRejected() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                store:
                  paths: [{name: "a b", kind: source, size: 1}]
                """, "3:18: path name 'a b' is not a valid name (letters, digits and + - . _ ? =,"
                + " not starting with '.', at most 211 characters)");
    }

    @Test
    void derivationNameMustEndInDrv() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                store:
                  derivations: [{name: hosts}]
                """, "3:24: derivation name 'hosts' does not end in .drv (derivations are named like hosts.drv)");
    }

    @Test
    void pathAndDerivationNamesShareOneNamespace() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                store:
                  paths: [{name: x, kind: source, size: 1}]
                  derivations:
                    - name: a.drv
                      outputs: [{name: x, size: 1}]
                """, "6:24: duplicate name 'x' (first declared at 3:18; paths and derivations share one namespace)");
    }

    @Test
    void unknownReferenceListsTheDeclaredNames() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                store:
                  paths:
                    - {name: x, kind: source, size: 1, refs: [y]}
                """, "4:47: unknown path or derivation 'y' in refs of 'x' (declared: x)");
    }

    @Test
    void deriverMustBeADeclaredDerivation() throws IOException {
        assertRejectedWithAProcess(STORE.replace("    - {name: src, kind: source, size: 1K}",
                "    - {name: src, kind: source, size: 1K}\n    - {name: o, kind: output, size: 1, deriver: src}"),
                "5:49: deriver of 'o' needs a derivation, but 'src' is a source (declared: a.drv)");
    }

    @Test
    void deriverIsOnlyForOutputs() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                store:
                  paths: [{name: x, kind: source, size: 1, deriver: a.drv}]
                """, "3:44: deriver is only accepted on outputs (kind: output), not on a source 'x'");
    }

    @Test
    void inputDrvsMustNameDeclaredDerivations() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                store:
                  derivations: [{name: a.drv, input-drvs: [b.drv]}]
                """, "3:44: unknown path or derivation 'b.drv' in input-drvs of 'a.drv' (declared: a.drv)");
    }

    @Test
    void inputDrvsMustNotNameANonDerivation() throws IOException {
        assertRejectedWithAProcess(STORE.replace("input-srcs: [src]", "input-drvs: [src]"),
                "7:20: input-drvs of 'a.drv' needs a derivation, but 'src' is a source (declared: a.drv)");
    }

    @Test
    void inputSrcsMustNameSources() throws IOException {
        assertRejectedWithAProcess(STORE.replace("input-srcs: [src]", "input-srcs: [out]"),
                "7:20: input-srcs of 'a.drv' needs a source, but 'out' is an output (declared: src)");
    }

    @Test
    void referenceCycleIsReportedAlongTheCycle() throws IOException {
        assertRejectedWithAProcess("""
                description: d
                store:
                  paths:
                    - {name: a, kind: source, size: 1, refs: [b]}
                    - {name: b, kind: source, size: 1, refs: [c]}
                    - {name: c, kind: source, size: 1, refs: [a]}
                """, "6:47: reference cycle: a -> b -> c -> a"
                + " (references must not form a cycle; only a path referring to itself is allowed)");
    }

    @Test
    void aPathMayReferToItself() throws IOException, ScenarioException {
        Scenario s = load("""
                description: d
                store:
                  paths: [{name: a, kind: output, size: 1, refs: [a]}]
                processes: [{name: P, ops: [{use: a}]}]
                """);
        assertThat(s.paths().get(0).refs()).containsExactly("a");
    }

    @Test
    void presentPathNeedsItsReferencesPresent() throws IOException {
        assertRejectedWithAProcess(STORE.replace("input-srcs: [src]", "input-srcs: [src]\n      present: true")
                        .replace("size: 1K}\n  derivations", "size: 1K, present: false}\n  derivations"),
                "7:20: 'a.drv' is present at the start but its reference 'src' is not (a valid path's references"
                + " are valid too: make 'src' present or 'a.drv' absent)");
    }

    @Test
    void outputDeclaredUnderPathsWithADeriverBecomesOneOfItsOutputs() throws IOException, ScenarioException {
        Scenario s = load(STORE.replace("    - {name: src, kind: source, size: 1K}",
                "    - {name: src, kind: source, size: 1K}\n    - {name: old, kind: output, size: 1, deriver: a.drv, present: false}")
                + "processes: [{name: P, ops: [exit]}]\n");
        assertThat(s.derivations().get(0).outputs()).containsExactly("out", "old");
        assertThat(s.paths()).extracting(PathSpec::name).containsExactly("src", "old", "a.drv", "out");
    }

    // --- fetcher cache and roots ---

    @Test
    void fetcherCacheMustNameDeclaredSources() throws IOException {
        assertRejectedAfterStore("""
                fetcher-cache:
                  user: [src, nope]
                processes: [{name: P, ops: [exit]}]
                """, "10:15: unknown path or derivation 'nope' in fetcher-cache (declared: src, a.drv, out)");
    }

    @Test
    void fetcherCacheHoldsOnlySources() throws IOException {
        assertRejectedAfterStore("""
                fetcher-cache:
                  user: [out]
                processes: [{name: P, ops: [exit]}]
                """, "10:10: fetcher-cache needs a source, but 'out' is an output (declared: src)");
    }

    @Test
    void fetcherCacheUserMustBeTheUserOfSomeProcess() throws IOException {
        assertRejectedAfterStore("""
                fetcher-cache:
                  bob: [src]
                processes: [{name: P, user: alice, ops: [exit]}]
                """, "10:3: fetcher-cache user 'bob' is not the user of any process (users: alice)");
    }

    @Test
    void rootsMustNameDeclaredPaths() throws IOException {
        assertRejectedAfterStore("""
                roots:
                  - gcroot: {link: ci, path: missing}
                processes: [{name: P, ops: [exit]}]
                """, "10:30: unknown path or derivation 'missing' in gcroot root (declared: src, a.drv, out)");
    }

    @Test
    void rootHasExactlyOneKind() throws IOException {
        assertRejectedAfterStore("""
                roots:
                  - gcroot: {link: ci, path: out}
                    profile: {link: default, path: out}
                processes: [{name: P, ops: [exit]}]
                """, "11:5: a root has exactly one of gcroot, indirect, profile, but this one also has 'gcroot'"
                + " (write each root as its own list item)");
    }

    @Test
    void indirectRootLinkMustBeAbsolute() throws IOException {
        assertRejectedAfterStore("""
                roots:
                  - indirect: {link: home/result, path: out}
                processes: [{name: P, ops: [exit]}]
                """, "10:22: link of an indirect root 'home/result' is not an absolute path (expected e.g. /home/alice/result)");
    }

    @Test
    void gcrootLinkMustStayUnderGcroots() throws IOException {
        assertRejectedAfterStore("""
                roots:
                  - gcroot: {link: ../escape, path: out}
                processes: [{name: P, ops: [exit]}]
                """, "10:20: link of a gcroot '../escape' has an empty, '.', '..' or control-character component"
                + " (expected a plain path such as ci-result)");
    }

    @Test
    void rootsLoadInFileOrder() throws IOException, ScenarioException {
        Scenario s = load(STORE + """
                roots:
                  - gcroot: {link: ci, path: out}
                  - indirect: {link: /home/alice/result, path: a.drv}
                  - profile: {link: default, path: src}
                processes: [{name: P, ops: [exit]}]
                """);
        String f = dir.resolve("s.yaml").toString();
        assertThat(s.roots()).containsExactly(
                new RootSpec(RootSpec.Kind.GCROOT, "ci", "out", new Pos(f, 10, 5)),
                new RootSpec(RootSpec.Kind.INDIRECT, "/home/alice/result", "a.drv", new Pos(f, 11, 5)),
                new RootSpec(RootSpec.Kind.PROFILE, "default", "src", new Pos(f, 12, 5)));
    }

    // --- processes ---

    @Test
    void emptyProcessListIsRejected() throws IOException {
        assertRejectedAfterStore("processes: []\n", "9:12: processes is empty (at least one process)");
    }

    @Test
    void duplicateProcessNameIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [exit]}
                  - {name: P, ops: [exit]}
                """, "11:12: duplicate process name 'P' (first at 10:12; each process needs its own name)");
    }

    @Test
    void invalidProcessNameIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: "P 1", ops: [exit]}
                """, "10:12: process name 'P 1' is not a valid name (letters, digits, _ and -)");
    }

    @Test
    void startAfterMustNameAKnownProcess() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, start: {after: Q}, ops: [exit]}
                """, "10:30: unknown process 'Q' in start.after (processes: P)");
    }

    @Test
    void startAfterMustNotNameItself() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, start: {after: P}, ops: [exit]}
                """, "10:30: process 'P' cannot start after itself (name another process, or use a duration)");
    }

    @Test
    void startAfterCycleIsReported() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, start: {after: Q}, ops: [exit]}
                  - {name: Q, start: {after: R}, ops: [exit]}
                  - {name: R, start: {after: P}, ops: [exit]}
                """, "10:30: start-after cycle: P -> Q -> R -> P (no process on it could ever start)");
    }

    @Test
    void startAfterLoadsAsAfter() throws IOException, ScenarioException {
        Scenario s = load(STORE + """
                processes:
                  - {name: P, ops: [exit]}
                  - {name: Q, via-daemon: false, user: alice, start: {after: P}, ops: [exit]}
                """);
        ProcessSpec q = s.processes().get(1);
        assertThat(q.start()).isEqualTo(new Start.After("P"));
        assertThat(q.viaDaemon()).isFalse();
        assertThat(q.user()).isEqualTo("alice");
    }

    @Test
    void emptyOpsIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: []}
                """, "10:20: ops is empty (at least one operation)");
    }

    // --- operations ---

    @Test
    void everyOperationLoadsIntoItsRecord() throws IOException, ScenarioException {
        Scenario s = load(STORE + """
                processes:
                  - name: P
                    ops:
                      - write-derivation: a.drv
                      - add-to-store: src
                      - fetch-to-store: src
                      - is-valid-path: out
                      - use: a.drv
                      - add-temp-root: out
                      - add-perm-root: {path: out, link: /home/alice/result}
                      - build: a.drv
                      - collect-garbage: {}
                      - collect-garbage: {max-freed: 1M}
                      - set-free-space: 10M
                      - sleep: 100ms
                      - reconnect
                      - repeat: {times: 3, ops: [{use: src}]}
                      - exit
                """);
        String f = dir.resolve("s.yaml").toString();
        assertThat(s.processes().get(0).ops()).containsExactly(
                new Op.WriteDerivation("a.drv", new Pos(f, 12, 9)),
                new Op.AddToStore("src", new Pos(f, 13, 9)),
                new Op.FetchToStore("src", new Pos(f, 14, 9)),
                new Op.IsValidPath("out", new Pos(f, 15, 9)),
                new Op.Use("a.drv", new Pos(f, 16, 9)),
                new Op.AddTempRoot("out", new Pos(f, 17, 9)),
                new Op.AddPermRoot("out", "/home/alice/result", new Pos(f, 18, 9)),
                new Op.Build("a.drv", new Pos(f, 19, 9)),
                new Op.CollectGarbage(Long.MAX_VALUE, new Pos(f, 20, 9)),
                new Op.CollectGarbage(1L << 20, new Pos(f, 21, 9)),
                new Op.SetFreeSpace(10L << 20, new Pos(f, 22, 9)),
                new Op.Sleep(100_000_000L, new Pos(f, 23, 9)),
                new Op.Reconnect(new Pos(f, 24, 9)),
                new Op.Repeat(3, List.of(new Op.Use("src", new Pos(f, 25, 34))), new Pos(f, 25, 9)),
                new Op.Exit(new Pos(f, 26, 9)));
    }

    @Test
    void unknownOperationListsTheAcceptedOperations() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{write-drv: a.drv}]}
                """, "10:22: unknown key 'write-drv' in operation (accepted: write-derivation, add-to-store,"
                + " fetch-to-store, builtins-path, is-valid-path, use, add-temp-root, add-perm-root, symlink-root,"
                + " remove-root, build, build-derivation, copy-paths, import-derivation,"
                + " collect-garbage, set-free-space, sleep, signal, wait, reconnect, exit, repeat)");
    }

    @Test
    void operationWithTwoKeysIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - name: P
                    ops:
                      - use: src
                        build: a.drv
                """, "13:9: an operation has exactly one key, but this one also has 'use'"
                + " (write each operation as its own list item)");
    }

    @Test
    void operationThatNeedsAnArgumentCannotBeAPlainWord() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [build]}
                """, "10:21: operation 'build' needs an argument (write it as build: …)");
    }

    @Test
    void reconnectTakesNoArgument() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{reconnect: now}]}
                """, "10:33: reconnect takes no argument, but has the string 'now' (write it as a plain - reconnect)");
    }

    @Test
    void writeDerivationOfANonDerivationIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{write-derivation: out}]}
                """, "10:40: write-derivation needs a derivation, but 'out' is an output (declared: a.drv)");
    }

    @Test
    void buildOfANonDerivationIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{build: src}]}
                """, "10:29: build needs a derivation, but 'src' is a source (declared: a.drv)");
    }

    @Test
    void addToStoreOfAnOutputIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{add-to-store: out}]}
                """, "10:36: add-to-store needs a source, but 'out' is an output (declared: src)");
    }

    @Test
    void operationOnAnUnknownNameIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{use: hosts}]}
                """, "10:27: unknown path or derivation 'hosts' in use (declared: src, a.drv, out)");
    }

    @Test
    void addPermRootLinkMustBeAbsolute() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{add-perm-root: {path: out, link: result}}]}
                """, "10:55: link of add-perm-root 'result' is not an absolute path (expected e.g. /home/alice/result)");
    }

    @Test
    void repeatTimesBelowOneIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{repeat: {times: 0, ops: [reconnect]}}]}
                """, "10:38: times '0' is out of range (expected an integer from 1 to 10000)");
    }

    @Test
    void repeatTimesAboveTenThousandIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{repeat: {times: 10001, ops: [reconnect]}}]}
                """, "10:38: times '10001' is out of range (expected an integer from 1 to 10000)");
    }

    @Test
    void unknownPlainOperationListsTheAcceptedOperations() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [restart]}
                """, "10:21: unknown operation 'restart' (accepted: write-derivation, add-to-store, fetch-to-store,"
                + " builtins-path, is-valid-path, use, add-temp-root, add-perm-root, symlink-root, remove-root, build,"
                + " build-derivation, copy-paths, import-derivation, collect-garbage,"
                + " set-free-space, sleep, signal, wait, reconnect, exit, repeat)");
    }

    @Test
    void operationWrittenAsAListIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [[use, src]]}
                """, "10:21: operation is a list (expected a single-key mapping such as write-derivation: hosts.drv,"
                + " or one of reconnect, exit, collect-garbage)");
    }

    @Test
    void plainCollectGarbageFreesWithoutLimit() throws IOException, ScenarioException {
        Scenario s = load(STORE + "processes: [{name: P, ops: [collect-garbage, {collect-garbage: }]}]\n");
        assertThat(s.processes().get(0).ops()).extracting(op -> ((Op.CollectGarbage) op).maxFreed())
                .containsExactly(Long.MAX_VALUE, Long.MAX_VALUE);
    }

    @Test
    void repeatNestedDeeperThanSixteenLevelsIsRejected() throws IOException {
        String yaml = STORE + "processes:\n  - {name: P, ops: [" + "{repeat: {times: 1, ops: [".repeat(17) + "reconnect"
                + "]}}".repeat(17) + "]}\n";
        assertRejected(yaml, "10:437: repeat is nested too deep (at most 16 levels)");
    }

    @Test
    void aliasesThatExpandToTooManyNodesAreRejected() throws IOException {
        StringBuilder yaml = new StringBuilder(STORE + "processes:\n  - name: P\n    ops:\n      - &r0 {repeat: {times: 1, ops: ["
                + String.join(", ", java.util.Collections.nCopies(10, "{use: src}")) + "]}}\n");
        for (int i = 1; i < 6; i++) {
            yaml.append("      - &r").append(i).append(" {repeat: {times: 1, ops: [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*r" + (i - 1)))).append("]}}\n");
        }
        assertRejected(yaml.toString(), "12:112: document is too large once aliases are expanded (at most 100000 nodes)");
    }

    @Test
    void operationAfterExitIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [exit, reconnect]}
                """, "10:27: operation after exit is never reached (exit must be the last operation of its list)");
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
