package gcsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Story lines in the Markdown and HTML reports link their closing citation to docs/model.md. */
class StoryLinksTest {
    @Test
    void aMarkdownStoryLineLinksItsCitationToTheSectionItNames() {
        assertThat(MarkdownReport.storyLine(2, "worker-1", "temp-roots hosts.drv  [addTempRoot §2.6 step 8]", "../"))
                .isEqualTo("2. worker-1: temp-roots hosts.drv [\\[addTempRoot §2.6 step 8\\]](../docs/model.md#26-addtemproot)");
        assertThat(MarkdownReport.storyLine(5, "worker-1", "worker-1 exits  [~LocalStore §2.3]", "../../"))
                .isEqualTo("5. worker-1: worker-1 exits [\\[\\~LocalStore §2.3\\]](../../docs/model.md#23-worker-lifecycle)");
    }

    @Test
    void anHtmlStoryLineLinksItsCitationAndEscapesTheRest() {
        assertThat(HtmlReport.storyLine(9, "gc", "deletes <x>  [maybeDeleteReferrersClosure §2.7 B9]", "../"))
                .isEqualTo("9. gc: deletes &lt;x&gt;  <a href=\"../docs/model.md#27-b9-deletion\">"
                        + "[maybeDeleteReferrersClosure §2.7 B9]</a>");
    }

    @Test
    void aLineWithoutASectionKeepsItsBracketAsPlainText() {
        assertThat(MarkdownReport.storyLine(4, "X", "X exits; its connections close  [client]", "../"))
                .isEqualTo("4. X: X exits; its connections close \\[client\\]");
        assertThat(HtmlReport.storyLine(6, "Y", "error: path 'p' is not valid", "../"))
                .isEqualTo("6. Y: error: path &#39;p&#39; is not valid");
    }

    @Test
    void theFailingCheckLinksToItsSectionInBothReports() {
        CompareReport report = Samples.report();

        assertThat(MarkdownReport.render(report))
                .contains("seen by [registerValidPaths §2.5](../docs/model.md#25-registervalidpaths): ")
                .contains("\n\n1. X: writeDerivation(hosts.drv): sends the derivation\n2. worker-1: ");
        assertThat(HtmlReport.render(report))
                .contains("seen by <a href=\"../docs/model.md#25-registervalidpaths\">registerValidPaths §2.5</a>: ");
    }
}
