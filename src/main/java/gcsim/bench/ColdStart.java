package gcsim.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time to the seed failure in a fresh JVM, as a user meets it: {@code gcsim search} on hosts-drv
 * under early-return in a new process per seed, reading the search's own elapsed time from its JSON
 * (the JVM's start and the scenario's loading are outside it) and the process's whole wall time.
 * With a class-data-sharing archive (what {@code sim/gcsim} builds after the jar) and without, so
 * the archive's effect is measured rather than assumed.
 */
final class ColdStart {
    /**
     * Medians over the seeds of one run.
     *
     * @param searchMillis the search's own time to the failure ({@code elapsedMs}, whole milliseconds)
     * @param processMillis the whole process, JVM start to exit
     */
    record Run(double searchMillis, double processMillis) {}

    private static final Pattern ELAPSED = Pattern.compile("\"elapsedMs\":(\\d+)");

    private ColdStart() {}

    /** Seeds 1 to {@code seeds}, one process each; {@code archive} is a CDS archive to use, or null. */
    static Run measure(Path home, int seeds, Path archive) throws IOException, InterruptedException {
        double[] search = new double[seeds];
        double[] process = new double[seeds];
        for (int s = 1; s <= seeds; s++) {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-XX:+UseParallelGC"); // as sim/gcsim starts it
            cmd.add("-XX:+UseCondCardMark");
            cmd.add("-XX:CompileThresholdScaling=2");
            if (archive != null) {
                cmd.add("-XX:SharedArchiveFile=" + archive);
                cmd.add("-Xshare:auto");
                cmd.add("-Xlog:cds=off");
                cmd.add("-Xlog:cds+dynamic=off");
            }
            cmd.add("-Dgcsim.home=" + home);
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("gcsim.cli.Main");
            cmd.addAll(List.of("search", "--scenario", "hosts-drv", "--variant", "early-return", "--threads", "1",
                    "--seed", String.valueOf(s), "--json"));
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int code = p.waitFor();
            process[s - 1] = (System.nanoTime() - start) / 1e6;
            if (code != 1) {
                throw new IllegalStateException("gcsim search in a fresh JVM exited " + code + " (expected 1, a failure): "
                        + out.strip());
            }
            Matcher m = ELAPSED.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("gcsim search --json printed no elapsedMs: " + out.strip());
            }
            search[s - 1] = Long.parseLong(m.group(1));
        }
        return new Run(Spread.median(search), Spread.median(process));
    }

    /** The archive at {@code path} when it exists, else null. */
    static Path existing(Path path) {
        return path != null && Files.isRegularFile(path) ? path : null;
    }
}
