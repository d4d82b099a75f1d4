package gcsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Checks every {@code interrupt} once the whole process list is read: it must name another
 * declared process, and one that talks to the daemon. Why only those: what the model knows of an
 * interrupt is a daemon client hanging up, which the worker notices through {@code MonitorFdHup};
 * a process that opens the store itself would take the signal in its own threads, which the model
 * does not run (docs/model.md §2.3, "Interrupts").
 */
final class InterruptTargets {
    /** An {@code interrupt} op: who sends it, whom it names, and the node an error points at. */
    private record Interrupt(String from, String target, Node node) {}

    private final List<Interrupt> interrupts = new ArrayList<>();

    /** Reads {@code interrupt: PROCESS} of process {@code from}; the name is checked by {@link #check}. */
    Op.Interrupt read(YamlReader r, String from, Node arg, Pos pos) throws ScenarioException {
        String target = r.name(arg, "interrupt", ProcessSection.PROCESS_NAME, "a process name: letters, digits, _ and -");
        interrupts.add(new Interrupt(from, target, arg));
        return new Op.Interrupt(target, pos);
    }

    /** Throws at the first interrupt, in file order, that names no process it may interrupt. */
    void check(YamlReader r, Map<String, Boolean> viaDaemon) throws ScenarioException {
        for (Interrupt i : interrupts) {
            Boolean daemon = viaDaemon.get(i.target());
            if (daemon == null) {
                throw r.error(i.node(), "unknown process " + Text.quote(i.target()) + " in interrupt (processes: "
                        + Text.list(new ArrayList<>(viaDaemon.keySet()), 12) + ")");
            }
            if (i.target().equals(i.from())) {
                throw r.error(i.node(), "process " + Text.quote(i.from()) + " cannot interrupt itself (name another process)");
            }
            if (!daemon) {
                throw r.error(i.node(), "process " + Text.quote(i.target()) + " opens the store itself (via-daemon: false);"
                        + " only a daemon client can be interrupted (its worker sees the hang-up)");
            }
        }
    }
}
