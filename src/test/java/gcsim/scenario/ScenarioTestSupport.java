package gcsim.scenario;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the scenario validation tests share: a small valid store, writing a file, and checking the
 * whole one-line message {@code FILE:LINE:COLUMN: what is wrong (what is accepted)} of a rejection.
 */
abstract class ScenarioTestSupport {
    /** A valid store (8 lines): a source, a derivation using it, and its output. */
    static final String STORE = """
            description: d
            store:
              paths:
                - {name: src, kind: source, size: 1K}
              derivations:
                - name: a.drv
                  input-srcs: [src]
                  outputs: [{name: out, size: 1K}]
            """;

    @TempDir
    Path dir;

    Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    /** The name every test file gets, as it appears in positions. */
    String file() {
        return dir.resolve("s.yaml").toString();
    }

    /** Loads {@code yaml} and checks the message is FILE: followed by {@code expected}. */
    void assertRejected(String yaml, String expected) throws IOException {
        Path file = write("s.yaml", yaml);
        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(file + ":" + expected);
    }

    /** Same, with a valid one-process {@code processes} appended after {@code yaml}. */
    void assertRejectedWithAProcess(String yaml, String expected) throws IOException {
        assertRejected(yaml + "processes: [{name: P, ops: [exit]}]\n", expected);
    }

    /** Same, with the valid {@link #STORE} (8 lines) in front of {@code rest}. */
    void assertRejectedAfterStore(String rest, String expected) throws IOException {
        assertRejected(STORE + rest, expected);
    }

    Scenario load(String yaml) throws IOException, ScenarioException {
        return ScenarioLoader.load(write("s.yaml", yaml));
    }
}
