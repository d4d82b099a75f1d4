package gcsim.cli;

import gcsim.report.CompareReport;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioException;
import gcsim.variant.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The cells {@code compare} runs: the scenarios (library names or scenario files) and variants
 * asked for, in the library's order (files given by path follow, in the order given), and, with
 * {@code --shard I/N}, which of the cells this run owns.
 *
 * @param names each scenario's name in the report: its file's base name
 * @param files each scenario's file
 */
record CompareSelection(List<String> names, List<Path> files, List<Scenario> scenarios, List<Variant> variants) {

    static CompareSelection resolve(Project project, String scenariosOption, String variantsOption)
            throws BadInput, ScenarioException {
        List<String> library = Target.scenarioNames(project);
        List<String> names = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        if (scenariosOption == null) {
            if (library.isEmpty()) {
                throw new BadInput("--scenarios: no scenarios found in the project (accepted: a project with scenarios/ and"
                        + " scenarios/variants.yaml; run through sim/gcsim or from the project root)");
            }
            for (String n : library) {
                names.add(n);
                files.add(project.scenariosDir().resolve(n + ".yaml"));
            }
        } else {
            List<String> picked = new ArrayList<>();
            List<Path> extra = new ArrayList<>();
            for (String raw : scenariosOption.split(",", -1)) {
                String arg = raw.strip();
                if (arg.contains("/") || arg.endsWith(".yaml")) {
                    Path f = Target.resolveScenario(project, arg);
                    String designation = Target.designation(project, f);
                    if (library.contains(designation)) {
                        if (!picked.contains(designation)) {
                            picked.add(designation);
                        }
                    } else if (!extra.contains(f.toAbsolutePath().normalize())) {
                        extra.add(f.toAbsolutePath().normalize());
                    }
                } else if (!library.contains(arg)) {
                    throw new BadInput("--scenarios: unknown scenario '" + arg + "' (accepted: " + String.join(", ", library)
                            + "; or a path to a .yaml file)");
                } else if (!picked.contains(arg)) {
                    picked.add(arg);
                }
            }
            for (String n : library) {
                if (picked.contains(n)) {
                    names.add(n);
                    files.add(project.scenariosDir().resolve(n + ".yaml"));
                }
            }
            for (Path f : extra) {
                String base = f.getFileName().toString();
                String name = base.endsWith(".yaml") ? base.substring(0, base.length() - ".yaml".length()) : base;
                if (names.contains(name)) {
                    throw new BadInput("--scenarios: two scenarios named '" + name + "' (accepted: scenario files with"
                            + " distinct base names)");
                }
                names.add(name);
                files.add(f);
            }
        }
        List<Variant> all = Target.variants(project);
        List<String> ids = all.stream().map(Variant::id).collect(Collectors.toList());
        List<String> asked = new ArrayList<>();
        if (variantsOption != null) {
            for (String raw : variantsOption.split(",", -1)) {
                String id = raw.strip();
                if (!ids.contains(id)) {
                    throw new BadInput("--variants: unknown variant '" + id + "' (accepted: " + String.join(", ", ids) + ")");
                }
                asked.add(id);
            }
        }
        List<Variant> variants = new ArrayList<>();
        for (Variant v : all) {
            if (variantsOption == null || asked.contains(v.id())) {
                variants.add(v);
            }
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Path f : files) {
            scenarios.add(project.loadScenario(f));
        }
        return new CompareSelection(List.copyOf(names), List.copyOf(files), List.copyOf(scenarios), List.copyOf(variants));
    }

    /** {@code I/N} as {@code --shard} takes it: 1 ≤ I ≤ N. */
    static CompareReport.Shard shard(String text) throws BadInput {
        if (text == null) {
            return null;
        }
        String[] parts = text.strip().split("/", -1);
        try {
            if (parts.length == 2) {
                int i = Integer.parseInt(parts[0].strip());
                int n = Integer.parseInt(parts[1].strip());
                if (n >= 1 && i >= 1 && i <= n && n <= 10_000) {
                    return new CompareReport.Shard(i, n);
                }
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new BadInput("--shard: '" + text + "' is not I/N (accepted: two whole numbers with 1 <= I <= N <= 10000,"
                + " such as 1/4)");
    }
}
