package gcsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportJsonReaderTest {
    @Test
    void aReportReadBackFromItsJsonRendersToTheSameBytesInEveryFormat() {
        for (CompareReport r : new CompareReport[] {Samples.report(), Samples.report().withoutProvenance()}) {
            CompareReport back = ReportJsonReader.parse(ReportJson.render(r));
            assertThat(back).isEqualTo(r);
            assertThat(MarkdownReport.render(back)).isEqualTo(MarkdownReport.render(r));
            assertThat(HtmlReport.render(back)).isEqualTo(HtmlReport.render(r));
        }
    }

    @Test
    void aShardKeepsItsPlaceAndTheReportWithoutProvenanceHasNoDateCommitMachineOrTimings() {
        CompareReport r = Samples.report().withoutProvenance();
        CompareReport shard = new CompareReport(r.header(), r.scenarios(), r.variants(), r.cells(), null,
                new CompareReport.Shard(2, 3));
        String json = ReportJson.render(shard);
        assertThat(ReportJsonReader.parse(json).shard()).isEqualTo(new CompareReport.Shard(2, 3));
        assertThat(json).doesNotContain("\"date\"", "\"commit\"", "\"machine\"", "\"timings\"");
        assertThat(MarkdownReport.render(r)).doesNotContain("2026-11-27", "0123456789abcdef", "OpenJDK", "Wall time");
    }

    @Test
    void anotherFormatIsRejectedWithWhatWasExpected() {
        assertThatThrownBy(() -> ReportJsonReader.parse("{\"format\": \"gcsim-compare 1\"}"))
                .hasMessageContaining("format is 'gcsim-compare 1', expected '" + ReportJson.FORMAT + "'");
        assertThatThrownBy(() -> ReportJsonReader.parse("{\"format\": ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCellPageDiagramWrapsEveryMessageLineToFitThePage() {
        String d = Mermaid.narrowDiagram(Samples.story());
        for (String line : d.split("\n")) {
            int colon = line.indexOf(": ");
            if (line.contains("->>") || line.contains("-x")) {
                for (String part : line.substring(colon + 2).split("<br/>")) {
                    assertThat(part.replaceAll("#\\d+;", "x").length()).as(part).isLessThanOrEqualTo(Mermaid.NARROW);
                }
            }
        }
        assertThat(d).startsWith("%%{init: ").contains("sequenceDiagram\n");
    }

    @Test
    void aSummaryOfALargeMatrixStaysUnderFifteenThousandCharacters() {
        CompareReport big = Samples.large(20, 12);
        String summary = SummaryReport.render(big, null, "results/expected.yaml");
        assertThat(summary.length()).isLessThan(15_000);
        assertThat(summary).contains("](cells/");
    }
}
