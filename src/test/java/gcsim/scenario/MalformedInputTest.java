package gcsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import gcsim.variant.VariantLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the loaders thousands of deterministically generated broken files and checks the promise
 * both make: a file loads, or it is rejected with one {@code FILE:LINE:COLUMN: …} line; never
 * another exception, a stack overflow, a hang or an exhausted heap.
 */
class MalformedInputTest {
    private static final Pattern ONE_LINE = Pattern.compile("^.+:\\d+:\\d+: .+$");
    private static final long SEED = 15158;
    private static final String[] WRONG_VALUES = {
        "[]", "{}", "~", "", "-1", "99999999999999999999G", "true", "\"x\"", "1.5", "!!binary aGk=", "!custom x",
        "&a [*a]", "[[[[", "{a: 1, a: 2}", "*nowhere", "|\n  multi\n  line", "0x10", "'\u0000'", "\"\\u2028\"",
        "after-lock", "{at: after-lock, until: nowhere}", "[{at: after-roots, until: e}, {at: after-roots, until: e}]",
        "{drv: hosts.drv, builder: [exit]}", "{drv: simple.drv, builder: [{wait: nowhere}]}", "[{signal: e}, {wait: e}]",
        "{path: nixpkgs, link: /abs}", "../up", "/a//b", "{valid: [simple], gone: [simple]}", "\"event name\"",
    };
    /** Keys of the language swapped into every line that has a key, so each turns up where it does not belong. */
    private static final String[] KEYS = {
        "expect", "valid", "gone", "pause", "at", "until", "drv", "builder", "signal", "wait", "symlink-root",
        "remove-root", "build", "collect-garbage", "repeat", "use", "link", "path", "max-freed", "ops",
    };
    /** Shipped scenarios that between them use every key: hosts-drv.yaml is damaged everywhere, these more sparsely. */
    private static final List<String> MORE_SCENARIOS =
            List.of("gc-non-blocking.yaml", "gc.yaml", "gc-concurrent.yaml", "auto-gc-own-build.yaml");

    @TempDir
    Path dir;

    /** A malformed file: a label for failure messages and its bytes. */
    private record Case(String label, byte[] bytes) {
        Case relabel(String file) {
            return new Case(file + ", " + label, bytes);
        }
    }

    /** Scenario files are fed from memory: the loader's file reading is the same for every case. */
    @Test
    void malformedScenariosAreLoadedOrRejectedWithOneLocatedLine() throws IOException {
        byte[] valid = Files.readAllBytes(Path.of("scenarios/hosts-drv.yaml"));
        List<Case> cases = corpus(valid, new SplittableRandom(SEED), 1, 150);
        cases.addAll(extremes(new String(valid, StandardCharsets.UTF_8), new SplittableRandom(SEED + 2)));
        List<Case> hosts = List.copyOf(cases);
        assertThat(hosts.size()).isGreaterThanOrEqualTo(1000);
        List<String> labels = new ArrayList<>();
        List<List<Case>> corpora = new ArrayList<>(List.of(hosts));
        labels.add("hosts-drv.yaml");
        long seed = SEED + 10;
        for (String name : MORE_SCENARIOS) {
            corpora.add(corpus(Files.readAllBytes(Path.of("scenarios", name)), new SplittableRandom(seed++), 4, 40));
            labels.add(name);
        }
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < corpora.size(); i++) {
                String label = labels.get(i);
                for (Case c : corpora.get(i)) {
                    check(c.relabel(label), () -> ScenarioLoader.load(label, c.bytes()));
                }
            }
        });
    }

    @Test
    void theInMemoryLoaderReportsLikeTheFileLoader() throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("scenarios/gc.yaml"));
        String broken = new String(bytes, StandardCharsets.UTF_8).replace("remove-root: foo", "remove-root: fo");
        Path file = Files.writeString(dir.resolve("gc.yaml"), broken);
        assertThatThrownBy(() -> ScenarioLoader.load(file)).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(file + ":41:22: remove-root 'fo' is not a root link of this scenario");
        assertThatThrownBy(() -> ScenarioLoader.load(file.toString(), broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(file + ":41:22: remove-root 'fo' is not a root link of this scenario");
    }

    @Test
    void malformedVariantFilesAreLoadedOrRejectedWithOneLocatedLine() throws IOException {
        byte[] valid = Files.readAllBytes(Path.of("scenarios/variants.yaml"));
        List<Case> cases = corpus(valid, new SplittableRandom(SEED + 1), 3, 150);
        cases.addAll(extremes(new String(valid, StandardCharsets.UTF_8), new SplittableRandom(SEED + 3)));
        assertThat(cases.size()).isGreaterThanOrEqualTo(1000);
        Path file = dir.resolve("variants.yaml");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (Case c : cases) {
                Files.write(file, c.bytes());
                check(c, () -> VariantLoader.load(file));
            }
        });
    }

    private interface Load {
        Object run() throws ScenarioException;
    }

    private static void check(Case c, Load load) {
        try {
            assertThat(load.run()).as(c.label()).isNotNull();
        } catch (ScenarioException e) {
            String message = e.getMessage();
            if (!ONE_LINE.matcher(message).matches() || message.contains("\u2028") || message.contains("\u2029")
                    || message.contains("\u0085")) {
                fail(c.label() + ": message is not one FILE:LINE:COLUMN line: " + message);
            }
        } catch (Throwable t) {
            fail(c.label() + ": threw " + t);
        }
    }

    /**
     * Broken versions of {@code valid}: truncated at every {@code truncateEvery}-th offset,
     * {@code flips} with random bytes changed, and each line with a wrong value, a wrong key,
     * duplicated and deleted.
     */
    private static List<Case> corpus(byte[] valid, SplittableRandom random, int truncateEvery, int flips) {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i <= valid.length; i += truncateEvery) {
            cases.add(new Case("truncated at " + i, java.util.Arrays.copyOf(valid, i)));
        }
        for (int i = 0; i < flips; i++) {
            byte[] b = valid.clone();
            int count = 1 + random.nextInt(4);
            for (int f = 0; f < count; f++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            cases.add(new Case("byte flips #" + i, b));
        }
        List<String> lines = new String(valid, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int colon = line.indexOf(": ");
            if (colon < 0 && line.endsWith(":")) {
                colon = line.length() - 1;
            }
            if (colon >= 0) {
                for (int k = 0; k < 4; k++) { // four wrong values per line, cycling through all of them
                    String value = WRONG_VALUES[(4 * i + k) % WRONG_VALUES.length];
                    cases.add(new Case("line " + (i + 1) + " value " + value,
                            join(lines, i, line.substring(0, colon) + ": " + value)));
                }
                int keyStart = keyStart(line, colon);
                for (int k = 0; k < 3; k++) { // three other keys per line, cycling through all of them
                    String key = KEYS[(3 * i + k) % KEYS.length];
                    cases.add(new Case("line " + (i + 1) + " key " + key,
                            join(lines, i, line.substring(0, keyStart) + key + line.substring(colon))));
                }
            }
            cases.add(new Case("line " + (i + 1) + " duplicated", join(lines, i, line + "\n" + line)));
            cases.add(new Case("line " + (i + 1) + " deleted", join(lines, i, "")));
        }
        return cases;
    }

    /** Where the key that ends at {@code colon} starts: after indentation, "- " and any "{". */
    private static int keyStart(String line, int colon) {
        int start = 0;
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '-' || c == '{' || c == '[' || c == ',') {
                start = i + 1;
            }
        }
        return start;
    }

    /** Documents built to break the parser rather than the format: deep nesting, alias bombs, junk. */
    private static List<Case> extremes(String text, SplittableRandom random) {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("deep flow lists", ("description: " + "[".repeat(10_000)).getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("deep flow lists closed", ("a: " + "[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("deep flow mappings", "{a: ".repeat(10_000).getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("deep block lists", ("x:\n" + "- ".repeat(10_000) + "x\n").getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("billion laughs", billionLaughs().getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("alias expansion through repeat", repeatBomb(text).getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("self-referencing anchor", "a: &a [*a, *a]\n".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("many documents", (text + "\n---\n" + text).getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("byte order mark", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("huge scalar", ("description: " + "9".repeat(100_000) + "\n").getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < 100; i++) {
            byte[] junk = new byte[random.nextInt(2048)];
            random.nextBytes(junk);
            cases.add(new Case("binary junk #" + i, junk));
        }
        for (int i = 0; i < 100; i++) {
            StringBuilder s = new StringBuilder();
            String tokens = "-:[]{}&*!|>'\"#%@` \n\tab1";
            for (int k = random.nextInt(400); k > 0; k--) {
                s.append(tokens.charAt(random.nextInt(tokens.length())));
            }
            cases.add(new Case("YAML punctuation soup #" + i, s.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return cases;
    }

    private static byte[] join(List<String> lines, int index, String replacement) {
        List<String> copy = new ArrayList<>(lines);
        copy.set(index, replacement);
        return (String.join("\n", copy) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Nine levels of ten aliases each: a billion "lol"s if expanded. */
    private static String billionLaughs() {
        StringBuilder s = new StringBuilder("description: x\nprocesses:\n  - &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            s.append("  - &l").append(i).append(" [").append(("*l" + (i - 1) + ", ").repeat(9)).append("*l").append(i - 1).append("]\n");
        }
        return s.toString();
    }

    /** Valid aliases under the limit whose expansion through nested repeats would be huge. */
    private static String repeatBomb(String valid) {
        int processes = valid.indexOf("processes:");
        StringBuilder s = new StringBuilder(valid.substring(0, Math.max(processes, 0)));
        s.append("processes:\n  - name: Z\n    ops:\n");
        s.append("      - &r0 {repeat: {times: 10000, ops: [{use: hosts}, {use: hosts}, {use: hosts}, {use: hosts}]}}\n");
        for (int i = 1; i < 12; i++) {
            s.append("      - &r").append(i).append(" {repeat: {times: 10000, ops: [")
                    .append(("*r" + (i - 1) + ", ").repeat(3)).append("*r").append(i - 1).append("]}}\n");
        }
        return s.toString();
    }
}
