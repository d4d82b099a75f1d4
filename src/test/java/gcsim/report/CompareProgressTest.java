package gcsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompareProgressTest {
    @Test
    void aLogGetsTheCellsLeftAnEstimateAndALineWhileALongCellRuns() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (CompareProgress p = new CompareProgress(err, false, 3, 50)) {
            CompareProgress.CellMeter first = p.startCell("gc × early-return");
            p.cellDone(first, "gc × early-return", new Verdict.Pass(10), 12);
            CompareProgress.CellMeter slow = p.startCell("hosts-drv × drv-only");
            slow.schedules(1234);
            long until = System.nanoTime() + 5_000_000_000L;
            while (!bytes.toString(StandardCharsets.UTF_8).contains("gcsim: running ") && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            p.cellDone(slow, "hosts-drv × drv-only", new Verdict.Pass(10), 300);
        }
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertThat(log).containsPattern("gcsim: \\[1/3\\] gc × early-return: ○ no failure in 10 schedules \\(12 ms\\); 2 left,"
                + " about \\d+ (ms|s) left\n");
        assertThat(log).containsPattern("gcsim: running hosts-drv × drv-only \\(1234 schedules\\); 1/3 cells done, about .* left");
        assertThat(log).contains("gcsim: [2/3] hosts-drv × drv-only: ○ no failure in 10 schedules (300 ms); 1 left");
    }
}
