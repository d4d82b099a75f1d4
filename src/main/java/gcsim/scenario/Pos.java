package gcsim.scenario;

/** Where something was written in a scenario file, for FILE:LINE:COLUMN messages (1-based). */
public record Pos(String file, int line, int column) {
    public static final Pos NONE = new Pos("<none>", 0, 0);

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
