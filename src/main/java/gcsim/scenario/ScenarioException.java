package gcsim.scenario;

/**
 * Bad input in a scenario or variants file. The message is the whole one-line report,
 * {@code FILE:LINE:COLUMN: what is wrong (what is accepted)}, ready to print.
 */
public final class ScenarioException extends Exception {
    public ScenarioException(Pos pos, String what) {
        super(pos + ": " + what, null, false, false);
    }

    public ScenarioException(String wholeMessage) {
        super(wholeMessage, null, false, false);
    }
}
