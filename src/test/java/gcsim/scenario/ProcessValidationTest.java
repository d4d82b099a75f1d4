package gcsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of the scenario format about processes and their operations: each writes a small
 * file and checks the whole one-line message.
 */
class ProcessValidationTest extends ScenarioTestSupport {
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
                + " collect-garbage, set-free-space, sleep, signal, wait, interrupt, reconnect, exit, repeat)");
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
                + " set-free-space, sleep, signal, wait, interrupt, reconnect, exit, repeat)");
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
}
