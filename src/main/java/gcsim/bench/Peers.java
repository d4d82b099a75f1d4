package gcsim.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peers of {@code gcsim bench --peers}: the seed race's real-thread implementation (the
 * jcstress tests' {@code HostsDrv}) under jcstress and under Fray's exploration, and its protocol
 * transcribed into monitors under Lincheck's model checking (Lincheck could not get through the
 * implementation's setup within its limit per run; {@code src/lincheck/java} says why), each run by
 * Maven in its own profile ({@code -Pjcstress} with the {@code seed} preset, {@code -Plincheck},
 * {@code -Pfray}), which write their first observation to {@code target/peers/}. Compiling the test
 * sources there never touches the jar this benchmark runs from.
 */
final class Peers {
    /**
     * A peer's first observation of the seed race, or why there is none; {@code ran} is false when
     * the peer could not run here at all (then {@code why} says why), and {@code note} adds what the
     * peer told about its search (null when nothing).
     */
    record Observation(String peer, boolean ran, boolean found, double wallMs, double cpuMs, String why, String note) {
        static Observation notRun(String peer, String why) {
            return new Observation(peer, false, false, Double.NaN, Double.NaN, why, null);
        }
    }

    static final String FRAY = "Fray 0.9.2";

    /** How one peer is run; each writes its own file under {@code target/peers/}. */
    interface Run {
        Observation observe(Path home) throws IOException, InterruptedException;
    }

    /** A peer as the bench announces it, and where its wall time is counted from. */
    record Peer(String what, String from, Run run) {}

    static final List<Peer> ALL = List.of(
            new Peer("jcstress (seed preset)", "from jcstress's start", Peers::jcstress),
            new Peer("Lincheck 3.7 model checking", "from its VM's start", Peers::lincheck),
            new Peer(FRAY + " (POS scheduler) on an instrumented JDK 25", "from its VM's start", Peers::fray));

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
            return Observation.notRun("jcstress", failure);
        }
        String json = Files.readString(file, StandardCharsets.UTF_8);
        long wall = number(json, "wallMs");
        if (wall < 0) {
            return new Observation("jcstress", true, false, Double.NaN, Double.NaN, "jcstress did not observe the race", null);
        }
        return new Observation("jcstress", true, true, wall, number(json, "forkCpuMs") + number(json, "driverCpuMs"), null, null);
    }

    static Observation lincheck(Path home) throws IOException, InterruptedException {
        Path file = home.resolve("target").resolve("peers").resolve("lincheck.json");
        Files.deleteIfExists(file);
        String failure = maven(home, "lincheck", List.of("-Plincheck", "test-compile", "exec:exec@lincheck"));
        if (!Files.isRegularFile(file)) {
            return Observation.notRun("Lincheck 3.7", failure);
        }
        String json = Files.readString(file, StandardCharsets.UTF_8);
        if (!json.contains("\"found\": true")) {
            Matcher m = Pattern.compile("\"error\": \"([^\"]*)\"").matcher(json);
            return new Observation("Lincheck 3.7", true, false, number(json, "wallMs"), number(json, "cpuMs"),
                    "Lincheck ended without the race" + (m.find() && !m.group(1).isEmpty() ? ": " + m.group(1) : ""), null);
        }
        return new Observation("Lincheck 3.7", true, true, number(json, "wallMs"), number(json, "cpuMs"), null, null);
    }

    /**
     * Fray on the implementation itself; its profile finds a JDK 25 on this machine and says in
     * {@code fray.json} when there is none, so that a Fray that cannot run here is reported, not
     * failed.
     */
    static Observation fray(Path home) throws IOException, InterruptedException {
        Path file = home.resolve("target").resolve("peers").resolve("fray.json");
        Files.deleteIfExists(file);
        String failure = maven(home, "fray", List.of("-Pfray", "test-compile", "exec:exec@fray"));
        if (!Files.isRegularFile(file)) {
            return Observation.notRun(FRAY, failure != null ? failure : "the fray profile wrote no " + file);
        }
        return frayResult(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Reads what {@code -Pfray} wrote: not run (and why), ended without the race, or found at an iteration. */
    static Observation frayResult(String json) {
        if (!json.contains("\"ran\": true")) {
            String why = text(json, "why");
            return Observation.notRun(FRAY, why.isEmpty() ? "the fray profile said it did not run, without a reason" : why);
        }
        double wall = number(json, "wallMs");
        double cpu = number(json, "cpuMs");
        long iterations = number(json, "iterations");
        if (!json.contains("\"found\": true")) {
            String error = text(json, "error");
            return new Observation(FRAY, true, false, wall, cpu, String.format(Locale.ROOT,
                    "Fray ended without the race after %,d iterations", iterations)
                    + (error.isEmpty() ? "" : ": " + error), null);
        }
        return new Observation(FRAY, true, true, wall, cpu, null,
                String.format(Locale.ROOT, "found in its iteration %,d (POS scheduler)", number(json, "iteration")));
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

    private static String text(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    private static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (-?\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
