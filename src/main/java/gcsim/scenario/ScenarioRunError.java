package gcsim.scenario;

/**
 * An error in a scenario that only shows while it runs, such as a sleep that would carry virtual time
 * past its end: bad input, reported as {@code FILE:LINE:COLUMN: …} with exit code 2 like a loader's
 * error, never as a failure of the system under test nor as a bug of gcsim.
 */
public final class ScenarioRunError extends RuntimeException {
    public ScenarioRunError(Pos pos, String what) {
        super(pos + ": " + what, null, false, false);
    }
}
