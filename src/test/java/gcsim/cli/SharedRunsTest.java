package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare's sharing of a check between variants that agree on every switch it read: on real scenarios,
 * with failures found by the random walk and PCT, verified cells and cells left open, the report with
 * sharing is byte for byte the report without it, and sharing did take place.
 */
class SharedRunsTest {
    private static final Project PROJECT = Project.standard(Path.of("").toAbsolutePath());

    @TempDir
    Path dir;

    @Test
    void sharingChecksBetweenVariantsChangesNothingInTheReport() throws IOException {
        String[] common = {"compare", "--scenarios", "collector-visited-referrer,fetch-cache-hit,gc-auto,remote-builder-inputs",
                "--budget", "400", "--dfs-executions", "600", "--max-states", "200", "--threads", "2"};

        Cli shared = Cli.run(PROJECT, concat(common, "--out", dir.resolve("shared").toString()));
        Cli own = Cli.run(PROJECT, concat(common, "--no-sharing", "--out", dir.resolve("own").toString()));

        assertThat(shared.code()).as(shared.err()).isZero();
        assertThat(own.code()).as(own.err()).isZero();
        assertThat(shared.err()).contains("the same runs as under");
        assertThat(own.err()).doesNotContain("the same runs as under");
        assertThat(tree(dir.resolve("shared"))).isEqualTo(tree(dir.resolve("own")));
    }

    /** Every file of a report folder with its text, the folder's own name taken out of the paths it prints. */
    private static String tree(Path root) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.append("== ").append(root.relativize(f)).append('\n')
                        .append(Files.readString(f, StandardCharsets.UTF_8).replace(root.toString(), "OUT")).append('\n');
            }
        }
        return out.toString();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
