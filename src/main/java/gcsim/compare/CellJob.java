package gcsim.compare;

import gcsim.scenario.Scenario;
import gcsim.variant.Variant;

/**
 * One cell of a compare run: a scenario under a variant, with what its schedule file must name.
 *
 * @param scenarioName the name the report uses
 * @param designation how a schedule file names the scenario (a name from scenarios/ or a path)
 * @param sha256 the scenario file's digest, which replay checks before it trusts a schedule
 */
public record CellJob(Scenario scenario, String scenarioName, String designation, String sha256, Variant variant) {
    /** {@code scenario × variant}, as progress lines and notes show a cell. */
    public String label() {
        return scenarioName + " × " + variant.id();
    }

    /** {@code scenario--variant}: the cell's file names. */
    public String key() {
        return scenarioName + "--" + variant.id();
    }
}
