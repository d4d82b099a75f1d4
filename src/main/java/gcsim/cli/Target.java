package gcsim.cli;

import gcsim.scenario.Text;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioException;
import gcsim.variant.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a search or a replay runs: a scenario under a variant, resolved from the words the user typed.
 *
 * <p>{@code --scenario} takes a NAME (the base name of a file in the project's {@code scenarios/}
 * folder) or a FILE (anything containing {@code /} or ending in {@code .yaml}, relative to the current
 * directory, else to the project root). Printed replay commands and saved schedules name the
 * scenario so that they work from any directory: by its NAME when it is in {@code scenarios/}, by
 * its path relative to the project root when it is elsewhere in the project, else by its absolute
 * path.
 *
 * @param scenarioArg the scenario as replay commands and schedule files name it
 * @param scenarioFile the file it resolved to
 */
record Target(String scenarioArg, Path scenarioFile, Scenario scenario, Variant variant) {

    static Target load(Project project, String scenarioArg, String variantId) throws BadInput, ScenarioException {
        Path file = resolveScenario(project, scenarioArg);
        Variant variant = findVariant(project, variantId);
        Scenario scenario = project.loadScenario(file);
        return new Target(designation(project, file), file, scenario, variant);
    }

    /**
     * How replay commands and schedule files name {@code file} so that it resolves from anywhere:
     * a NAME for a file directly in {@code scenarios/}, a project-relative path for another file in
     * the project, else the absolute path.
     */
    static String designation(Project project, Path file) {
        Path f = file.toAbsolutePath().normalize();
        Path dir = project.scenariosDir().toAbsolutePath().normalize();
        String base = f.getFileName() == null ? "" : f.getFileName().toString();
        if (dir.equals(f.getParent()) && base.endsWith(".yaml") && !base.equals("variants.yaml")) {
            return base.substring(0, base.length() - ".yaml".length());
        }
        Path home = project.home().toAbsolutePath().normalize();
        String s = f.startsWith(home) ? home.relativize(f).toString() : f.toString();
        return s.replace('\\', '/');
    }

    /**
     * A file named on the command line: relative to the current directory when it exists there,
     * else relative to the project root, so that paths printed by gcsim (which are project-relative)
     * work from any directory. Absolute paths are taken as they are.
     */
    static Path locate(Project project, String arg) {
        Path f = Path.of(arg);
        if (f.isAbsolute() || Files.exists(f)) {
            return f;
        }
        Path inProject = project.home().resolve(arg);
        return Files.exists(inProject) ? inProject : f;
    }

    /** The SHA-256 of {@code file}'s bytes, in hex: what schedule files record of their scenario. */
    static String sha256(Path file) throws BadInput {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            StringBuilder sb = new StringBuilder(64);
            for (byte b : digest) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (IOException e) {
            throw new BadInput("cannot read '" + file + "': " + e.getMessage());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    static Path resolveScenario(Project project, String arg) throws BadInput {
        if (arg.contains("/") || arg.endsWith(".yaml")) {
            Path f = locate(project, arg);
            if (!Files.isRegularFile(f)) {
                throw new BadInput("--scenario: no such file '" + Text.shown(arg) + "' (accepted: " + acceptedScenarios(project) + ")");
            }
            return f;
        }
        Path f = project.scenariosDir().resolve(arg + ".yaml");
        if (arg.isEmpty() || arg.equals("variants") || !Files.isRegularFile(f)) {
            throw new BadInput("unknown scenario '" + Text.shown(arg) + "' (accepted: " + acceptedScenarios(project) + ")");
        }
        return f;
    }

    private static String acceptedScenarios(Project project) {
        List<String> names = scenarioNames(project);
        String list = names.isEmpty() ? "no scenario files in " + project.scenariosDir() : String.join(", ", names);
        return list + "; or a path to a .yaml file";
    }

    /** The scenario names under the project's {@code scenarios/}, sorted; {@code variants.yaml} is not one. */
    static List<String> scenarioNames(Project project) {
        Path dir = project.scenariosDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("variants.yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .collect(Collectors.toCollection(ArrayList::new));
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<Variant> variants(Project project) throws BadInput, ScenarioException {
        Path file = project.variantsFile();
        if (!Files.isRegularFile(file)) {
            throw new BadInput("no variants file at " + file + " (accepted: a project whose scenarios/ holds variants.yaml;"
                    + " run through sim/gcsim or from the project root)");
        }
        return project.loadVariants(file);
    }

    static Variant findVariant(Project project, String id) throws BadInput, ScenarioException {
        List<Variant> all = variants(project);
        for (Variant v : all) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        String accepted = all.stream().map(Variant::id).collect(Collectors.joining(", "));
        throw new BadInput("unknown variant '" + Text.shown(id) + "' (accepted: " + accepted + ")");
    }
}
