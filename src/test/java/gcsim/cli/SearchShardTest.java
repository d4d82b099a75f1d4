package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.report.JsonReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search --shard I/N}: the shards of a random walk run exactly the whole walk's schedules. */
class SearchShardTest {
    @TempDir
    Path dir;

    @Test
    void theShardHoldingTheFirstFailureFindsTheSameScheduleAndTheShardsBeforeItFindNothing() {
        ToyProject project = ToyProject.create(dir);
        String[] common = {"search", "--scenario", "claim", "--variant", "unlocked", "--strategy", "random", "--schedules", "40", "--json",
                "--threads", "2"};
        Object whole = JsonReader.parse(Cli.run(project, common).out());
        assertThat(JsonReader.at(whole, "verdict")).isEqualTo("fail");
        long failing = (Long) JsonReader.at(whole, "schedules");
        int holding = (int) ((failing - 1) / 5) + 1;
        for (int i = 1; i <= holding; i++) {
            Cli shard = Cli.run(project, concat(common, "--shard", i + "/8"));
            Object json = JsonReader.parse(shard.out());
            if (i < holding) {
                assertThat(shard.code()).isZero();
                assertThat(JsonReader.at(json, "verdict")).isEqualTo("pass");
            } else {
                assertThat(shard.code()).isEqualTo(1);
                assertThat(JsonReader.at(json, "seed")).isEqualTo(JsonReader.at(whole, "seed"));
                assertThat(JsonReader.at(json, "replay")).isEqualTo(JsonReader.at(whole, "replay"));
                assertThat((List<?>) JsonReader.at(json, "story")).isNotEmpty().isEqualTo(JsonReader.at(whole, "story"));
            }
        }
    }

    @Test
    void aShardWithTheExhaustiveSearchIsBadInput() {
        Cli c = Cli.run(ToyProject.create(dir), "search", "--scenario", "claim", "--variant", "unlocked", "--strategy", "dfs",
                "--shard", "1/2");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).startsWith("gcsim: --shard goes with --strategy random or pct only");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
