package gcsim.search.dfs;

import gcsim.kernel.ExecutionListener;
import gcsim.kernel.Kernel;
import gcsim.kernel.Outcome;
import gcsim.kernel.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The strategy that drives every execution of a {@link Dfs} search, and the search's stack.
 *
 * <p>Each execution replays the current path (the chosen option at each scheduling point, the
 * chosen value at each data choice) and then goes on with a default policy: keep the actor that ran
 * the previous step when it can run and is not asleep, else the first option in the kernel's order
 * that is not asleep (and within the preemption bound). Every new scheduling point gets a node with
 * its enabled set and sleep set. After the execution the race analysis adds, at earlier nodes, the
 * options DPOR needs (source-set DPOR: one initial of each reversed race), and {@link #advance}
 * moves to the deepest unexplored alternative: a further value of a data choice first, else another
 * option of a scheduling point.
 *
 * <p>An execution can also go on from a copy of the world taken at an earlier step of the same path
 * ({@link Checkpoints}): the explorer then starts from its own state at that step ({@link Resume})
 * rather than from scratch, and the steps before it are neither run nor logged again.
 */
final class Explorer implements Strategy, ExecutionListener {
    private final Integer bound;
    private final boolean reduction;
    private final List<Node> nodes = new ArrayList<>(256);
    private final List<ValuePoint> values = new ArrayList<>(16);
    final RaceAnalysis analysis = new RaceAnalysis();
    /** Turns the races and disablings the analysis finds into alternatives on the path. */
    private final Backtracks backtracks;
    private final StepLog log = new StepLog();
    /** The kernel's processes that had ended when last looked at. */
    private final BitSet exited = new BitSet();

    private Kernel kernel;
    private int stepsSeen;
    /** Steps at which the resource counter was read in this execution. */
    private int probed;
    /** The resource counter read at the current step. */
    private int freshFrom;
    private int valueCursor;
    /** The node at which the current execution was abandoned, or null. */
    private Node abandonedAt;
    /** The first step whose execution may differ from the previous execution's. */
    private int divergence;
    /** Where the next run starts: null for the start, else a copy's step (see {@link Checkpoints}). */
    private Resume resume;
    /** The copies along the path, or null when every execution replays its prefix. */
    Checkpoints checkpoints;
    /** Told of each execution the race analysis saw, for tests that analyse it again another way; or null. */
    AnalysisAudit audit;

    long pruned;
    long boundSkipped;

    /** The visited states of the stateful DPOR search, or null for the stateless one. */
    final StateCache cache;

    Explorer(Integer bound, boolean reduction, StateCache cache) {
        this.bound = bound;
        this.reduction = reduction;
        this.cache = cache;
        this.backtracks = new Backtracks(nodes, log, bound);
    }

    /** The state to resume at, once the log caught up with the paused step. */
    Resume pausedAt() {
        return new Resume(stepsSeen, (BitSet) exited.clone(), valueCursor);
    }

    /** The next run goes on from a world copied at {@code r} (null: from a fresh world). */
    void resumeAt(Resume r) {
        resume = r;
    }

    int divergence() {
        return divergence;
    }

    @Override
    public void started(Kernel k) {
        kernel = k;
        int from = resume == null ? 0 : resume.step();
        log.truncate(from);
        exited.clear();
        if (resume != null) {
            exited.or(resume.exited());
        }
        stepsSeen = from;
        probed = from;
        valueCursor = resume == null ? 0 : resume.valueCursor();
        abandonedAt = null;
        resume = null;
    }

    @Override
    public void beginExecution() {}

    @Override
    public int nextActor(int[] options, int count, int current) {
        if (checkpoints != null && checkpoints.wanted(stepsSeen)) {
            log.catchUp(kernel, stepsSeen, exited);
            throw Checkpoints.PAUSE;
        }
        return Node.option(nodeAt(stepsSeen, options, count).chosen);
    }

    @Override
    public void beforeStep(int step, int[] options, int count, int picked) {
        if (step != stepsSeen) {
            throw new IllegalStateException("kernel reported step " + step + ", expected " + stepsSeen);
        }
        Node node = nodeAt(step, options, count);
        if (Node.slot(picked) != node.chosen) {
            throw new IllegalStateException("step " + step + " runs option " + picked + ", the search chose "
                    + Node.option(node.chosen));
        }
        stepsSeen = step + 1;
    }

    @Override
    public int nextValue(int bound) {
        int step = stepsSeen - 1;
        if (valueCursor < values.size()) {
            ValuePoint vp = values.get(valueCursor++);
            if (vp.step != step || vp.bound != bound) {
                throw nondeterministic("a data choice below " + bound + " at step " + step
                        + " was below " + vp.bound + " at step " + vp.step);
            }
            return vp.value;
        }
        values.add(new ValuePoint(step, bound));
        valueCursor++;
        return 0;
    }

    private Node nodeAt(int step, int[] options, int count) {
        log.catchUp(kernel, step, exited);
        if (step == probed) {
            // The kernel numbers resources in creation order and offers no read of its counter, so
            // take a number: every execution takes one at every step, so numbering stays the same
            // along a shared prefix, and the number marks where fresh resources begin.
            freshFrom = cache != null ? StateCache.counter(kernel) : kernel.newResource();
            probed++;
        }
        if (step < nodes.size()) {
            Node node = nodes.get(step);
            if (node.options.length != count || !Arrays.equals(node.options, 0, count, options, 0, count)) {
                throw nondeterministic("step " + step + " offers " + Arrays.toString(Arrays.copyOf(options, count))
                        + ", before it offered " + Arrays.toString(node.options));
            }
            return node;
        }
        if (step != nodes.size() || valueCursor != values.size()) {
            throw nondeterministic("step " + step + " was reached before the path's earlier choices were used");
        }
        Node node = newNode(step, Arrays.copyOf(options, count));
        int pick = defaultPick(node);
        if (pick < 0 || (cache != null && cache.prune(node))) { // forced points too: data choices branch before them
            abandonedAt = node;
            throw new Abandon();
        }
        node.backtrack.set(pick);
        node.done.set(pick);
        node.chosen = pick;
        if (!reduction) {
            for (int o : node.options) {
                backtracks.request(node, Node.slot(o));
            }
        }
        nodes.add(node);
        return node;
    }

    private Node newNode(int step, int[] options) {
        if (step == 0) {
            return new Node(0, options, -1, 0, List.of(), valueCursor, freshFrom);
        }
        Node parent = nodes.get(step - 1);
        int takenBy = log.slot[step - 1];
        List<Sleeper> sleep = reduction ? Sleeper.inherited(parent, options, takenBy, log.accesses[step - 1]) : List.of();
        return new Node(step, options, takenBy == 0 ? -1 : takenBy, parent.preemptionsWith(parent.chosen), sleep,
                valueCursor, freshFrom);
    }

    private int defaultPick(Node node) {
        int first = -1;
        for (int o : node.options) {
            int s = Node.slot(o);
            if (node.sleeping.get(s) || !node.withinBound(s, bound)) {
                continue;
            }
            if (s == node.previous) {
                return s;
            }
            if (first < 0) {
                first = s;
            }
        }
        return first;
    }

    /**
     * Analyses the execution just run: merges footprints into the path's nodes, finds races and
     * disablings, and records what they ask for.
     *
     * @param end how the execution ended, or null when it was abandoned
     */
    void finished(Outcome.End end) {
        int n = kernel.footprints().steps();
        log.catchUp(kernel, n, exited);
        if (n != nodes.size() || valueCursor != values.size()) {
            throw nondeterministic("the execution ended after " + n + " steps and " + valueCursor
                    + " data choices, but the path has " + nodes.size() + " and " + values.size());
        }
        if (end == null) {
            log.after = abandonedAt.enabled;
            for (int s = log.after.nextSetBit(0); s >= 0; s = log.after.nextSetBit(s + 1)) {
                if (abandonedAt.withinBound(s, bound)) {
                    pruned++;
                } else {
                    boundSkipped++;
                }
            }
        } else {
            // Nothing runs after the last step; a cut ends an execution as an oracle's stop does: had
            // anyone else run first, what it did would have fitted within the bound.
            log.after = new BitSet();
            log.stopped = end == Outcome.End.STOPPED;
            if (cache != null && n > 0) {
                StateCache.ended(nodes.get(n - 1), log.stopped, end == Outcome.End.CUT);
            }
        }
        for (int s = divergence; s < n; s++) {
            nodes.get(s).merge(log.accesses[s], s + 1 < n ? nodes.get(s + 1).enabled : log.after, log.killed[s]);
        }
        if (reduction) {
            analysis.analyse(log, nodes, divergence, backtracks);
            if (audit != null) {
                audit.analysed(log, nodes, divergence);
            }
        }
        if (cache != null) {
            cache.analysed(log, nodes, analysis, backtracks);
        }
    }

    /**
     * Moves to the next execution: the deepest scheduling point or data choice with an alternative
     * left. Returns false when the space is exhausted.
     */
    boolean advance() {
        for (int s = nodes.size() - 1; s >= 0; s--) {
            Node node = nodes.get(s);
            for (int v = values.size() - 1; v >= node.valueStart; v--) {
                ValuePoint vp = values.get(v);
                if (vp.value + 1 < vp.bound) {
                    vp.value++;
                    divergence = s;
                    return true;
                }
                values.remove(v);
            }
            int next = node.nextAlternative(bound);
            if (next >= 0) {
                node.explored.add(new Sleeper(node.chosen, node.chosenFootprint, node.chosenDisables, node.freshFrom));
                node.done.set(next);
                node.chosen = next;
                node.chosenFootprint = Accesses.NONE;
                node.chosenDisables = new BitSet();
                divergence = s;
                return true;
            }
            for (int o : node.options) {
                int slot = Node.slot(o);
                if (!node.done.get(slot)) {
                    if (node.overBound.get(slot)) {
                        boundSkipped++;
                    } else {
                        pruned++;
                    }
                }
            }
            if (cache != null) {
                cache.finished(node, s > 0 ? nodes.get(s - 1) : null);
            }
            nodes.remove(s);
        }
        return false;
    }

    private static IllegalStateException nondeterministic(String what) {
        return new IllegalStateException("the executor is not deterministic: " + what);
    }
}
