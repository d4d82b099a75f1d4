package gcsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
    private static final String HASH = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path home;

    @Test
    void theCommitIsReadFromTheRefThatHeadNames() throws IOException {
        Files.createDirectories(home.resolve(".git/refs/heads"));
        Files.writeString(home.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(home.resolve(".git/refs/heads/main"), HASH + "\n");

        assertThat(Provenance.commit(home)).isEqualTo(HASH);
    }

    @Test
    void aPackedRefIsFoundToo() throws IOException {
        Files.createDirectories(home.resolve(".git"));
        Files.writeString(home.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(home.resolve(".git/packed-refs"), "# pack-refs with: peeled\n" + HASH + " refs/heads/main\n");

        assertThat(Provenance.commit(home)).isEqualTo(HASH);
    }

    @Test
    void aDetachedHeadIsItsOwnCommit() throws IOException {
        Files.createDirectories(home.resolve(".git"));
        Files.writeString(home.resolve(".git/HEAD"), HASH + "\n");

        assertThat(Provenance.commit(home)).isEqualTo(HASH);
    }

    @Test
    void withoutGitTheCommitIsUnknown() {
        assertThat(Provenance.commit(home)).isEqualTo("unknown");
    }

    @Test
    void theDateIsUtcToTheSecond() {
        assertThat(Provenance.nowUtc()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }
}
