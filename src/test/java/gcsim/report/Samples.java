package gcsim.report;

import java.util.List;

/** Hand-built compare reports for rendering tests, with text chosen to break careless escaping. */
final class Samples {
    static final String HOSTILE = "<script>alert('x')</script> | a#b; `tick` & \"q\" *star* [l](u)";

    private Samples() {}

    static List<Counterexample.StoryStep> story() {
        return List.of(
                new Counterexample.StoryStep(1, "X", "writeDerivation(hosts.drv): sends the derivation", false, null, 1000000L),
                new Counterexample.StoryStep(2, "worker-1", "temp-roots hosts.drv", false, "X", 2000000L),
                new Counterexample.StoryStep(3, "worker-1", "worker-1 exits; its temp roots no longer protect anything", false, null, 3000000L),
                new Counterexample.StoryStep(4, "worker-2/auto-gc", "deletes hosts.drv " + HOSTILE, false, null, 4000000L),
                new Counterexample.StoryStep(5, "worker-2", "registration fails", false, "worker-2/auto-gc", 5000000L),
                new Counterexample.StoryStep(6, "Y", "error: path '/nix/store/abc-hosts.drv' is not valid", true, "worker-2", 6000000L));
    }

    static CompareReport report() {
        Counterexample ce = new Counterexample(
                new Counterexample.FailureInfo("invalid-path", "registerValidPaths §2.5", "/nix/store/abc-hosts.drv",
                        "path '/nix/store/abc-hosts.drv' is not valid " + HOSTILE, "Y", 110),
                2865243701271745L, null, "g1.bdc", "results/failures/hosts-drv--early-return.schedule",
                "sim/gcsim replay --schedule results/failures/hosts-drv--early-return.schedule",
                new Counterexample.Shrink(new Counterexample.Size(14, 33, 110), new Counterexample.Size(0, 58, 111), 2, true),
                story());
        Cell fail = new Cell("hosts-drv", "early-return", new Verdict.Fail(1, "random"), new Cell.Phase(1, 0, true), null, null,
                new Cell.Coverage(1, 1, 1, 1), ce);
        Cell verified = new Cell("hosts-drv", "drv-only", new Verdict.Verified(1234), new Cell.Phase(300, 0, false),
                new Cell.Phase(300, 2, false), new Cell.Dfs("verified", 1234, 77, 0, 9, true, null, 12),
                new Cell.Coverage(1834, 1800, 1700, 1600), null);
        Cell pass = new Cell("gc", "early-return", new Verdict.Pass(600), new Cell.Phase(300, 0, false),
                new Cell.Phase(300, 0, false), new Cell.Dfs("incomplete", 2000, 5, 1, 40, false, 2, 0),
                new Cell.Coverage(2600, 2600, 0, 2600), null);
        Cell error = new Cell("gc", "drv-only", new Verdict.Error("schedule 3 (seed 9) threw " + HOSTILE),
                new Cell.Phase(0, 0, false), null, null, new Cell.Coverage(0, 0, 0, 0), null);
        CompareReport.Settings settings = new CompareReport.Settings(300, 3, 2000, null, 3, 1, 100_000, 5000);
        CompareReport.Header header = new CompareReport.Header("0.1.0", "0123456789abcdef0123456789abcdef01234567",
                "2026-11-27T08:00:00Z", settings, new CompareReport.Machine(2, "OpenJDK 17"));
        return new CompareReport(header,
                List.of(new CompareReport.ScenarioInfo("gc", "Port of gc.sh " + HOSTILE, "aa"),
                        new CompareReport.ScenarioInfo("hosts-drv", "The seed race of #15158", "bb")),
                List.of(new CompareReport.VariantInfo("early-return", "Baseline " + HOSTILE),
                        new CompareReport.VariantInfo("drv-only", "The merged fix")),
                List.of(pass, error, fail, verified),
                new CompareReport.Timings(4321, List.of(new CompareReport.CellTiming("gc", "early-return", 1000),
                        new CompareReport.CellTiming("gc", "drv-only", 5),
                        new CompareReport.CellTiming("hosts-drv", "early-return", 20),
                        new CompareReport.CellTiming("hosts-drv", "drv-only", 3000))));
    }

    /** A report of {@code scenarios} × {@code variants} cells with long names, every other one failing. */
    static CompareReport large(int scenarios, int variants) {
        CompareReport small = report().withoutProvenance();
        Counterexample ce = small.cells().get(2).counterexample();
        java.util.List<CompareReport.ScenarioInfo> ss = new java.util.ArrayList<>();
        java.util.List<CompareReport.VariantInfo> vs = new java.util.ArrayList<>();
        java.util.List<Cell> cells = new java.util.ArrayList<>();
        for (int v = 0; v < variants; v++) {
            vs.add(new CompareReport.VariantInfo("master-temp-roots-first-" + v, "a variant"));
        }
        for (int i = 0; i < scenarios; i++) {
            String name = "instantiate-add-root-then-realise-" + i;
            ss.add(new CompareReport.ScenarioInfo(name, "a scenario", "cc"));
            for (int v = 0; v < variants; v++) {
                boolean fails = (i + v) % 2 == 0;
                cells.add(new Cell(name, vs.get(v).id(), fails ? new Verdict.Fail(3, "pct") : new Verdict.Verified(99),
                        new Cell.Phase(1, 0, fails), null, null, new Cell.Coverage(1, 1, 1, 1), fails ? ce : null));
            }
        }
        return new CompareReport(small.header(), ss, vs, cells, null);
    }
}
