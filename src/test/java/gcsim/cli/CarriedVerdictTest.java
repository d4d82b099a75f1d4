package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.report.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare carries a failure found under one variant to the variants of the same scenario whose own
 * search missed it. The fixture: the collector that must wait through a long build, with a budget of
 * eight schedules per strategy, so that PCT finds the window under nix-2.34 and misses it under
 * early-return, which has it too; both cells must end {@code fail}, the second labelled as carried.
 */
class CarriedVerdictTest {
    private static final String[] RUN = {"compare", "--scenarios", "collector-after-long-build", "--variants", "early-return,nix-2.34",
            "--budget", "8", "--dfs-executions", "0", "--threads", "2"};

    @TempDir
    static Path dir;

    /** A project whose library is the real variants and the test scenario, so that merge finds it by name. */
    static Project project;
    static Cli single;
    static Map<?, ?> found;
    static Map<?, ?> carried;

    @BeforeAll
    static void compareOnce() throws IOException {
        Path home = dir.resolve("project");
        Files.createDirectories(home.resolve("scenarios"));
        Files.copy(Path.of("scenarios/variants.yaml"), home.resolve("scenarios/variants.yaml"));
        Files.copy(Path.of("src/test/resources/scenarios/collector-after-long-build.yaml"),
                home.resolve("scenarios/collector-after-long-build.yaml"));
        project = Project.standard(home);
        single = run(dir.resolve("single"));
        List<?> cells = (List<?>) JsonReader.at(json(dir.resolve("single")), "cells");
        found = (Map<?, ?>) cells.get(1); // the cells come in the order of variants.yaml
        carried = (Map<?, ?>) cells.get(0);
    }

    private static Cli run(Path out, String... more) {
        String[] args = new String[RUN.length + 2 + more.length];
        System.arraycopy(RUN, 0, args, 0, RUN.length);
        args[RUN.length] = "--out";
        args[RUN.length + 1] = out.toString();
        System.arraycopy(more, 0, args, RUN.length + 2, more.length);
        return Cli.run(project, args);
    }

    private static Object json(Path out) throws IOException {
        return JsonReader.parse(Files.readString(out.resolve("report.json"), StandardCharsets.UTF_8));
    }

    @Test
    void theVariantWhoseSearchMissedTheWindowFailsWithTheCounterexampleCarriedFromTheOther() {
        assertThat(single.code()).as(single.err()).isZero();
        assertThat(found.get("verdict")).isEqualTo("fail");
        assertThat(found.get("foundBy")).isEqualTo("pct");
        assertThat(found.containsKey("carriedFrom")).isFalse();
        assertThat(carried.get("verdict")).isEqualTo("fail");
        assertThat(carried.get("foundBy")).isEqualTo("carried");
        assertThat(carried.get("carriedFrom")).isEqualTo("nix-2.34");
        assertThat(carried.get("label")).isEqualTo("✗ fails (carried from nix-2.34)");
    }

    @Test
    void aCarriedCellKeepsTheFiguresOfItsOwnSearchWhichFoundNothing() {
        assertThat(JsonReader.at(carried, "random", "failed")).isEqualTo(false);
        assertThat(JsonReader.at(carried, "pct", "failed")).isEqualTo(false);
        assertThat(JsonReader.at(carried, "pct", "schedules")).isEqualTo(8L);
    }

    @Test
    void theReportAndTheOutputSayWhichCellsFailOnlyThroughACarriedCounterexample() throws IOException {
        String summary = Files.readString(dir.resolve("single/summary.md"), StandardCharsets.UTF_8);
        assertThat(summary).contains("[✗ carried](cells/collector-after-long-build--early-return.md)")
                .contains("collector-after-long-build: the same failure under early-return (from nix-2.34)");
        String report = Files.readString(dir.resolve("single/report.md"), StandardCharsets.UTF_8);
        assertThat(report).contains("✗ fails (carried from nix-2.34)")
                .contains("collector-after-long-build: the same failure under early-return (from nix-2.34)");
        assertThat(Files.readString(dir.resolve("single/report.html"), StandardCharsets.UTF_8))
                .contains("collector-after-long-build: the same failure under early-return (from nix-2.34)");
        String page = Files.readString(dir.resolve("single/cells/collector-after-long-build--early-return.md"),
                StandardCharsets.UTF_8);
        assertThat(page).contains("carried from nix-2.34: this variant's own search found no failure");
        assertThat(single.out()).contains("cells: 2 (2 fail, 1 of them carried from another variant, 0 verified, 0 pass, 0 error)");
        assertThat(single.err()).contains("collector-after-long-build × early-return: fails with the counterexample carried"
                + " from nix-2.34 (its own search found none)");
    }

    @Test
    void theCarriedCounterexampleHasItsOwnScheduleThatReplaysToTheFailure() {
        Path schedule = dir.resolve("single/failures/collector-after-long-build--early-return.schedule");
        assertThat(schedule).exists();
        Cli replay = Cli.run(project, "replay", "--schedule", schedule.toString());
        assertThat(replay.code()).as(replay.err()).isEqualTo(1);
        assertThat(replay.out()).contains("is not valid");
    }

    @Test
    void theTransferTableHasRowsOnlyForCounterexamplesASearchFound() throws IOException {
        List<?> rows = (List<?>) JsonReader.at(json(dir.resolve("single")), "transfers");
        assertThat(rows).hasSize(1);
        assertThat(((Map<?, ?>) rows.get(0)).get("variant")).isEqualTo("nix-2.34");
    }

    @Test
    void shardsMergedCarryAsOneRunDoes() throws IOException {
        Cli one = run(dir.resolve("s1"), "--shard", "1/2");
        Cli two = run(dir.resolve("s2"), "--shard", "2/2");
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(two.code()).as(two.err()).isZero();
        Path merged = dir.resolve("merged");
        Cli merge = Cli.run(project, "merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(), "--out",
                merged.toString());
        assertThat(merge.code()).as(merge.err()).isZero();
        List<?> cells = (List<?>) JsonReader.at(json(merged), "cells");
        assertThat(((Map<?, ?>) cells.get(0)).get("carriedFrom")).isEqualTo("nix-2.34");
        assertThat(JsonReader.at(cells.get(0), "counterexample", "choices"))
                .isEqualTo(JsonReader.at(carried, "counterexample", "choices"));
        assertThat(Files.readString(merged.resolve("failures/collector-after-long-build--early-return.schedule")))
                .isEqualTo(Files.readString(dir.resolve("single/failures/collector-after-long-build--early-return.schedule")));
    }
}
