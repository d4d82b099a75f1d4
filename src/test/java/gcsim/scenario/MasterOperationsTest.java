package gcsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operations added for the windows still open on master: copy-paths, build-derivation,
 * import-derivation and builtins-path load into their records, and a wrong argument is one located
 * line.
 */
class MasterOperationsTest extends ScenarioTestSupport {
    private List<Op> ops(String opsYaml) throws IOException, ScenarioException {
        return load(STORE + "processes:\n  - name: P\n    ops:\n" + opsYaml).processes().get(0).ops();
    }

    @Test
    void copyPathsTakesOneNameOrAListOfNames() throws IOException, ScenarioException {
        List<Op> ops = ops("""
                      - copy-paths: out
                      - copy-paths: [src, a.drv]
                """);
        assertThat(ops).containsExactly(new Op.CopyPaths(List.of("out"), new Pos(file(), 12, 9)),
                new Op.CopyPaths(List.of("src", "a.drv"), new Pos(file(), 13, 9)));
    }

    @Test
    void buildDerivationTakesADerivationOrADerivationWithBuilderOperations() throws IOException, ScenarioException {
        List<Op> ops = ops("""
                      - build-derivation: a.drv
                      - build-derivation: {drv: a.drv, builder: [{use: src}]}
                """);
        assertThat(ops).containsExactly(new Op.BuildDerivation("a.drv", List.of(), new Pos(file(), 12, 9)),
                new Op.BuildDerivation("a.drv", List.of(new Op.Use("src", new Pos(file(), 13, 50))), new Pos(file(), 13, 9)));
    }

    @Test
    void importDerivationAndBuiltinsPathTakeADerivationAndASource() throws IOException, ScenarioException {
        List<Op> ops = ops("""
                      - import-derivation: a.drv
                      - builtins-path: src
                """);
        assertThat(ops).containsExactly(new Op.ImportDerivation("a.drv", new Pos(file(), 12, 9)),
                new Op.BuiltinsPath("src", new Pos(file(), 13, 9)));
    }

    @Test
    void importDerivationWrittenAsAMappingMayTolerateADrvCollectedBeforeItBegan() throws IOException, ScenarioException {
        List<Op> ops = ops("""
                      - import-derivation: {drv: a.drv, tolerate-collected: true}
                      - import-derivation: {drv: a.drv}
                """);
        assertThat(ops).containsExactly(new Op.ImportDerivation("a.drv", true, new Pos(file(), 12, 9)),
                new Op.ImportDerivation("a.drv", false, new Pos(file(), 13, 9)));
    }

    @Test
    void importDerivationRejectsAnUnknownKeyAndANonBooleanTolerance() throws IOException {
        String head = "processes:\n  - name: P\n    ops:\n";
        assertRejectedAfterStore(head + "      - import-derivation: {drv: a.drv, tolerate: true}\n",
                "12:41: unknown key 'tolerate' in import-derivation (accepted: drv, tolerate-collected)");
        assertRejectedAfterStore(head + "      - import-derivation: {drv: a.drv, tolerate-collected: 1}\n",
                "12:61: tolerate-collected is the integer '1' (expected true or false)");
    }

    @Test
    void copyPathsRejectsAnEmptyListAnUnknownNameAndARepeatedName() throws IOException {
        String head = "processes:\n  - name: P\n    ops:\n";
        assertRejectedAfterStore(head + "      - copy-paths: []\n",
                "12:21: copy-paths is empty (at least one path)");
        assertRejectedAfterStore(head + "      - copy-paths: [src, nope]\n",
                "12:27: unknown path or derivation 'nope' in copy-paths (declared: src, a.drv, out)");
        assertRejectedAfterStore(head + "      - copy-paths: [src, src]\n",
                "12:27: 'src' is listed twice in copy-paths (list each path once)");
        assertRejectedAfterStore(head + "      - copy-paths\n",
                "12:9: operation 'copy-paths' needs an argument (write it as copy-paths: …)");
    }

    @Test
    void importDerivationBuildDerivationAndBuiltinsPathRejectTheWrongKindOfPath() throws IOException {
        String head = "processes:\n  - name: P\n    ops:\n";
        assertRejectedAfterStore(head + "      - import-derivation: src\n",
                "12:28: import-derivation needs a derivation, but 'src' is a source (declared: a.drv)");
        assertRejectedAfterStore(head + "      - build-derivation: {drv: out}\n",
                "12:33: build-derivation needs a derivation, but 'out' is an output (declared: a.drv)");
        assertRejectedAfterStore(head + "      - build-derivation: {drv: a.drv, builder: [{build: a.drv}]}\n",
                "12:51: operation 'build' cannot run in a builder (accepted in a builder: sleep, signal, wait, set-free-space, use)");
        assertRejectedAfterStore(head + "      - builtins-path: a.drv\n",
                "12:24: builtins-path needs a source, but 'a.drv' is a derivation (declared: src)");
    }
}
