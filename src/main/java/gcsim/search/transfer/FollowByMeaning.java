package gcsim.search.transfer;

import gcsim.kernel.Actor;
import gcsim.kernel.ExecutionListener;
import gcsim.kernel.IntList;
import gcsim.kernel.Kernel;
import gcsim.kernel.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A strategy that follows a {@link Recording} made under another variant: at each choice it runs the
 * actor of the first recorded step not yet matched, by name, and matches steps by their point (frame,
 * program counter, path), never by choice index.
 *
 * <p>Why by meaning: a fix adds or removes steps (a temp root taken, a check skipped), so the raw
 * choices of a counterexample stop fitting a few steps after the change. Here each actor's own steps
 * are aligned with its recorded ones: a step at the point the recording expects next is matched; a
 * step at a point the recording has later for that actor means the ones in between no longer exist
 * (removed); a step at a point the recording does not have for it is new, and the actor is let
 * continue until it reaches the corresponding point (added). The order between actors is the
 * recording's. When the next recorded actor cannot run, the next recorded step whose actor can is
 * taken (a divergence, recorded). Past the recording's end, the last actor keeps running while it
 * can, else the lowest runnable one: no preemption that the recording did not have.
 */
public final class FollowByMeaning implements Strategy, ExecutionListener {
    /** Added steps in a row, by one actor, after which its expected step counts as gone. */
    private static final int MAX_ADDED_IN_A_ROW = 400;
    private static final int RETRY = Integer.MIN_VALUE;

    private final List<Recording.Point> recorded;
    private final Map<String, IntList> values;
    private final TreeMap<String, IntList> byActor = new TreeMap<>();
    private final TreeMap<String, Integer> valueCursor = new TreeMap<>();
    private boolean[] consumed;
    /** For each recorded step: the 1-based step of this run that matched it, or 0. */
    private int[] matchedAt;
    /** For each step of this run: the recorded step (0-based) it matched, or -1 when it is new. */
    private final IntList matchOf = new IntList(256);
    private final List<Divergence> divergences = new ArrayList<>();
    private Kernel kernel;
    private int head;
    private int addedInARow;

    public FollowByMeaning(Recording recording) {
        this.recorded = recording.steps();
        this.values = recording.values();
        for (int i = 0; i < recorded.size(); i++) {
            byActor.computeIfAbsent(recorded.get(i).actor(), n -> new IntList(32)).add(i);
        }
    }

    /** What {@code picked} means at this point of {@code kernel}'s run. */
    static Recording.Point pointOf(Kernel kernel, int picked) {
        if (picked == Kernel.ADVANCE_CLOCK) {
            return new Recording.Point(Recording.CLOCK, "advance");
        }
        Actor a = kernel.actors().get(picked);
        return new Recording.Point(a.name(), a.point());
    }

    @Override
    public void started(Kernel k) {
        kernel = k;
    }

    @Override
    public void beginExecution() {
        consumed = new boolean[recorded.size()];
        matchedAt = new int[recorded.size()];
        matchOf.clear();
        divergences.clear();
        valueCursor.clear();
        head = 0;
        addedInARow = 0;
    }

    @Override
    public int nextActor(int[] options, int count, int current) {
        for (int attempt = 0; attempt <= recorded.size(); attempt++) {
            int pick = plan(options, count, current);
            if (pick != RETRY) {
                return pick;
            }
        }
        return fallback(options, count, current);
    }

    private int plan(int[] options, int count, int current) {
        while (head < consumed.length && consumed[head]) {
            head++;
        }
        for (int i = head; i < consumed.length; i++) {
            if (consumed[i]) {
                continue;
            }
            Recording.Point want = recorded.get(i);
            if (want.actor().equals(Recording.CLOCK)) {
                if (contains(options, count, Kernel.ADVANCE_CLOCK)) {
                    return Kernel.ADVANCE_CLOCK;
                }
                continue;
            }
            int id = enabled(want.actor(), options, count);
            if (id < 0) {
                continue;
            }
            String at = kernel.actors().get(id).point();
            if (at.equals(want.at())) {
                return id;
            }
            int later = later(want.actor(), i, at);
            if (later >= 0) {
                removeBetween(want.actor(), i, later);
                return RETRY;
            }
            if (addedInARow < MAX_ADDED_IN_A_ROW) {
                return id;
            }
            removeBetween(want.actor(), i, i + 1);
            addedInARow = 0;
            return RETRY;
        }
        return fallback(options, count, current);
    }

    private static int fallback(int[] options, int count, int current) {
        if (current >= 0 && contains(options, count, current)) {
            return current;
        }
        return options[0];
    }

    @Override
    public void beforeStep(int step, int[] options, int count, int picked) {
        Recording.Point p = pointOf(kernel, picked);
        IntList mine = byActor.get(p.actor());
        int first = -1;
        if (mine != null) {
            for (int j = 0; j < mine.size(); j++) {
                if (!consumed[mine.get(j)]) {
                    first = mine.get(j);
                    break;
                }
            }
        }
        int match = -1;
        if (first >= 0 && recorded.get(first).at().equals(p.at())) {
            match = first;
        } else if (first >= 0) {
            match = later(p.actor(), first, p.at());
            if (match >= 0) {
                removeBetween(p.actor(), first, match);
            }
        }
        if (match >= 0) {
            consumed[match] = true;
            matchedAt[match] = step + 1;
            addedInARow = 0;
            int skipped = firstSkippedBefore(match);
            if (skipped >= 0 && !p.actor().equals(Recording.CLOCK)) {
                divergences.add(new Divergence(Divergence.Kind.REORDERED, step + 1, p.actor(), p.at(), match + 1,
                        recorded.get(skipped).actor()));
            }
        } else {
            addedInARow++;
            divergences.add(new Divergence(Divergence.Kind.ADDED, step + 1, p.actor(), p.at(), 0, null));
        }
        matchOf.add(match);
    }

    /** A recorded step before {@code match} whose actor has not run it yet, other than the clock's, or -1. */
    private int firstSkippedBefore(int match) {
        for (int i = head; i < match; i++) {
            if (!consumed[i] && !recorded.get(i).actor().equals(Recording.CLOCK)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int nextValue(int bound) {
        String actor = kernel.current() == null ? "-" : kernel.current().name();
        IntList mine = values.get(actor);
        int at = valueCursor.getOrDefault(actor, 0);
        valueCursor.put(actor, at + 1);
        if (mine != null && at < mine.size() && mine.get(at) < bound) {
            return mine.get(at);
        }
        divergences.add(new Divergence(Divergence.Kind.VALUE, kernel.steps(), actor, "", 0, null));
        return 0;
    }

    /** The first recorded step of {@code actor} after {@code from} at {@code at} and not yet matched, or -1. */
    private int later(String actor, int from, String at) {
        IntList mine = byActor.get(actor);
        if (mine == null) {
            return -1;
        }
        for (int j = 0; j < mine.size(); j++) {
            int i = mine.get(j);
            if (i > from && !consumed[i] && recorded.get(i).at().equals(at)) {
                return i;
            }
        }
        return -1;
    }

    /** Marks {@code actor}'s unmatched recorded steps in {@code [from, to)} as gone in this variant. */
    private void removeBetween(String actor, int from, int to) {
        IntList mine = byActor.get(actor);
        for (int j = 0; j < mine.size(); j++) {
            int i = mine.get(j);
            if (i >= from && i < to && !consumed[i]) {
                consumed[i] = true;
                divergences.add(new Divergence(Divergence.Kind.REMOVED, kernel.steps() + 1, actor,
                        recorded.get(i).at(), i + 1, null));
            }
        }
    }

    private int enabled(String actor, int[] options, int count) {
        for (int i = 0; i < count; i++) {
            if (options[i] != Kernel.ADVANCE_CLOCK && kernel.actors().get(options[i]).name().equals(actor)) {
                return options[i];
            }
        }
        return -1;
    }

    private static boolean contains(int[] options, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (options[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** For each recorded step (0-based), the 1-based step of this run that matched it, or 0. */
    int[] matchedAt() {
        return matchedAt.clone();
    }

    /** For each step of this run (0-based), the recorded step it matched (0-based), or -1 for a new step. */
    IntList matchOf() {
        return matchOf;
    }

    /** Where this run left the recording, in order. */
    List<Divergence> divergences() {
        return List.copyOf(divergences);
    }
}
