package gcsim.compare;

/**
 * How the command line names and writes a counterexample's schedule file. The engine decides which
 * cells have one; the command line owns the file format and the paths it prints, so a replay command
 * in the report can be pasted back into the shell it came from.
 */
public interface ScheduleFiles {
    /** The path of cell {@code key}'s schedule file as the report shows it. */
    String path(String key);

    /** The command that replays the schedule file at {@code path}. */
    String replayCommand(String path);

    /** The text of the schedule file of {@code job} for the recorded {@code choices}. */
    String text(CellJob job, String choices, int maxSteps);
}
