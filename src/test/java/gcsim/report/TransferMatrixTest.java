package gcsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's transfer table: one row per counterexample, and a warning where a pass rests only on the search. */
class TransferMatrixTest {
    private static CompareReport withRow(TransferRow row) {
        CompareReport r = Samples.report();
        return r.withTransfers(List.of(row));
    }

    private static TransferRow row(String outcomeThere, String searchThere) {
        List<TransferRow.Entry> entries = new java.util.ArrayList<>();
        for (CompareReport.VariantInfo v : Samples.report().variants()) {
            boolean own = entries.isEmpty();
            entries.add(new TransferRow.Entry(v.id(), own ? "counterexample" : outcomeThere, own ? 110 : 76,
                    own ? "found by the search" : "expectation seen by expect: gone", own ? "fail" : searchThere));
        }
        return new TransferRow("hosts-drv", entries.get(0).variant(), "invalid-path", entries);
    }

    @Test
    void aPassThatTheTransferredCounterexampleContradictsIsMarkedAndExplained() {
        CompareReport r = withRow(row("same-failure", "pass"));
        String md = MarkdownReport.render(r);
        assertThat(md).contains("## Counterexamples under other variants").contains("⚠ same failure at step 76 (search: pass)")
                .contains("the search's pass rests only on not finding it");
        assertThat(HtmlReport.render(r)).contains("<h2 id=\"transfers\">").contains("⚠ same failure at step 76");
        assertThat(ReportJson.render(r)).contains("\"transfers\"").contains("\"searchMissed\"");
    }

    @Test
    void aClosedWindowUnderAPassingVariantIsNotMarked() {
        String md = MarkdownReport.render(withRow(row("closed", "verified")));
        assertThat(md).contains("closed at step 76 (search: verified)").doesNotContain("⚠ closed")
                .doesNotContain("rests only on not finding");
    }

    @Test
    void aReportWithoutTransfersHasNoTransferSection() {
        assertThat(MarkdownReport.render(Samples.report())).doesNotContain("under other variants");
    }
}
