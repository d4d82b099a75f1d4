package gcsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of the scenario format about the store (paths, derivations, references, the
 * fetcher cache and roots): each writes a small file and checks the whole one-line message.
 */
class StoreValidationTest extends ScenarioTestSupport {
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
}
