package gcsim.realthreads.agreement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;

/**
 * One jcstress run in a JVM of its own (jcstress keeps the JVM configurations it detected in
 * static state, so a second run in the same JVM would reuse the first one's arguments). It runs
 * jcstress in its working directory, then reads the raw result file jcstress wrote there with
 * jcstress's own reader, and writes a summary the driver parses: one line per test, state and
 * count, then this JVM's CPU time and whether jcstress failed the run.
 *
 * <p>Arguments: the summary file, then jcstress's arguments.
 */
public final class JcstressMain {
    private JcstressMain() {}

    public static void main(String[] args) throws Exception {
        Path summary = Path.of(args[0]);
        Options opts = new Options(Arrays.copyOfRange(args, 1, args.length));
        if (!opts.parse()) {
            System.exit(2);
        }
        boolean forbidden = false;
        try {
            new JCStress(opts).run();
        } catch (AssertionError e) {
            forbidden = true; // jcstress's "TEST FAILURES": a forbidden outcome or a test error
        }
        List<Path> files = resultFiles(Path.of("").toAbsolutePath());
        if (files.size() != 1) {
            throw new IllegalStateException("expected one jcstress result file, found " + files);
        }
        InProcessCollector collector = new InProcessCollector();
        DiskReadCollector reader = new DiskReadCollector(files.get(0).toString(), collector);
        try {
            reader.dump();
        } finally {
            reader.close();
        }
        List<String> lines = new ArrayList<>();
        for (TestResult r : collector.getTestResults()) {
            boolean error = r.status() != Status.NORMAL;
            for (String state : r.getStateKeys()) {
                lines.add("state\t" + r.getName() + "\t" + state + "\t" + r.getCount(state));
            }
            if (error) {
                lines.add("error\t" + r.getName());
            }
        }
        lines.add("cpuMs\t" + JcstressRun.cpuMs());
        lines.add("forbidden\t" + forbidden);
        Files.write(summary, lines, StandardCharsets.UTF_8);
        System.exit(0); // jcstress leaves non-daemon threads behind
    }

    private static List<Path> resultFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("jcstress-results-") && n.endsWith(".bin.gz");
            }).sorted().toList();
        }
    }
}
