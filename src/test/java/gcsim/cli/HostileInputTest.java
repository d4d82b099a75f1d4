package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input that once hung gcsim, exhausted its memory or lost a result: each case ends within
 * seconds with exit 2 and one clear line, or completes.
 */
class HostileInputTest {
    private static final Project PROJECT = Project.standard(Path.of("").toAbsolutePath());
    private static final Duration QUICK = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static Cli run(String... args) {
        return assertTimeoutPreemptively(QUICK, () -> Cli.run(PROJECT, args));
    }

    private static Cli badInput(String... args) {
        Cli c = run(args);
        assertThat(c.code()).as("exit code; stderr %s", c.err()).isEqualTo(2);
        assertThat(c.errLines()).as("stderr").hasSize(1);
        assertThat(c.out()).isEmpty();
        return c;
    }

    private static String[] search(String... more) {
        return Stream.concat(Stream.of("search", "--scenario", "hosts-drv", "--variant", "early-return"), Stream.of(more))
                .toArray(String[]::new);
    }

    @Test
    void hundredsOfThousandsOfThreadsAreRefusedWithTheAcceptedRange() {
        Cli c = badInput(search("--threads", "100000"));
        assertThat(c.err()).startsWith("gcsim: --threads: '100000' is too large (accepted: ").contains(" 1 to ");
    }

    @Test
    void aPctDepthBeyondTheStepBoundIsRefused() {
        assertThat(badInput(search("--strategy", "pct", "--pct-depth", "2147483647")).err())
                .contains("--pct-depth", "1 to 100000");
        assertThat(badInput(search("--strategy", "pct", "--pct-depth", "51", "--max-steps", "50")).err())
                .contains("1 to 50");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "9007199254740992", "-1", "١٢", "１２", "+-3", ""})
    void aSeedOutsideZeroToTwoToThe53IsRefused(String seed) {
        assertThat(badInput(search("--seed", seed)).err()).startsWith("gcsim: --seed: ").contains("0 to 9007199254740991");
    }

    @Test
    void theLargestSeedBelowTwoToThe53IsAccepted() {
        assertThat(run(search("--seed", "9007199254740991", "--schedules", "1")).code()).isIn(0, 1);
    }

    @Test
    void aDeviceAsAScheduleFileIsRefusedAtOnce() {
        assertThat(badInput("replay", "--schedule", "/dev/zero").err()).contains("is not a regular file");
    }

    @Test
    void aBinaryScheduleFileIsReportedWithItsLineAndColumn() throws IOException {
        Path f = dir.resolve("bin.schedule");
        Files.write(f, new byte[] {'g', 'c', 's', 'i', 'm', '\n', 'a', 'b', (byte) 0xC3, (byte) 0x28});
        assertThat(badInput("replay", "--schedule", f.toString()).err())
                .isEqualTo("gcsim: " + f + ":2:3: not UTF-8 text (byte 0xC3; accepted: a file written by search --save-schedule)\n");
    }

    @Test
    void anOversizedScheduleFileIsRefused() throws IOException {
        Path f = dir.resolve("big.schedule");
        Files.write(f, new byte[ScheduleText.MAX_BYTES + 1]);
        assertThat(badInput("replay", "--schedule", f.toString()).err()).contains("is larger than");
    }

    @Test
    void aSavedScheduleWithAByteOrderMarkReplays() throws IOException {
        Path f = dir.resolve("found.schedule");
        assertThat(run(search("--save-schedule", f.toString())).code()).isOne();
        byte[] plain = Files.readAllBytes(f);
        byte[] withBom = new byte[plain.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, withBom, 3, plain.length);
        Files.write(f, withBom);
        assertThat(run("replay", "--schedule", f.toString()).code()).isOne();
    }

    @Test
    void anUnwritableSaveSchedulePathIsRefusedBeforeTheSearchStarts() throws IOException {
        Cli c = badInput(search("--save-schedule", dir.toString()));
        assertThat(c.err()).contains("--save-schedule: cannot write", "it is a folder");
        Files.writeString(dir.resolve("file"), "x");
        assertThat(badInput(search("--save-schedule", dir.resolve("file/below").toString())).err())
                .contains("--save-schedule: cannot write");
        assertThat(badInput(search("--strategy", "dfs", "--save-schedule", dir.toString())).err()).contains("it is a folder");
    }

    @Test
    void saveScheduleReplacesAnOldFileWholeAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("found.schedule");
        Files.writeString(f, "old content\n");
        assertThat(run(search("--save-schedule", f.toString())).code()).isOne();
        assertThat(Files.readString(f)).startsWith("gcsim-schedule 1\n");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("found.schedule");
        }
    }

    @Test
    void compareOutNamingAFileIsRefusedBeforeTheFirstCell() throws IOException {
        Path f = Files.writeString(dir.resolve("afile"), "x");
        Cli c = badInput("compare", "--scenarios", "gc", "--variants", "early-return", "--out", f.toString());
        assertThat(c.err()).contains("--out: cannot write the report", "it is not a folder");
    }

    @Test
    void aVirtualTimeOverflowIsAScenarioErrorNotADeadlock() throws IOException {
        Path f = scenario("overflow.yaml", """
                description: a sleep past the end of virtual time
                processes:
                  - name: late
                    via-daemon: false
                    start: 9223372036s
                    ops:
                      - sleep: 1s
                """);
        Cli c = badInput("search", "--scenario", f.toString(), "--variant", "early-return", "--schedules", "3");
        assertThat(c.err()).isEqualTo(f + ":7:9: sleep 1s at virtual time 9223372036s overflows virtual time (it ends at"
                + " 2^63 ns, about 292 years; use shorter starts and sleeps)\n");
    }

    @Test
    void nestedRepeatsOfOperationsThatNeverYieldEndAtTheStepBound() throws IOException {
        Path f = scenario("loop.yaml", """
                description: nested repeats of reads that never end a step
                store:
                  paths:
                    - {name: src, kind: source, size: 1K, present: true}
                roots:
                  - gcroot: {link: src, path: src}
                processes:
                  - name: reader
                    via-daemon: false
                    ops:
                      - repeat:
                          times: 10000
                          ops:
                            - repeat:
                                times: 10000
                                ops:
                                  - use: src
                                  - is-valid-path: src
                """);
        Cli random = run("search", "--scenario", f.toString(), "--variant", "early-return", "--strategy", "random", "--schedules", "2",
                "--max-steps", "20000", "--threads", "1");
        assertThat(random.code()).isZero();
        assertThat(random.out()).contains("cut: 2");
        Cli dfs = run("search", "--scenario", f.toString(), "--variant", "early-return", "--strategy", "dfs",
                "--max-steps", "20000");
        assertThat(dfs.code()).isZero();
        assertThat(dfs.out()).contains("cut: 1");
    }

    @Test
    void aMegabyteLongProcessNameIsRefusedWithoutParsingIt() throws IOException {
        Path f = scenario("long.yaml", "description: long\nprocesses:\n  - name: " + "p".repeat(1_000_000) + "\n    ops: [exit]\n");
        assertThat(badInput("search", "--scenario", f.toString(), "--variant", "early-return").err())
                .startsWith(f + ":3:4097: line is too long");
        Path g = scenario("name.yaml", "description: long\nprocesses:\n  - name: " + "p".repeat(300) + "\n    ops: [exit]\n");
        assertThat(badInput("search", "--scenario", g.toString(), "--variant", "early-return").err())
                .contains("process name 'ppp", "is too long: 300 characters (at most 211)");
    }

    @Test
    void invisibleCharactersInNamesAreShownEscaped() throws IOException {
        Path f = scenario("zw.yaml", "description: zw\nprocesses:\n  - name: \"a\u200Bb\"\n    ops: [exit]\n");
        assertThat(badInput("search", "--scenario", f.toString(), "--variant", "early-return").err())
                .contains("'a\\u200Bb'");
        assertThat(badInput(search()[0], "--scenario", "hosts-drv", "--variant", "x\u200By").err())
                .contains("unknown variant 'x\\u200By'");
    }

    @Test
    void aScheduleFileNameTooLongForTheFileSystemIsRefusedBeforeTheFirstCell() throws IOException {
        ToyProject toy = ToyProject.create(dir);
        String name = "s".repeat(220);
        Files.writeString(toy.home().resolve("scenarios/" + name + ".yaml"), "A scenario with a long name.\n");

        Cli c = assertTimeoutPreemptively(QUICK, () -> Cli.run(toy, "compare", "--scenarios", name, "--variants", "unlocked",
                "--out", dir.resolve("out").toString()));

        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("cannot name the schedule file of ", "bytes long (at most 223)");
        assertThat(dir.resolve("out/report.json")).doesNotExist();
    }

    @Test
    void aVariantIdTooLongToNameAFileIsRefusedWithItsPlaceBeforeTheFirstCell() throws IOException {
        Path scenarios = Files.createDirectories(dir.resolve("project/scenarios"));
        Files.copy(Path.of("scenarios/gc.yaml"), scenarios.resolve("gc.yaml"));
        String id = "v".repeat(250);
        Path variants = Files.writeString(scenarios.resolve("variants.yaml"), """
                variants:
                  - id: %s
                    description: a variant whose id no file name can hold
                    switches:
                      write-derivation: root-drv
                """.formatted(id));

        Cli c = assertTimeoutPreemptively(QUICK, () -> Cli.run(Project.standard(dir.resolve("project")), "compare",
                "--scenarios", "gc", "--variants", id, "--out", dir.resolve("out").toString()));

        assertThat(c.code()).isEqualTo(2);
        assertThat(c.errLines()).hasSize(1);
        assertThat(c.err()).startsWith(variants + ":2:9: id 'vvvv").contains("is too long: 250 characters (at most 211)");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private Path scenario(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
