package gcsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedTest {
    private final CompareReport report = Samples.report();

    @Test
    void theRenderedFileReadsBackAndMatchesItsOwnReport() {
        Expected e = Expected.parse("expected.yaml", Expected.render(report));
        assertThat(e.entries()).hasSize(4);
        assertThat(e.entry("hosts-drv", "early-return").kind()).isEqualTo("fail");
        assertThat(e.changes(report)).isEmpty();
    }

    @Test
    void aCellWhoseVerdictMovedIsAChangeWithTheLineOfItsEntry() {
        String text = Expected.render(report).replace("  early-return: fail", "  early-return: verified");
        Expected e = Expected.parse("expected.yaml", text);
        List<Expected.Change> changes = e.changes(report);
        assertThat(changes).hasSize(1);
        Expected.Change c = changes.get(0);
        assertThat(c.text()).isEqualTo("hosts-drv × early-return: expected verified, now ✗ fails (schedule 1, random)");
        assertThat(text.lines().toList().get(c.line() - 1)).isEqualTo("  early-return: verified");
    }

    @Test
    void aCellWithoutAnEntryIsAChange() {
        Expected e = Expected.parse("x.yaml", "gc:\n  early-return: pass\n");
        assertThat(e.changes(report)).extracting(Expected.Change::text).contains("gc × drv-only: no expected verdict, now ⚠ error");
    }

    @Test
    void aMalformedFileIsRejectedWithFileLineAndColumn() {
        assertThatThrownBy(() -> Expected.parse("e.yaml", "gc:\n  early-return: maybe\n"))
                .hasMessage("e.yaml:2:17: unknown verdict 'maybe' (accepted: fail, verified, pass, error)");
        assertThatThrownBy(() -> Expected.parse("e.yaml", "  early-return: pass\n"))
                .hasMessageStartingWith("e.yaml:1:3: a variant before any scenario");
        assertThatThrownBy(() -> Expected.parse("e.yaml", "gc:\n  a: pass\n  a: fail\n"))
                .hasMessageStartingWith("e.yaml:3:3: gc × a given twice (first on line 2");
    }

    @Test
    void githubAnnotationsEscapeTheirPropertiesAndPointAtTheEntry() {
        Expected e = Expected.parse("results/expected.yaml", Expected.render(report).replace("early-return: fail", "early-return: pass"));
        String out = CheckOutput.github(e.changes(report), "results/expected.yaml");
        assertThat(out).matches("::error file=results/expected.yaml,line=\\d+,title=gcsim%3A hosts-drv × early-return changed"
                + "::hosts-drv × early-return: expected pass, now ✗ fails \\(schedule 1, random\\)\n");
    }

    @Test
    void junitHasOneTestCasePerCellAndEscapesHostileText() {
        Expected e = Expected.parse("e.yaml", "gc:\n  early-return: pass\n");
        String xml = CheckOutput.junit(report, e.changes(report), "results/cells");
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"gcsim compare\" tests=\"4\""
                + " failures=\"3\"");
        assertThat(xml.split("<testcase ", -1)).hasSize(5);
        assertThat(xml).doesNotContain("<script>");
    }
}
