package gcsim.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peers of {@code gcsim bench --peers}: the seed race's real-thread implementation (the
 * jcstress tests' {@code HostsDrv}) under jcstress, and its protocol transcribed into monitors
 * under Lincheck's model checking (Lincheck could not get through the implementation's setup within
 * its limit per run; {@code src/lincheck/java} says why), each run by Maven in its own profile
 * ({@code -Pjcstress} with the {@code seed} preset, {@code -Plincheck}), which write their first
 * observation to {@code target/peers/}. Compiling the test sources there never touches the jar
 * this benchmark runs from.
 */
final class Peers {
    /** A peer's first observation of the seed race, or why there is none. */
    record Observation(String peer, boolean found, double wallMs, double cpuMs, String why) {}

    private static final long TIMEOUT_MINUTES = 15;

    private Peers() {}

    static Observation jcstress(Path home) throws IOException, InterruptedException {
        Path out = home.resolve("target").resolve("peers");
        Files.createDirectories(home.resolve("target").resolve("jcstress"));
        Path file = out.resolve("jcstress-seed.json");
        Files.deleteIfExists(file);
        String failure = maven(home, "jcstress", List.of("-Pjcstress", "test-compile", "exec:exec@jcstress",
                "-Djcstress.mode=seed", "-Djcstress.report=" + out));
        if (!Files.isRegularFile(file)) {
            return new Observation("jcstress", false, Double.NaN, Double.NaN, failure);
        }
        String json = Files.readString(file, StandardCharsets.UTF_8);
        long wall = number(json, "wallMs");
        if (wall < 0) {
            return new Observation("jcstress", false, Double.NaN, Double.NaN, "jcstress did not observe the race");
        }
        return new Observation("jcstress", true, wall, number(json, "forkCpuMs") + number(json, "driverCpuMs"), null);
    }

    static Observation lincheck(Path home) throws IOException, InterruptedException {
        Path file = home.resolve("target").resolve("peers").resolve("lincheck.json");
        Files.deleteIfExists(file);
        String failure = maven(home, "lincheck", List.of("-Plincheck", "test-compile", "exec:exec@lincheck"));
        if (!Files.isRegularFile(file)) {
            return new Observation("Lincheck 3.7", false, Double.NaN, Double.NaN, failure);
        }
        String json = Files.readString(file, StandardCharsets.UTF_8);
        if (!json.contains("\"found\": true")) {
            Matcher m = Pattern.compile("\"error\": \"([^\"]*)\"").matcher(json);
            return new Observation("Lincheck 3.7", false, number(json, "wallMs"), number(json, "cpuMs"),
                    "Lincheck ended without the race" + (m.find() && !m.group(1).isEmpty() ? ": " + m.group(1) : ""));
        }
        return new Observation("Lincheck 3.7", true, number(json, "wallMs"), number(json, "cpuMs"), null);
    }

    /** Runs Maven offline (then online once) in {@code home}; null when it succeeded, else the reason and its log. */
    private static String maven(Path home, String name, List<String> args) throws IOException, InterruptedException {
        Path log = home.resolve("target").resolve("peers").resolve(name + ".log");
        Files.createDirectories(log.getParent());
        for (boolean offline : new boolean[] {true, false}) {
            List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-q"));
            if (offline) {
                cmd.add("-o");
            }
            cmd.addAll(args);
            Process p;
            try {
                p = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                return "mvn cannot be started (" + e.getMessage() + "); the peers are built and run by Maven";
            }
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return "mvn " + String.join(" ", args) + " took more than " + TIMEOUT_MINUTES + " minutes (log: " + log + ")";
            }
            if (p.exitValue() == 0) {
                return null;
            }
        }
        return "mvn " + String.join(" ", args) + " failed (log: " + log + ")";
    }

    private static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (-?\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
