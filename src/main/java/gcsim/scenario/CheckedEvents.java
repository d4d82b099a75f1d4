package gcsim.scenario;

import java.util.List;
import java.util.NoSuchElementException;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * The events {@link YamlGuard} has already checked, handed to the composer as its parser. Why: the
 * composer used to scan and parse the text a second time, and in a fresh JVM (where the YAML parser
 * runs interpreted) that second pass was a tenth of a search's whole process. The composer sees the
 * very events the guard saw, in the same order, so it builds the same nodes and reports the same
 * errors; like snakeyaml's own parser, asking past the last event throws.
 */
final class CheckedEvents implements Parser {
    private final List<Event> events;
    private int next;

    CheckedEvents(List<Event> events) {
        this.events = events;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return peekEvent().getEventId() == id;
    }

    @Override
    public Event peekEvent() {
        if (next >= events.size()) {
            throw new NoSuchElementException("No more Events found.");
        }
        return events.get(next);
    }

    @Override
    public Event next() {
        Event e = peekEvent();
        next++;
        return e;
    }

    @Override
    public boolean hasNext() {
        return next < events.size();
    }
}
