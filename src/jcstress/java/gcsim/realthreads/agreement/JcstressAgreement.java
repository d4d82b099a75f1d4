package gcsim.realthreads.agreement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code mvn -B -Pjcstress verify} runs: the real-thread tests under jcstress, then gcsim's
 * own verdict for each scenario and variant, and the table that sets them side by side
 * ({@code jcstress.md}, {@code jcstress.json}). It first runs hosts-drv under early-return alone,
 * to time the first observation of the seed race from jcstress's start.
 *
 * <p>With the preset {@code seed} ({@code gcsim bench --peers}) it runs only the seed test, with the
 * fast preset's budget, and writes its first observation alone to {@code jcstress-seed.json}.
 *
 * <p>Arguments: the preset ({@code fast}, {@code full} or {@code seed}) and the folder for the files, relative
 * to the project root, which comes from {@code -Dgcsim.home}. jcstress's own files (its HTML report,
 * its raw results) go to the working directory. Exit 1 when jcstress saw a forbidden outcome or a test error, or
 * when the seed race was not observed under early-return; the report is written first either way.
 */
public final class JcstressAgreement {
    static final String TESTS = "gcsim.realthreads.tests.";
    static final String SEED_TEST = TESTS + "HostsDrvTest.EarlyReturn";

    private JcstressAgreement() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("fast") || args[0].equals("full") || args[0].equals("seed"))) {
            System.err.println("usage: JcstressAgreement fast|full|seed OUTPUT-DIR");
            System.exit(2);
        }
        String preset = args[0];
        Path home = Path.of(System.getProperty("gcsim.home", "")).toAbsolutePath();
        Path out = home.resolve(args[1]);
        Path work = Path.of("").toAbsolutePath();
        Files.createDirectories(out);
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

        Path firstSeenFile = work.resolve("first-seen.txt");
        Files.deleteIfExists(firstSeenFile);
        long start = System.currentTimeMillis();
        JcstressRun.Result seedRun = JcstressRun.run(preset(preset.equals("seed") ? "fast" : preset, start,
                firstSeenFile, "HostsDrvTest.EarlyReturn$"), work.resolve("seed-run"), start);
        if (preset.equals("seed")) {
            Report.FirstSeen first = Report.FirstSeen.read(firstSeenFile, seedRun, SEED_TEST);
            Files.writeString(out.resolve("jcstress-seed.json"), "{\"wallMs\": " + first.wallMs() + ", \"forkUptimeMs\": "
                    + first.forkUptimeMs() + ", \"forkCpuMs\": " + first.forkCpuMs() + ", \"driverCpuMs\": "
                    + first.driverCpuMs() + ", \"trials\": " + first.trials() + "}\n", StandardCharsets.UTF_8);
            System.exit(first.wallMs() < 0 ? 1 : 0);
        }
        start = System.currentTimeMillis();
        JcstressRun.Result all = JcstressRun.run(preset(preset, start, null, tests(preset)), work.resolve("run"), start);

        long schedules = preset.equals("fast") ? 500 : 20_000;
        List<Report.Row> rows = new ArrayList<>();
        for (JcstressRun.Observed o : all.observed().values()) {
            String[] cell = cell(o.test());
            System.out.println("gcsim: " + cell[0] + " × " + cell[1]);
            rows.add(new Report.Row(cell[0], cell[1], o, GcsimVerdict.of(home, cell[0], cell[1], schedules)));
        }
        Report.FirstSeen first = Report.FirstSeen.read(firstSeenFile, seedRun, SEED_TEST);
        Report report = new Report(preset, date, String.join(" ", preset(preset, 0, null, tests(preset))),
                schedules, rows, first, all.wallMs(), all.forbidden());
        Files.writeString(out.resolve("jcstress.md"), report.markdown(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("jcstress.json"), report.json(), StandardCharsets.UTF_8);
        System.out.println("agreement table: " + out.resolve("jcstress.md"));
        for (Report.Row r : rows) {
            System.out.println("  " + r.scenario() + " × " + r.variant() + ": " + r.agreement());
        }

        boolean seedSeen = rows.stream().anyMatch(r -> r.observed().test().equals(SEED_TEST) && r.notValid() > 0);
        if (all.forbidden() || seedRun.forbidden()) {
            System.err.println("jcstress: a forbidden outcome or a test error (see above)");
            System.exit(1);
        }
        if (!seedSeen) {
            System.err.println("jcstress: the seed race was not observed under early-return");
            System.exit(1);
        }
        System.exit(0); // jcstress leaves non-daemon threads behind
    }

    /**
     * The tests a preset runs: fast leaves out the collector-side test, whose window shows in about
     * one trial in 20,000 and so needs the full preset's trials, and keeps within CI's time.
     */
    static String tests(String preset) {
        return preset.equals("fast") ? "gcsim\\.realthreads\\.tests\\.(HostsDrvTest|FetchCacheHitTest)\\."
                : "gcsim\\.realthreads\\.tests\\.";
    }

    /** The jcstress command line of a preset. */
    static List<String> preset(String preset, long startEpochMs, Path firstSeen, String tests) {
        String props = "-Dgcsim.jcstress.start=" + startEpochMs
                + (firstSeen == null ? "" : " -Dgcsim.jcstress.firstSeen=" + firstSeen);
        List<String> args = new ArrayList<>(List.of("-m", "quick"));
        // one fork per JVM configuration, no stress forks, no split compilation, serial GC: on 2 cores
        // each test then costs a few seconds, most of it starting its VMs
        args.addAll(List.of("-sc", "false", "-f", "1", "-fsm", "0", "-jvmArgs", "-XX:+UseSerialGC " + props));
        args.addAll(preset.equals("fast") ? List.of("-iters", "1", "-time", "50") : List.of("-iters", "3", "-time", "500"));
        args.addAll(List.of("-r", "results", "-t", tests));
        return args;
    }

    /** The scenario and variant a test name stands for: {@code …HostsDrvTest.EarlyReturn} → hosts-drv, early-return. */
    static String[] cell(String test) {
        String rest = test.substring(TESTS.length());
        int dot = rest.indexOf('.');
        String scenario = kebab(rest.substring(0, dot).replaceFirst("Test$", ""));
        return new String[] {scenario, kebab(rest.substring(dot + 1))};
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
