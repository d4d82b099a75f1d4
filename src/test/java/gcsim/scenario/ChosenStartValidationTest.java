package gcsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The scenario syntax of starts the search chooses, {@code {after: X, within: D}} and {@code any}:
 * what each loads as, and a one-line FILE:LINE:COLUMN message for each bad value.
 */
class ChosenStartValidationTest extends ScenarioTestSupport {

    @Test
    void anyLoadsAsAStartAtAnyPoint() throws IOException, ScenarioException {
        Scenario s = load(STORE + """
                processes:
                  - {name: P, start: any, ops: [exit]}
                """);
        assertThat(s.processes().get(0).start()).isEqualTo(new Start.Any());
    }

    @Test
    void aWindowAfterATimeLoadsWithItsOpeningAndLength() throws IOException, ScenarioException {
        Scenario s = load(STORE + """
                processes:
                  - {name: P, start: {after: 1ms, within: 5s}, ops: [exit]}
                """);
        assertThat(s.processes().get(0).start()).isEqualTo(new Start.Window(new Start.At(1_000_000L), 5_000_000_000L));
    }

    @Test
    void aWindowAfterAProcessOpensAtItsExit() throws IOException, ScenarioException {
        Scenario s = load(STORE + """
                processes:
                  - {name: P, ops: [exit]}
                  - {name: Q, start: {after: P, within: 100ms}, ops: [exit]}
                """);
        assertThat(s.processes().get(1).start()).isEqualTo(new Start.Window(new Start.After("P"), 100_000_000L));
    }

    @Test
    void anAfterThatBeginsWithADigitIsATimeWithoutAWindowToo() throws IOException, ScenarioException {
        Scenario s = load(STORE + """
                processes:
                  - {name: P, start: {after: 250ms}, ops: [exit]}
                """);
        assertThat(s.processes().get(0).start()).isEqualTo(new Start.At(250_000_000L));
    }

    @Test
    void aWordThatIsNeitherADurationNorAnyIsRejectedWithWhatIsAccepted() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, start: soon, ops: [exit]}
                """, "10:22: start 'soon' is neither a duration nor any (expected a duration such as 0s or 100ms,"
                + " {after: PROCESS}, {after: TIME-OR-PROCESS, within: DURATION} for a start the search chooses in that"
                + " window, or any)");
    }

    @Test
    void aWindowWithoutAnOpeningIsRejectedAtTheMapping() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, start: {within: 5s}, ops: [exit]}
                """, "10:22: missing key 'after' in start (required: after)");
    }

    @Test
    void aWindowLengthThatIsNotADurationIsRejectedAtTheValue() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, start: {after: 1ms, within: later}, ops: [exit]}
                """, "10:43: start.within 'later' is not a duration (expected " + Quantities.DURATION_RULE + ")");
    }

    @Test
    void aNegativeWindowIsRejected() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, start: {after: 1ms, within: -5s}, ops: [exit]}
                """, "10:43: start.within '-5s' is negative (expected " + Quantities.DURATION_RULE + ")");
    }

    @Test
    void anUnknownKeyInAStartIsRejectedWithTheAcceptedKeys() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, start: {after: 1ms, until: 5s}, ops: [exit]}
                """, "10:35: unknown key 'until' in start (accepted: after, within)");
    }

    @Test
    void aWindowAfterAnUnknownProcessIsRejectedAsAnyAfterIs() throws IOException {
        assertRejectedAfterStore("""
                processes:
                  - {name: P, start: {after: Q, within: 1s}, ops: [exit]}
                """, "10:30: unknown process 'Q' in start.after (processes: P)");
    }
}
