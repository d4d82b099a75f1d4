package gcsim.realthreads.fray;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Starts {@link SeedRaceFray} the way Fray needs it, without downloading anything: Fray 0.9.2 runs a
 * program only on a JDK 25 whose own classes it has rewritten (through a jlink plugin), with its
 * agent and its JVMTI library loaded. Fray's Maven and Gradle plugins build that JDK from a JDK 25's
 * {@code jmods/}, or download one when they are not told where one is; the JDKs here (Temurin 25)
 * ship no {@code jmods/} but can link from their own run-time image (JEP 493), which Fray's plugin
 * does not ask for. So this runs jlink itself, once, on a JDK 25 found under {@code /usr/lib/jvm}
 * (or {@code JDK25_HOME}), and keeps the result in {@code target/fray/} for later runs; the project
 * stays on Java 17 and this class runs on Maven's JDK.
 *
 * <p>Arguments: the result file, Fray's work folder, the jlink plugin's class path, Fray's agent
 * jar and the jar holding its JVMTI library (all given by the {@code fray} profile). When Fray
 * cannot run here, the result file says why ({@code {"ran": false, "why": "…"}}) and the exit code
 * is 0, so that {@code gcsim bench --peers} reports it as not run.
 */
public final class FrayLauncher {
    /** Where Debian and the JDK packages here install JDKs; {@code -Dfray.jdks=DIR} looks elsewhere. */
    private static final String JDKS = System.getProperty("fray.jdks", "/usr/lib/jvm");
    private static final String FEATURE = "25";
    private static final long TIMEOUT_MINUTES = 14;

    private FrayLauncher() {}

    public static void main(String[] args) throws Exception {
        Path result = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Files.createDirectories(work);
        Files.deleteIfExists(result);
        String why = run(result, work, args[2], Path.of(args[3]), Path.of(args[4]));
        if (why != null) {
            System.err.println("fray: not run: " + why);
            Files.createDirectories(result.toAbsolutePath().getParent());
            Files.writeString(result, "{\"ran\": false, \"why\": \"" + why.replace("\\", "\\\\").replace("\"", "'")
                    + "\"}\n", StandardCharsets.UTF_8);
        }
    }

    /** Null once {@link SeedRaceFray} has written its result, else why Fray did not run. */
    private static String run(Path result, Path work, String jlinkPath, Path agent, Path jvmtiJar)
            throws IOException, InterruptedException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "the profile brings Fray's JVMTI library for Linux x86-64 only, this is " + os + " " + arch;
        }
        String home = System.getenv("JDK25_HOME");
        boolean fromEnv = home != null && !home.isBlank();
        Optional<Path> jdk = fromEnv ? Optional.of(Path.of(home)).filter(FrayLauncher::isJdk25) : findJdk();
        if (jdk.isEmpty()) {
            return (fromEnv ? "JDK25_HOME (" + home + ") is not a JDK " + FEATURE + " with bin/jlink"
                    : "no JDK " + FEATURE + " under " + JDKS) + ": Fray " + frayVersion(agent) + " instruments a JDK "
                    + FEATURE + " (and would otherwise download one)";
        }
        System.out.println("fray: JDK " + FEATURE + " found at " + jdk.get());
        Path frayJava = work.resolve("fray-java");
        String why = instrumentedJdk(jdk.get(), frayJava, jlinkPath, work);
        if (why != null) {
            return why;
        }
        Path jvmti = work.resolve("fray-jvmti").resolve("libjvmti.so");
        extract(jvmtiJar, "libjvmti.so", jvmti);
        List<String> cmd = List.of(frayJava.resolve("bin").resolve("java").toString(), "-javaagent:" + agent,
                "-agentpath:" + jvmti, "-Dfray.workDir=" + work.resolve("fray-report"),
                "-classpath", System.getProperty("java.class.path"), SeedRaceFray.class.getName(), result.toString());
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return "Fray's run took more than " + TIMEOUT_MINUTES + " minutes";
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(result)) {
            return "the instrumented JDK's run of " + SeedRaceFray.class.getSimpleName() + " exited with "
                    + p.exitValue() + " and no result (its output is above)";
        }
        return null;
    }

    /**
     * The first JDK 25 under {@link #JDKS} by name (used when {@code JDK25_HOME}, Fray's own way of
     * being given one, is not set).
     */
    static Optional<Path> findJdk() throws IOException {
        Path root = Path.of(JDKS);
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        TreeSet<Path> found = new TreeSet<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path d : dirs) {
                if (isJdk25(d)) {
                    found.add(d.toRealPath());
                }
            }
        }
        return found.stream().findFirst();
    }

    private static boolean isJdk25(Path dir) {
        try {
            return Files.isExecutable(dir.resolve("bin").resolve("jlink"))
                    && release(dir, "JAVA_VERSION").map(v -> v.equals(FEATURE) || v.startsWith(FEATURE + ".")).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    /** A value of the JDK's {@code release} file, unquoted. */
    private static Optional<String> release(Path jdk, String key) throws IOException {
        Path file = jdk.resolve("release");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith(key + "="))
                .map(l -> l.substring(key.length() + 1).replace("\"", "")).findFirst();
    }

    /**
     * Links {@code jdk}'s modules through Fray's jlink plugin into {@code out}, unless {@code out}
     * was linked from the same JDK and plugin already (about half a minute). With {@code jmods/}
     * every module is linked; from the run-time image jlink cannot link {@code jdk.jlink} itself
     * (nor {@code jdk.jpackage}, which needs it), and the program needs neither.
     */
    private static String instrumentedJdk(Path jdk, Path out, String jlinkPath, Path work)
            throws IOException, InterruptedException {
        String plugin = Arrays.stream(jlinkPath.split(File.pathSeparator))
                .filter(j -> Path.of(j).getFileName().toString().startsWith("fray-instrumentation-jdk-"))
                .findFirst().orElse(null);
        if (plugin == null) {
            return "fray-instrumentation-jdk is not on the jlink class path the profile gave";
        }
        String stamp = jdk + " " + release(jdk, "JAVA_RUNTIME_VERSION").orElse("?") + " " + Path.of(plugin).getFileName();
        Path stampFile = out.resolve("gcsim-fray-stamp");
        if (Files.isRegularFile(stampFile) && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp)) {
            return null;
        }
        List<String> cmd = new ArrayList<>(List.of(jdk.resolve("bin").resolve("jlink").toString(),
                "-J-javaagent:" + plugin, "-J--module-path=" + jlinkPath,
                "-J--add-modules=org.pastalab.fray.instrumentation.jdk", "-J--class-path=" + jlinkPath));
        Path jmods = jdk.resolve("jmods");
        if (Files.isDirectory(jmods)) {
            cmd.addAll(List.of("--module-path=" + jmods, "--add-modules=ALL-MODULE-PATH"));
        } else {
            String modules = Arrays.stream(release(jdk, "MODULES").orElse("java.se").split(" "))
                    .filter(m -> !m.equals("jdk.jlink") && !m.equals("jdk.jpackage")).collect(Collectors.joining(","));
            cmd.add("--add-modules=" + modules);
        }
        Path partial = work.resolve("fray-java.partial");
        deleteTree(partial);
        cmd.addAll(List.of("--output=" + partial, "--fray-instrumentation"));
        Path log = work.resolve("jlink.log");
        System.out.println("fray: linking an instrumented JDK into " + out + " (once; log: " + log + ")");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return "jlink with Fray's plugin took more than " + TIMEOUT_MINUTES + " minutes (log: " + log + ")";
        }
        if (p.exitValue() != 0) {
            String last = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .reduce((a, b) -> b).orElse("");
            return "jlink with Fray's plugin failed on " + jdk + " (exit " + p.exitValue() + "): " + last + " (log: " + log + ")";
        }
        Files.writeString(partial.resolve("gcsim-fray-stamp"), stamp, StandardCharsets.UTF_8);
        deleteTree(out);
        Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
        return null;
    }

    private static void extract(Path jar, String entry, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry e = zip.getEntry(entry);
            if (e == null) {
                throw new IOException(jar + " has no " + entry);
            }
            try (InputStream in = zip.getInputStream(e)) {
                Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }

    /** "0.9.2", from the agent jar's name, for messages. */
    private static String frayVersion(Path agent) {
        String name = agent.getFileName().toString();
        return name.replaceFirst("^fray-instrumentation-agent-", "").replaceFirst("\\.jar$", "");
    }
}
