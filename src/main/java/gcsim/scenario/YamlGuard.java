package gcsim.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Checks a YAML event stream before it is composed into nodes. The composer recurses once per
 * nesting level and shares aliased nodes, so without these limits ten thousand {@code [} overflow
 * the stack and a billion-laughs document expands without bound when walked. Working on events
 * needs no recursion, so each problem is reported with its position instead.
 */
final class YamlGuard {
    /** Deepest nesting of mappings and lists accepted. */
    static final int MAX_DEPTH = 64;
    /** Longest scalar, in characters: room for a long description, never a megabyte of name. */
    static final int MAX_SCALAR = 16_384;
    /** Most aliases to mappings or lists accepted in one document. */
    static final int MAX_COLLECTION_ALIASES = 50;

    private static final Set<String> STANDARD_TAGS = Set.of("!",
            "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
            "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
            "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map");

    /** An open mapping or list; for a mapping, whether the next node is a key. */
    private static final class Frame {
        final boolean mapping;
        final String anchor;
        boolean expectingKey = true;

        Frame(boolean mapping, String anchor) {
            this.mapping = mapping;
            this.anchor = anchor;
        }
    }

    private final String file;
    private final Deque<Frame> open = new ArrayDeque<>();
    /** Anchor name to whether it names a collection; used for lookups only. */
    private final Map<String, Boolean> anchors = new LinkedHashMap<>();
    private final Set<String> openAnchors = new LinkedHashSet<>();
    private int collectionAliases;

    private YamlGuard(String file) {
        this.file = file;
    }

    /**
     * Throws at the first event that breaks a limit; parser errors propagate unchanged. Returns the
     * events, all checked, so that the composer need not parse the text again ({@link CheckedEvents}).
     */
    static List<Event> check(String file, Iterable<Event> events) throws ScenarioException {
        YamlGuard guard = new YamlGuard(file);
        List<Event> checked = new ArrayList<>();
        for (Event event : events) {
            guard.accept(event);
            checked.add(event);
        }
        return checked;
    }

    static Pos pos(String file, Mark mark) {
        return new Pos(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private void accept(Event event) throws ScenarioException {
        switch (event.getEventId()) {
            case MappingStart, SequenceStart -> startCollection((CollectionStartEvent) event);
            case MappingEnd, SequenceEnd -> endCollection();
            case Scalar -> scalar((ScalarEvent) event);
            case Alias -> alias((AliasEvent) event);
            default -> { }
        }
    }

    private void startCollection(CollectionStartEvent event) throws ScenarioException {
        boolean mapping = event.getEventId() == Event.ID.MappingStart;
        checkTag(event, event.getTag());
        if (isKey()) {
            throw error(event, "a mapping key must be a plain string, not a " + (mapping ? "mapping" : "list")
                    + " (keys are names such as 'name' or 'size')");
        }
        if (open.size() >= MAX_DEPTH) {
            throw error(event, "nesting is too deep (at most " + MAX_DEPTH + " levels of mappings and lists)");
        }
        String anchor = anchorName(event);
        if (anchor != null) {
            anchors.put(anchor, true);
            openAnchors.add(anchor);
        }
        open.push(new Frame(mapping, anchor));
    }

    private void endCollection() {
        Frame frame = open.poll();
        if (frame != null && frame.anchor != null) {
            openAnchors.remove(frame.anchor);
        }
        nodeDone();
    }

    private void scalar(ScalarEvent event) throws ScenarioException {
        checkTag(event, event.getTag());
        if (event.getValue().length() > MAX_SCALAR) {
            throw error(event, "value is too long (" + event.getValue().length() + " characters; at most " + MAX_SCALAR + ")");
        }
        String anchor = anchorName(event);
        if (anchor != null) {
            anchors.put(anchor, false);
        }
        nodeDone();
    }

    private void alias(AliasEvent event) throws ScenarioException {
        String name = event.getAlias().getValue();
        Boolean collection = anchors.get(name);
        if (collection == null) {
            throw error(event, "undefined alias " + Text.quote("*" + name) + " (an alias must follow its &anchor)");
        }
        if (openAnchors.contains(name)) {
            throw error(event, "alias " + Text.quote("*" + name) + " refers to a mapping or list that contains it (recursive structures are not allowed)");
        }
        if (collection) {
            if (isKey()) {
                throw error(event, "a mapping key must be a plain string, not an alias of a mapping or list (keys are names such as 'name' or 'size')");
            }
            collectionAliases++;
            if (collectionAliases > MAX_COLLECTION_ALIASES) {
                throw error(event, "too many aliases of mappings or lists (at most " + MAX_COLLECTION_ALIASES + ")");
            }
        }
        nodeDone();
    }

    private boolean isKey() {
        Frame top = open.peek();
        return top != null && top.mapping && top.expectingKey;
    }

    private void nodeDone() {
        Frame top = open.peek();
        if (top != null && top.mapping) {
            top.expectingKey = !top.expectingKey;
        }
    }

    private void checkTag(Event event, Optional<String> tag) throws ScenarioException {
        if (tag.isPresent() && !STANDARD_TAGS.contains(tag.get())) {
            String shown = tag.get().startsWith("tag:yaml.org,2002:")
                    ? "!!" + tag.get().substring("tag:yaml.org,2002:".length()) : tag.get();
            throw error(event, "tag " + Text.quote(shown) + " is not supported (no tags are needed; only !!str, !!int, !!float, !!bool, !!null, !!seq, !!map are accepted)");
        }
    }

    private static String anchorName(NodeEvent event) {
        return event.getAnchor().map(Anchor::getValue).orElse(null);
    }

    private ScenarioException error(Event event, String what) {
        Pos pos = event.getStartMark().map(m -> pos(file, m)).orElse(new Pos(file, 1, 1));
        return new ScenarioException(pos, what);
    }
}
