package gcsim.report;

import gcsim.check.Failure;
import gcsim.check.RunResult;
import gcsim.kernel.TraceEvent;
import gcsim.search.CellCheck;
import gcsim.search.ExhaustiveResult;
import gcsim.search.SearchResult;
import gcsim.search.Shrinker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Turns a cell's search outcome (and, for a failure, its shrunk and traced counterexample) into the
 * report's {@link Cell}, including who talks to whom in the story, for the diagrams.
 */
public final class Cells {
    private static final String CONNECTS = "connects to the daemon";
    private static final String FORKS = "accepts a connection and forks ";

    private Cells() {}

    /**
     * The shrunk counterexample of a failing cell.
     *
     * @param shrink what the shrinker did
     * @param traced the shrunk schedule replayed with the trace on
     * @param scheduleFile the schedule file's path as the replay command names it
     * @param replay the replay command
     */
    public record Evidence(Shrinker.Result shrink, RunResult traced, String scheduleFile, String replay) {}

    /** A cell from a finished check; {@code evidence} is required exactly when it found a failure. */
    public static Cell of(String scenario, String variant, CellCheck.Outcome o, Evidence evidence) {
        Cell.Phase random = phase(o.random());
        Cell.Phase pct = o.pct() == null ? null : phase(o.pct());
        Cell.Dfs dfs = null;
        ExhaustiveResult x = o.exhaustive();
        if (x != null) {
            var st = x.stateful();
            dfs = new Cell.Dfs(x.verdict().name().toLowerCase(Locale.ROOT), x.executions(), x.pruned(), x.cut(),
                    x.terminalStates(), x.complete(), x.preemptionBound(), x.blocked(), st == null ? null
                    : new Cell.Stateful(st.verdict().name().toLowerCase(Locale.ROOT), st.transitions(),
                    st.distinctStates(), st.maxDepth(), st.maxStates()));
        }
        SearchResult.Coverage cov = o.random().coverage();
        long executions = o.random().schedules();
        if (o.pct() != null) {
            cov = cov.plus(o.pct().coverage());
            executions += o.pct().schedules();
        }
        if (x != null) {
            cov = cov.plus(o.exhaustiveCoverage());
            executions += x.executions();
        }
        Cell.Coverage coverage = new Cell.Coverage(executions, cov.gcRan(), cov.gcDuringClientOps(), cov.deletedSomething());
        Verdict verdict;
        Counterexample ce = null;
        if (o.found() != null) {
            if (evidence == null) {
                throw new IllegalArgumentException("a failing cell needs its counterexample");
            }
            verdict = new Verdict.Fail(o.found().schedule(), o.found().strategy());
            ce = counterexample(o.found(), evidence);
        } else if (x != null && x.verdict() == ExhaustiveResult.Verdict.VERIFIED) {
            verdict = new Verdict.Verified(x.executions());
        } else {
            // every execution counts: the seeded ones and those of an exhaustive search that did not finish
            verdict = new Verdict.Pass(o.random().schedules() + (o.pct() == null ? 0 : o.pct().schedules())
                    + (x == null ? 0 : x.executions()));
        }
        return new Cell(scenario, variant, verdict, random, pct, dfs, coverage, ce);
    }

    /**
     * The cell {@code own}, whose search found no failure, failing with the counterexample of
     * variant {@code from} carried over: its search figures stay, so the report shows both that the
     * search missed the window and that the window is there.
     */
    public static Cell carried(Cell own, String from, Evidence evidence) {
        CellCheck.Found found = new CellCheck.Found(Verdict.Fail.CARRIED, 1, null, null, evidence.traced());
        return new Cell(own.scenario(), own.variant(), Verdict.Fail.carried(from), own.random(), own.pct(), own.dfs(),
                own.coverage(), counterexample(found, evidence));
    }

    /** A cell on which gcsim itself failed. */
    public static Cell error(String scenario, String variant, String message) {
        return new Cell(scenario, variant, new Verdict.Error(message), new Cell.Phase(0, 0, false), null, null,
                new Cell.Coverage(0, 0, 0, 0), null);
    }

    private static Cell.Phase phase(CellCheck.Phase p) {
        return new Cell.Phase(p.schedules(), p.cut(), p.failed());
    }

    private static Counterexample counterexample(CellCheck.Found found, Evidence e) {
        Failure f = e.traced().failure();
        Counterexample.FailureInfo info = new Counterexample.FailureInfo(f.kind(), f.check(), f.path(), f.message(),
                f.actor(), f.step());
        Shrinker.Figures fig = e.shrink().figures();
        Counterexample.Shrink shrink = new Counterexample.Shrink(size(fig.before()), size(fig.after()), fig.candidates(),
                fig.oneMinimal());
        return new Counterexample(info, found.seed(), found.decisionEstimate(), e.shrink().schedule().encode(),
                e.scheduleFile(), e.replay(), shrink, story(e.traced()),
                StateView.rows(e.traced(), Story.lines(e.traced()), Story.steps(e.traced())));
    }

    private static Counterexample.Size size(Shrinker.Size s) {
        return new Counterexample.Size(s.preemptions(), s.choices(), s.steps());
    }

    /** The story of a traced run as steps, with the arrows inferred from its trace. */
    public static List<Counterexample.StoryStep> story(RunResult traced) {
        List<String> lines = Story.lines(traced);
        List<Long> times = Story.times(traced);
        TreeMap<String, String> clientOf = clients(traced.trace());
        List<String> actors = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String line : lines) {
            int dot = line.indexOf(". ");
            int colon = line.indexOf(": ", dot + 2);
            actors.add(line.substring(dot + 2, colon));
            texts.add(line.substring(colon + 2));
        }
        List<String> collectors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String t = texts.get(i);
            if ((t.startsWith("collector ") || t.startsWith("deletes ")) && !collectors.contains(actors.get(i))) {
                collectors.add(actors.get(i));
            }
        }
        List<Counterexample.StoryStep> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String from = null;
            if (i > 0) {
                String a = actors.get(i - 1);
                String b = actors.get(i);
                boolean related = !a.equals(b) && (processOf(a).equals(processOf(b))
                        || serves(clientOf, a, b) || serves(clientOf, b, a)
                        || (texts.get(i - 1).startsWith("temp-roots ") && collectors.contains(b)));
                from = related ? a : null;
            }
            out.add(new Counterexample.StoryStep(i + 1, actors.get(i), texts.get(i), i == lines.size() - 1 && traced.failed(), from,
                    times.get(i)));
        }
        return out;
    }

    /**
     * Which client each daemon worker serves, from the trace: connections are accepted in the order
     * they were made, and each accept forks the worker named in its trace line.
     */
    static TreeMap<String, String> clients(List<TraceEvent> trace) {
        TreeMap<String, String> clientOf = new TreeMap<>();
        ArrayDeque<String> connecting = new ArrayDeque<>();
        for (TraceEvent e : trace) {
            if (e.text().startsWith(CONNECTS)) {
                connecting.add(e.actor());
            } else if (e.text().startsWith(FORKS) && !connecting.isEmpty()) {
                String rest = e.text().substring(FORKS.length());
                int space = rest.indexOf(' ');
                clientOf.put(space < 0 ? rest : rest.substring(0, space), connecting.poll());
            }
        }
        return clientOf;
    }

    /** True when {@code worker}'s process is the daemon worker serving {@code client}'s process. */
    private static boolean serves(TreeMap<String, String> clientOf, String worker, String client) {
        String c = clientOf.get(processOf(worker));
        return c != null && processOf(c).equals(processOf(client));
    }

    /** {@code worker-2} for {@code worker-2/auto-gc}: the process part of an actor name. */
    static String processOf(String actor) {
        int slash = actor.indexOf('/');
        return slash < 0 ? actor : actor.substring(0, slash);
    }
}
