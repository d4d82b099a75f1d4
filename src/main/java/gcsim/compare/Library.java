package gcsim.compare;

import gcsim.report.CompareReport;
import gcsim.scenario.Scenario;
import gcsim.variant.Variant;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios and variants a compare run covers, whole even when the run is one shard of it: the
 * report's header lists them all, and carrying and the transfer table need every variant of a scenario.
 *
 * @param names the scenarios' names, in report order
 * @param scenarios the loaded scenarios, parallel to {@code names}
 * @param scenarioInfos what the report says of each scenario (its summary and file digest)
 */
public record Library(List<String> names, List<Scenario> scenarios, List<Variant> variants,
                      List<CompareReport.ScenarioInfo> scenarioInfos) {
    public Library {
        names = List.copyOf(names);
        scenarios = List.copyOf(scenarios);
        variants = List.copyOf(variants);
        scenarioInfos = List.copyOf(scenarioInfos);
    }

    /** What the report says of each variant. */
    public List<CompareReport.VariantInfo> variantInfos() {
        List<CompareReport.VariantInfo> out = new ArrayList<>();
        for (Variant v : variants) {
            out.add(new CompareReport.VariantInfo(v.id(), v.description()));
        }
        return out;
    }

    /** Cells in the whole selection. */
    public int cells() {
        return names.size() * variants.size();
    }
}
