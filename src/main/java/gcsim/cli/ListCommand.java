package gcsim.cli;

import gcsim.scenario.Scenario;
import gcsim.variant.Switches;
import gcsim.variant.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code gcsim list}: what can be given to {@code --scenario} and {@code --variant}, and what each
 * variant switches, read from the project's files so the list never goes stale.
 */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false, sortSynopsis = false,
        versionProvider = Version.Provider.class,
        description = "Lists the scenarios, the variants and each variant's switches.")
final class ListCommand implements Callable<Integer> {
    private final Context ctx;

    ListCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Project project = ctx.project();
        List<String> names = Target.scenarioNames(project);
        List<String[]> scenarioRows = new ArrayList<>();
        for (String name : names) {
            Scenario s = project.loadScenario(project.scenariosDir().resolve(name + ".yaml"));
            scenarioRows.add(new String[] {name, s.summary()});
        }
        List<Variant> variants = Target.variants(project);
        List<String[]> variantRows = new ArrayList<>();
        List<String[]> switchRows = new ArrayList<>();
        for (Variant v : variants) {
            variantRows.add(new String[] {v.id(), v.description()});
            switchRows.add(new String[] {v.id(), switches(v.switches())});
        }
        ctx.out().println("scenarios (--scenario NAME):");
        table(scenarioRows);
        ctx.out().println("variants (--variant ID):");
        table(variantRows);
        ctx.out().println("switches:");
        table(switchRows);
        return 0;
    }

    private void table(List<String[]> rows) {
        int width = 0;
        for (String[] r : rows) {
            width = Math.max(width, r[0].length());
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder("  ").append(r[0]);
            if (!r[1].isEmpty()) {
                sb.append(" ".repeat(width - r[0].length() + 2)).append(r[1]);
            }
            ctx.out().println(sb);
        }
    }

    /** Every switch as {@code name=value}, named and valued as in variants.yaml. */
    static String switches(Switches s) {
        StringBuilder sb = new StringBuilder();
        s.asYaml().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }
}
