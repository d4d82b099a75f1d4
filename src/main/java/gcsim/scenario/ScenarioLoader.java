package gcsim.scenario;

import java.nio.file.Path;

/** Reads a scenario file. (interface placeholder) */
public final class ScenarioLoader {
    private ScenarioLoader() {}

    public static Scenario load(Path file) throws ScenarioException {
        throw new UnsupportedOperationException("being written");
    }
}
