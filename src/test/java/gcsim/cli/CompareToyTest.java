package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.report.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gcsim compare} on toy systems: fast, and able to make gcsim itself fail. */
class CompareToyTest {
    @TempDir
    Path dir;

    private static String verdict(Object json, String scenario, String variant) {
        for (Object c : (List<?>) JsonReader.at(json, "cells")) {
            Map<?, ?> m = (Map<?, ?>) c;
            if (m.get("scenario").equals(scenario) && m.get("variant").equals(variant)) {
                return (String) m.get("verdict");
            }
        }
        throw new AssertionError("no cell " + scenario + " × " + variant);
    }

    @Test
    void aCellOnWhichGcsimFailsIsMarkedErrorTheReportIsStillWrittenAndTheExitCodeIsThree() throws IOException {
        ToyProject toy = ToyProject.create(dir);
        Path out = dir.resolve("out");

        Cli c = Cli.run(toy, "compare", "--scenarios", "claim", "--variants", "unlocked,locked,crashing",
                "--budget", "200", "--dfs-executions", "50", "--out", out.toString());

        assertThat(c.code()).isEqualTo(3);
        assertThat(c.err()).contains("gcsim: internal error: gcsim failed on 1 cell(s)");
        Object json = JsonReader.parse(Files.readString(out.resolve("report.json")));
        assertThat(verdict(json, "claim", "unlocked")).isEqualTo("fail");
        assertThat(verdict(json, "claim", "locked")).isIn("pass", "verified");
        assertThat(verdict(json, "claim", "crashing")).isEqualTo("error");
        assertThat(Files.readString(out.resolve("report.md"))).contains("## gcsim errors", "toy model bug");
    }

    @Test
    void verdictsDoNotDependOnTheNumberOfThreads() throws IOException {
        ToyProject toy = ToyProject.create(dir);
        String[] common = {"compare", "--scenarios", "claim,window", "--variants", "unlocked,locked", "--budget", "300",
                "--dfs-executions", "30"};

        Cli one = Cli.run(toy, concat(common, "--threads", "1", "--out", dir.resolve("one").toString()));
        Cli three = Cli.run(toy, concat(common, "--threads", "3", "--out", dir.resolve("three").toString()));

        assertThat(one.code()).isZero();
        assertThat(three.code()).isZero();
        assertThat(withoutTimes(dir.resolve("one/report.json"))).isEqualTo(withoutTimes(dir.resolve("three/report.json")));
    }

    @Test
    void aBrokenScenarioFileIsBadInputReportedAsTheLoaderWroteIt() {
        ToyProject toy = ToyProject.create(dir);

        Cli c = Cli.run(toy, "compare", "--out", dir.resolve("out").toString());

        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("broken.yaml:3:5: unknown key 'proceses'");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /** The report without the keys that depend on when and where it ran (date, machine, timings) or on --out. */
    private static String withoutTimes(Path file) throws IOException {
        return Files.readString(file).replaceAll("\"date\": \"[^\"]*\"", "")
                .replaceAll("(?s)\"timings\": \\{.*", "")
                .replaceAll("\"(scheduleFile|replay)\": \"[^\"]*\"", "");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
