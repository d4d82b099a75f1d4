package gcsim.realthreads.agreement;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Runs jcstress in a child JVM ({@link JcstressMain}) and reads what it observed per test. */
final class JcstressRun {
    /** What jcstress saw for one test, summed over its forks and JVM configurations. */
    record Observed(String test, long trials, Map<String, Long> states, boolean error) {
        long count(String state) {
            return states.getOrDefault(state, 0L);
        }
    }

    /**
     * @param observed per test name, sorted
     * @param forbidden jcstress failed the run: a forbidden outcome or a test error
     * @param wallMs the run's wall time, from starting the child JVM to its exit
     * @param cpuMs the child JVM's CPU time (the tests themselves run in VMs it forks)
     */
    record Result(Map<String, Observed> observed, boolean forbidden, long wallMs, long cpuMs) {}

    private JcstressRun() {}

    /**
     * @param dir the working directory, emptied of earlier raw results first
     * @param startEpochMs the wall-clock start the caller hands the test VMs
     */
    static Result run(List<String> jcstressArgs, Path dir, long startEpochMs) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("jcstress-results-")).toList()) {
                Files.delete(p);
            }
        }
        Path summary = dir.resolve("summary.tsv");
        Files.deleteIfExists(summary);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), JcstressMain.class.getName(),
                summary.toString()));
        cmd.addAll(jcstressArgs);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
        int rc = p.waitFor();
        long wallMs = System.currentTimeMillis() - startEpochMs;
        if (rc != 0 || !Files.isRegularFile(summary)) {
            throw new IllegalStateException("jcstress exited with " + rc + " and no summary");
        }
        Map<String, Map<String, Long>> states = new TreeMap<>();
        Set<String> errors = new TreeSet<>();
        long cpuMs = -1;
        boolean forbidden = false;
        for (String line : Files.readAllLines(summary, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            switch (f[0]) {
                case "state" -> states.computeIfAbsent(f[1], k -> new TreeMap<>()).merge(f[2], Long.parseLong(f[3]), Long::sum);
                case "error" -> errors.add(f[1]);
                case "cpuMs" -> cpuMs = Long.parseLong(f[1]);
                case "forbidden" -> forbidden = Boolean.parseBoolean(f[1]);
                default -> throw new IllegalStateException("unexpected summary line: " + line);
            }
        }
        Map<String, Observed> observed = new TreeMap<>();
        for (Map.Entry<String, Map<String, Long>> e : states.entrySet()) {
            long total = e.getValue().values().stream().mapToLong(Long::longValue).sum();
            observed.put(e.getKey(), new Observed(e.getKey(), total, e.getValue(), errors.contains(e.getKey())));
        }
        return new Result(observed, forbidden || !errors.isEmpty(), wallMs, cpuMs);
    }

    static long cpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }
}
