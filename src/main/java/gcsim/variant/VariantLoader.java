package gcsim.variant;

import gcsim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;

/** Reads scenarios/variants.yaml. (interface placeholder) */
public final class VariantLoader {
    private VariantLoader() {}

    public static List<Variant> load(Path file) throws ScenarioException {
        throw new UnsupportedOperationException("being written");
    }
}
