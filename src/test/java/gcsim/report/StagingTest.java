package gcsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingTest {
    @TempDir
    Path dir;

    private List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(Staging.LOCK)).sorted().toList();
        }
    }

    @Test
    void publishingReplacesTheReportFilesAndTheFailuresFolderButKeepsOtherFiles() throws IOException {
        Path out = dir.resolve("results");
        Files.createDirectories(out.resolve("failures"));
        Files.writeString(out.resolve("README.md"), "keep me");
        Files.writeString(out.resolve("report.md"), "old");
        Files.writeString(out.resolve("failures/stale.schedule"), "old");

        try (Staging s = Staging.create(out)) {
            s.write("report.md", "new");
            s.write("failures/a--b.schedule", "schedule");
            assertThat(Files.readString(out.resolve("report.md"))).as("nothing moves before publish").isEqualTo("old");
            s.publish("failures", List.of("report.md"));
        }

        assertThat(Files.readString(out.resolve("README.md"))).isEqualTo("keep me");
        assertThat(Files.readString(out.resolve("report.md"))).isEqualTo("new");
        assertThat(names(out.resolve("failures"))).containsExactly("a--b.schedule");
        assertThat(names(dir)).as("no staging folder is left beside the output").containsExactly("results");
    }

    @Test
    void closingWithoutPublishingLeavesTheOldReportAsItWasAndRemovesTheStagingFolder() throws IOException {
        Path out = dir.resolve("results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.md"), "old");

        try (Staging s = Staging.create(out)) {
            s.write("report.md", "half-written");
            assertThat(s.published()).isFalse();
        }

        assertThat(Files.readString(out.resolve("report.md"))).isEqualTo("old");
        assertThat(names(dir)).containsExactly("results");
    }

    @Test
    void aRunWithNoFailuresRemovesTheOldSchedules() throws IOException {
        Path out = dir.resolve("results");
        Files.createDirectories(out.resolve("failures"));
        Files.writeString(out.resolve("failures/stale.schedule"), "old");

        try (Staging s = Staging.create(out)) {
            s.write("report.json", "{}");
            s.publish("failures", List.of("report.json"));
        }

        assertThat(names(out)).containsExactly("report.json");
    }
}
