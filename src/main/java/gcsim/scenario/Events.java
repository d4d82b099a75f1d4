package gcsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Checks that every {@code wait} and every collector {@code pause} can be released. A wait for an
 * event nobody signals blocks its process forever, so every execution would end in a deadlock that
 * says nothing about the garbage collector; almost always it is a misspelt event name. The same
 * holds when the only signals come from the waiting process itself, later than the wait: a process
 * runs its operations (and its builders') one after another, in file order.
 */
final class Events {
    /** A signal, with who sends it and its place in file order. */
    private record Signal(String process, int seq) {}

    /** A wait or pause; {@code node} is its event name, where an error points. */
    private record Wait(String process, String event, Node node, int seq, boolean pause) {}

    private final Map<String, List<Signal>> signals = new LinkedHashMap<>();
    private final List<Wait> waits = new ArrayList<>();
    private int seq;

    /** {@code process} signals {@code event} here; calls come in file order. */
    void signal(String process, String event) {
        signals.computeIfAbsent(event, e -> new ArrayList<>()).add(new Signal(process, seq++));
    }

    /** {@code process} waits for {@code event} here, in a {@code wait} or, when {@code pause}, a collector pause. */
    void await(String process, String event, Node node, boolean pause) {
        waits.add(new Wait(process, event, node, seq++, pause));
    }

    /** Throws at the first wait in file order that nothing can release. */
    void check(YamlReader r) throws ScenarioException {
        for (Wait w : waits) {
            List<Signal> from = signals.get(w.event());
            String what = "process " + w.process() + (w.pause() ? " pauses its collection until event " : " waits for event ")
                    + Text.quote(w.event());
            if (from == null) {
                List<String> known = new ArrayList<>(signals.keySet());
                throw r.error(w.node(), what + ", which nothing signals (signalled events: "
                        + (known.isEmpty() ? "none; add a signal to a process or a builder" : Text.list(known, 12)) + ")");
            }
            boolean releasable = from.stream().anyMatch(s -> !s.process().equals(w.process()) || s.seq() < w.seq());
            if (!releasable) {
                throw r.error(w.node(), what + ", which only " + w.process() + " itself signals, after this point"
                        + " (a process runs its operations in order: signal it from another process, or earlier)");
            }
        }
    }
}
