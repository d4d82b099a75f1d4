package gcsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@code expect} and of the root operations a test script performs by hand
 * ({@code symlink-root}, {@code remove-root}). Each rejection checks the whole one-line message;
 * positions count the 8 lines of the shared store.
 */
class ExpectAndRootLinkValidationTest extends ScenarioTestSupport {
    private static final String PROCESS = "processes: [{name: P, ops: [exit]}]\n";

    // --- expect ---

    @Test
    void expectationsLoadInFileOrderWithEachListAsWritten() throws IOException, ScenarioException {
        Scenario s = load(STORE + PROCESS + """
                expect:
                  gone: [out]
                  valid: [src, a.drv]
                """);
        String f = file();
        assertThat(s.expect()).containsExactly(
                new Scenario.Expectation(Scenario.Expectation.Kind.GONE, "out", new Pos(f, 11, 10)),
                new Scenario.Expectation(Scenario.Expectation.Kind.VALID, "src", new Pos(f, 12, 11)),
                new Scenario.Expectation(Scenario.Expectation.Kind.VALID, "a.drv", new Pos(f, 12, 16)));
    }

    @Test
    void noExpectMeansNoFacts() throws IOException, ScenarioException {
        assertThat(load(STORE + PROCESS).expect()).isEmpty();
    }

    @Test
    void expectationOfAnUndeclaredNameListsTheDeclaredNames() throws IOException {
        assertRejectedAfterStore(PROCESS + """
                expect: {valid: [out, hosts]}
                """, "10:23: unknown path or derivation 'hosts' in expect.valid (declared: src, a.drv, out)");
    }

    @Test
    void nameExpectedBothValidAndGoneIsRejectedAtItsSecondMention() throws IOException {
        assertRejectedAfterStore(PROCESS + """
                expect:
                  valid: [out]
                  gone: [src, out]
                """, "12:15: 'out' is in both expect.valid and expect.gone (also at 11:11; a path cannot be both)");
    }

    @Test
    void nameListedTwiceInOneListIsRejected() throws IOException {
        assertRejectedAfterStore(PROCESS + """
                expect: {gone: [out, out]}
                """, "10:22: duplicate entry 'out' in expect.gone (each name once)");
    }

    @Test
    void pathExpectedValidWhoseClosureIsExpectedGoneIsRejected() throws IOException {
        assertRejectedAfterStore(PROCESS + """
                expect: {gone: [src], valid: [a.drv]}
                """, "10:31: 'a.drv' is expected valid but 'src', in its closure, is expected gone"
                + " (a valid path's references are valid too)");
    }

    @Test
    void unknownKeyInExpectListsTheAcceptedKeys() throws IOException {
        assertRejectedAfterStore(PROCESS + """
                expect: {present: [out]}
                """, "10:10: unknown key 'present' in expect (accepted: valid, gone)");
    }

    @Test
    void expectMustBeAMapping() throws IOException {
        assertRejectedAfterStore(PROCESS + """
                expect: [out]
                """, "10:9: expect is a list (expected a mapping with keys valid, gone)");
    }

    // --- symlink-root and remove-root ---

    @Test
    void symlinkRootAndRemoveRootLoadIntoTheirRecords() throws IOException, ScenarioException {
        Scenario s = load(STORE + """
                roots:
                  - gcroot: {link: ci, path: out}
                  - indirect: {link: /home/alice/result, path: out}
                processes:
                  - name: P
                    ops:
                      - symlink-root: {path: out, link: tests/foo}
                      - add-perm-root: {path: src, link: /test-root/result}
                      - remove-root: tests/foo
                      - remove-root: ci
                      - remove-root: /home/alice/result
                      - repeat: {times: 2, ops: [{remove-root: /test-root/result}]}
                """);
        String f = file();
        assertThat(s.processes().get(0).ops()).containsExactly(
                new Op.SymlinkRoot("out", "tests/foo", new Pos(f, 15, 9)),
                new Op.AddPermRoot("src", "/test-root/result", new Pos(f, 16, 9)),
                new Op.RemoveRoot("tests/foo", new Pos(f, 17, 9)),
                new Op.RemoveRoot("ci", new Pos(f, 18, 9)),
                new Op.RemoveRoot("/home/alice/result", new Pos(f, 19, 9)),
                new Op.Repeat(2, List.of(new Op.RemoveRoot("/test-root/result", new Pos(f, 20, 34))), new Pos(f, 20, 9)));
    }

    @Test
    void symlinkRootLinkIsANameUnderGcroots() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{symlink-root: {path: out, link: /home/alice/result}}]}
                """, "10:54: link of symlink-root '/home/alice/result' is not a relative path"
                + " (expected a name under gcroots, e.g. ci-result)");
    }

    @Test
    void symlinkRootMustNameADeclaredPath() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{symlink-root: {path: result, link: foo}}]}
                """, "10:43: unknown path or derivation 'result' in symlink-root (declared: src, a.drv, out)");
    }

    @Test
    void symlinkRootNeedsPathAndLink() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{symlink-root: {path: out}}]}
                """, "10:36: missing key 'link' in symlink-root (required: path, link)");
    }

    @Test
    void removeRootOfALinkNothingMakesIsRejected() throws IOException {
        assertRejectedAfterStore("""
                roots:
                  - profile: {link: default, path: out}
                processes:
                  - {name: P, ops: [{symlink-root: {path: out, link: foo}}, {remove-root: fo}]}
                """, "12:75: remove-root 'fo' is not a root link of this scenario (names under gcroots from gcroot"
                + " roots and symlink-root: foo; absolute links from indirect roots and add-perm-root: none)");
    }

    @Test
    void removeRootMayNameALinkAnotherProcessMakesLater() throws IOException, ScenarioException {
        Scenario s = load(STORE + """
                processes:
                  - {name: P, ops: [{remove-root: /r}]}
                  - {name: Q, ops: [{add-perm-root: {path: out, link: /r}}]}
                """);
        assertThat(s.processes()).hasSize(2);
    }

    @Test
    void removeRootLinkMustBeAPlainPath() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{remove-root: ../gcroots/foo}]}
                """, "10:35: remove-root '../gcroots/foo' has an empty, '.', '..' or control-character component"
                + " (expected a plain path such as ci-result)");
    }

    @Test
    void removeRootOfAnAbsoluteLinkMustBeAPlainPath() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{remove-root: /home//result}]}
                """, "10:35: remove-root '/home//result' has an empty, '.', '..' or control-character component"
                + " (expected a plain path such as /home/alice/result)");
    }

    @Test
    void removeRootNeedsALink() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{remove-root: {link: foo}}]}
                """, "10:35: remove-root is a mapping (expected a string)");
    }
}
