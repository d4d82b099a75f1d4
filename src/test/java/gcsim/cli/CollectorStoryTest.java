package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The story of the collector-side window (src/test/resources/scenarios/collector-referrer-window.yaml,
 * under drv-only, whose collector has it): the collector visits lib, moves on to its referrer app, the
 * client's temp root for lib is acknowledged at once because pending is app, and both are deleted. The
 * story must name the referrer, the visit order, pending and the acknowledgement, and never say lib
 * had no temp root after saying it was recorded.
 */
class CollectorStoryTest {
    private static final Project PROJECT = Project.standard(Path.of("").toAbsolutePath());
    private static final String SCENARIO = "src/test/resources/scenarios/collector-referrer-window.yaml";

    /**
     * The story of the first failing search, over base seeds 1, 2, …, whose acknowledgement went out at
     * once before the deletion loop reached lib (a root sent after the deletion is another window).
     */
    private static List<String> storyWithAnImmediateAck() {
        for (int seed = 1; seed <= 200; seed++) {
            Cli c = Cli.run(PROJECT, "search", "--scenario", SCENARIO, "--variant", "drv-only", "--seed", "" + seed,
                    "--threads", "1");
            assertThat(c.code()).as(c.err()).isEqualTo(1);
            List<String> story = c.outLines().stream().filter(l -> l.matches("\\d+\\. .*")).toList();
            int ack = firstContaining(story, "acknowledged at once");
            int deleted = firstContaining(story, "deletes lib");
            if (ack >= 0 && deleted > ack) {
                return story;
            }
        }
        throw new AssertionError("no search over seeds 1–200 found the immediate-ack window");
    }

    private static int firstContaining(List<String> story, String text) {
        for (int i = 0; i < story.size(); i++) {
            if (story.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static int index(List<String> story, String regex) {
        for (int i = 0; i < story.size(); i++) {
            if (story.get(i).matches("\\d+\\. " + regex)) {
                return i;
            }
        }
        throw new AssertionError("no story line matches " + regex + " in\n" + String.join("\n", story));
    }

    @Test
    void theCollectorsStoryNamesTheReferrerTheVisitOrderPendingAndTheAcknowledgement() {
        List<String> story = storyWithAnImmediateAck();
        int visitLib = index(story, "nix-collect-garbage: visits lib: not a root, no temp root so far; pending = lib .*");
        int enqueue = index(story, "nix-collect-garbage: lib is valid; enqueues app \\(closure of lib\\) .*");
        int visitApp = index(story,
                "nix-collect-garbage: visits app \\(in the closure of lib\\): not a root, no temp root so far; pending = app .*");
        int ack = index(story, "nix-collect-garbage/gc-client-1: records temp root lib sent through the socket; pending = app,"
                + " not lib, so it is acknowledged at once .*");
        int deleteApp = index(story, "nix-collect-garbage: deletes app \\(no root, no temp root, no live referrer\\);"
                + " closure of lib, deleted in the order app, lib .*");
        int deleteLib = index(story, "nix-collect-garbage: deletes lib although it has a temp root: recorded after the"
                + " collector visited it, and the deletion loop does not look at temp roots again; closure of lib, .*");
        assertThat(List.of(visitLib, enqueue, visitApp, ack, deleteLib)).isSorted();
        assertThat(deleteApp).isLessThan(deleteLib).isGreaterThan(visitApp);
        assertThat(story.get(story.size() - 1)).matches("\\d+\\. client: error: opening file '/nix/store/[a-z0-9]+-lib': No"
                + " such file or directory");
    }

    @Test
    void noLineSaysLibHadNoTempRootOnceItsTempRootWasRecorded() {
        List<String> story = storyWithAnImmediateAck();
        int recorded = index(story, ".*records temp root lib .*");
        for (String line : story.subList(recorded, story.size())) {
            assertThat(line).doesNotContainPattern("\\blib\\b[^;]*no temp root");
        }
    }
}
