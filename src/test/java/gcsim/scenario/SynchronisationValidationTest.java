package gcsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of the operations that order processes, as Nix's tests do with FIFOs and the
 * _NIX_TEST_GC_SYNC hooks: builders, collector pauses, signal and wait. Each rejection checks the
 * whole one-line message; positions count the 8 lines of the shared store.
 */
class SynchronisationValidationTest extends ScenarioTestSupport {
    private static final String BUILDER_OPS = "sleep, signal, wait, set-free-space, use";

    // --- build with a builder ---

    @Test
    void buildWithABuilderLoadsEveryBuilderOperationInOrder() throws IOException, ScenarioException {
        Scenario s = load(STORE + """
                processes:
                  - name: P
                    ops:
                      - build:
                          drv: a.drv
                          builder:
                            - sleep: 2s
                            - signal: started
                            - wait: started
                            - set-free-space: 100
                            - use: src
                      - build: {drv: a.drv}
                """);
        String f = file();
        assertThat(s.processes().get(0).ops()).containsExactly(
                new Op.Build("a.drv", List.of(
                        new Op.Sleep(2_000_000_000L, new Pos(f, 15, 15)),
                        new Op.Signal("started", new Pos(f, 16, 15)),
                        new Op.Wait("started", new Pos(f, 17, 15)),
                        new Op.SetFreeSpace(100, new Pos(f, 18, 15)),
                        new Op.Use("src", new Pos(f, 19, 15))), new Pos(f, 12, 9)),
                new Op.Build("a.drv", List.of(), new Pos(f, 20, 9)));
    }

    @Test
    void processOperationInABuilderIsRejectedWithTheBuilderOperations() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{build: {drv: a.drv, builder: [{build: a.drv}]}}]}
                """, "10:53: operation 'build' cannot run in a builder (accepted in a builder: " + BUILDER_OPS + ")");
    }

    @Test
    void plainExitInABuilderIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{build: {drv: a.drv, builder: [exit]}}]}
                """, "10:52: operation 'exit' cannot run in a builder (accepted in a builder: " + BUILDER_OPS + ")");
    }

    @Test
    void repeatInABuilderIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{build: {drv: a.drv, builder: [{repeat: {times: 2, ops: [{sleep: 1s}]}}]}}]}
                """, "10:53: operation 'repeat' cannot run in a builder (accepted in a builder: " + BUILDER_OPS + ")");
    }

    @Test
    void unknownKeyInABuilderOperationListsTheBuilderOperations() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{build: {drv: a.drv, builder: [{spin: 1s}]}}]}
                """, "10:53: unknown key 'spin' in builder operation (accepted in a builder: " + BUILDER_OPS + ")");
    }

    @Test
    void builderOperationWithoutItsArgumentIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{build: {drv: a.drv, builder: [sleep]}}]}
                """, "10:52: operation 'sleep' needs an argument (write it as sleep: …; accepted in a builder: "
                + BUILDER_OPS + ")");
    }

    @Test
    void builderUseMustNameADeclaredPath() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{build: {drv: a.drv, builder: [{use: lib}]}}]}
                """, "10:58: unknown path or derivation 'lib' in use (declared: src, a.drv, out)");
    }

    @Test
    void emptyBuilderIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{build: {drv: a.drv, builder: []}}]}
                """, "10:51: builder is empty (at least one operation, or write the build as build: NAME)");
    }

    @Test
    void buildMappingNeedsItsDerivation() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{build: {builder: [{sleep: 1s}]}}]}
                """, "10:29: missing key 'drv' in build (required: drv)");
    }

    @Test
    void buildMappingOfANonDerivationIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{build: {drv: out}}]}
                """, "10:35: build needs a derivation, but 'out' is an output (declared: a.drv)");
    }

    @Test
    void buildWrittenAsAListIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{build: [a.drv]}]}
                """, "10:29: build is a list (expected a derivation name, or {drv: NAME, builder: [OPERATIONS]})");
    }

    @Test
    void unknownKeyOfABuildIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{build: {drv: a.drv, outputs: [out]}}]}
                """, "10:42: unknown key 'outputs' in build (accepted: drv, builder)");
    }

    // --- collect-garbage pauses ---

    @Test
    void pauseIsOneMappingOrAListOfThem() throws IOException, ScenarioException {
        Scenario s = load(STORE + """
                processes:
                  - name: P
                    ops:
                      - collect-garbage: {pause: {at: after-roots, until: go}}
                      - collect-garbage:
                          max-freed: 1M
                          pause: [{at: after-lock, until: go}, {at: after-roots, until: go2}]
                  - {name: Q, ops: [{signal: go}, {signal: go2}]}
                """);
        String f = file();
        assertThat(s.processes().get(0).ops()).containsExactly(
                new Op.CollectGarbage(Long.MAX_VALUE, List.of(new Op.GcPause(Op.PausePoint.AFTER_ROOTS, "go")), new Pos(f, 12, 9)),
                new Op.CollectGarbage(1L << 20, List.of(new Op.GcPause(Op.PausePoint.AFTER_LOCK, "go"),
                        new Op.GcPause(Op.PausePoint.AFTER_ROOTS, "go2")), new Pos(f, 13, 9)));
    }

    @Test
    void pausingTwiceAtOnePointIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - name: P
                    ops:
                      - collect-garbage:
                          pause: [{at: after-lock, until: go}, {at: after-lock, until: go}]
                  - {name: Q, ops: [{signal: go}]}
                """, "13:53: pause at 'after-lock' is given twice (first at 13:24; a collection passes each point once)");
    }

    @Test
    void unknownPausePointListsTheAcceptedPoints() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{collect-garbage: {pause: {at: before-delete, until: go}}}]}
                  - {name: Q, ops: [{signal: go}]}
                """, "10:52: unknown pause point 'before-delete' (accepted: after-lock, after-roots)");
    }

    @Test
    void pauseNeedsBothAtAndUntil() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{collect-garbage: {pause: {at: after-lock}}}]}
                """, "10:47: missing key 'until' in pause (required: at, until)");
    }

    @Test
    void emptyPauseListIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{collect-garbage: {pause: []}}]}
                """, "10:47: pause is empty (expected one {at: after-lock or after-roots, until: EVENT} mapping,"
                + " or a list of them)");
    }

    @Test
    void pauseUntilAnEventNothingSignalsIsRejectedAtTheEvent() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{collect-garbage: {pause: {at: after-lock, until: sync-1}}}]}
                  - {name: Q, ops: [{signal: sync-2}]}
                """, "10:71: process P pauses its collection until event 'sync-1', which nothing signals"
                + " (signalled events: sync-2)");
    }

    // --- signal and wait ---

    @Test
    void signalAndWaitLoadInProcessesAndRepeats() throws IOException, ScenarioException {
        Scenario s = load(STORE + """
                processes:
                  - {name: P, ops: [{signal: a}, {repeat: {times: 2, ops: [{wait: b}]}}]}
                  - {name: Q, ops: [{wait: a}, {signal: b}]}
                """);
        String f = file();
        assertThat(s.processes().get(0).ops()).containsExactly(new Op.Signal("a", new Pos(f, 10, 21)),
                new Op.Repeat(2, List.of(new Op.Wait("b", new Pos(f, 10, 60))), new Pos(f, 10, 34)));
        assertThat(s.processes().get(1).ops()).containsExactly(
                new Op.Wait("a", new Pos(f, 11, 21)), new Op.Signal("b", new Pos(f, 11, 32)));
    }

    @Test
    void waitForAnEventNothingSignalsIsRejectedAtTheWait() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{signal: gc-started}, {signal: gc-done}]}
                  - {name: Q, ops: [{wait: gc-finished}]}
                """, "11:28: process Q waits for event 'gc-finished', which nothing signals"
                + " (signalled events: gc-started, gc-done)");
    }

    @Test
    void waitInABuilderForAnEventNothingSignalsIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{build: {drv: a.drv, builder: [{wait: go}]}}]}
                """, "10:59: process P waits for event 'go', which nothing signals"
                + " (signalled events: none; add a signal to a process or a builder)");
    }

    @Test
    void signalFromABuilderReleasesAWaitInAnotherProcess() throws IOException, ScenarioException {
        Scenario s = load(STORE + """
                processes:
                  - {name: P, ops: [{build: {drv: a.drv, builder: [{signal: built}]}}]}
                  - {name: Q, ops: [{wait: built}, {collect-garbage: {}}]}
                """);
        assertThat(s.processes()).hasSize(2);
    }

    @Test
    void waitThatOnlyItsOwnProcessSignalsLaterIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{wait: go}, {build: {drv: a.drv, builder: [{signal: go}]}}]}
                """, "10:28: process P waits for event 'go', which only P itself signals, after this point"
                + " (a process runs its operations in order: signal it from another process, or earlier)");
    }

    @Test
    void waitAfterItsOwnProcessSignalsLoads() throws IOException, ScenarioException {
        Scenario s = load(STORE + """
                processes:
                  - {name: P, ops: [{signal: go}, {repeat: {times: 3, ops: [{wait: go}]}}]}
                """);
        assertThat(s.processes().get(0).ops()).hasSize(2);
    }

    @Test
    void eventNameMustBeAPlainName() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [{signal: "gc done"}]}
                """, "10:30: signal 'gc done' is not a valid name (letters, digits, _ and -)");
    }

    @Test
    void waitNeedsAnEvent() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, ops: [wait]}
                """, "10:21: operation 'wait' needs an argument (write it as wait: …)");
    }
}
