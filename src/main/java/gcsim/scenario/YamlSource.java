package gcsim.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Turns a YAML file into a node tree whose nodes carry their positions, refusing with a
 * {@code FILE:LINE:COLUMN} message anything that could make a loader misbehave: unreadable or
 * oversized files, invalid UTF-8, syntax errors, deep nesting, alias bombs, recursive aliases and
 * custom tags. It exists so that both loaders share one promise: bad input ends in a
 * {@link ScenarioException}, never in another exception, a hang or a stack overflow.
 *
 * <p>The document is parsed once, as an event stream, which {@link YamlGuard} checks without
 * recursion; only then are the checked events composed into nodes, which is only safe once the guard
 * has bounded the depth.
 */
public final class YamlSource {
    /** Largest file accepted, in bytes (a UTF-8 code point takes at most four). */
    public static final long MAX_BYTES = 4L << 20;
    /** Largest document accepted, in code points. */
    public static final int MAX_CODE_POINTS = 1 << 20;
    /** Longest line, in UTF-16 characters: names are at most {@link Text#MAX_NAME}, descriptions wrap. */
    public static final int MAX_LINE = 4096;

    private final String file;
    private final Node root;

    private YamlSource(String file, Node root) {
        this.file = file;
        this.root = root;
    }

    /** The file name as given, used in every position. */
    public String file() {
        return file;
    }

    /** The document's root node. */
    public Node root() {
        return root;
    }

    /** Reads, checks and composes {@code file}; an empty document is an error. */
    public static YamlSource read(Path file) throws ScenarioException {
        String label = String.valueOf(file);
        if (file == null) {
            throw new ScenarioException(new Pos(label, 1, 1), "no file given (a path to a YAML file)");
        }
        return parse(label, readBytes(file, label));
    }

    /**
     * Checks and composes a document already in memory, as {@link #read} does once the file is read;
     * {@code label} stands for the file name in positions.
     */
    public static YamlSource parse(String label, byte[] bytes) throws ScenarioException {
        if (bytes.length > MAX_BYTES) {
            throw new ScenarioException(new Pos(label, 1, 1), "file is too large (" + bytes.length + " bytes; at most " + MAX_BYTES + ")");
        }
        String text = decode(label, bytes);
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            throw new ScenarioException(new Pos(label, 1, 1),
                    "file is too large (at most " + MAX_CODE_POINTS + " characters)");
        }
        checkLineLengths(label, text);
        LoadSettings settings = settings(label);
        try {
            List<Event> events = YamlGuard.check(label, new Parse(settings).parseString(text));
            Optional<Node> root = new Composer(settings, new CheckedEvents(events)).getSingleNode();
            if (root.isEmpty()) {
                throw new ScenarioException(new Pos(label, 1, 1), "file has no YAML document (a mapping of keys)");
            }
            return new YamlSource(label, root.get());
        } catch (MarkedYamlEngineException e) {
            throw marked(label, e);
        } catch (ReaderException e) {
            throw new ScenarioException(positionOf(label, text, e.getPosition()),
                    "character " + codePoint(e.getCodePoint()) + " is not allowed in YAML (printable Unicode text)");
        } catch (RuntimeException | StackOverflowError e) {
            throw new ScenarioException(new Pos(label, 1, 1),
                    "cannot parse YAML (" + Text.oneLine(describe(e)) + ")");
        }
    }

    /**
     * Refuses a line longer than {@link #MAX_LINE} characters before the YAML parser sees it: no
     * scenario needs one, and the parser's cost for a megabyte-long scalar is hundreds of megabytes.
     */
    private static void checkLineLengths(String label, String text) throws ScenarioException {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE) {
                    throw new ScenarioException(new Pos(label, line, MAX_LINE + 1),
                            "line is too long (" + (i - start) + " characters; at most " + MAX_LINE + ")");
                }
                line++;
                start = i + 1;
            }
        }
    }

    private static LoadSettings settings(String label) {
        return LoadSettings.builder()
                .setLabel(label)
                .setMaxAliasesForCollections(YamlGuard.MAX_COLLECTION_ALIASES)
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(false)
                .setAllowNonScalarKeys(false)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setParseComments(false)
                .build();
    }

    private static byte[] readBytes(Path file, String label) throws ScenarioException {
        Pos start = new Pos(label, 1, 1);
        try {
            if (Files.isDirectory(file)) {
                throw new ScenarioException(start, "cannot read file (it is a directory; a YAML file is expected)");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ScenarioException(start, "file is too large (" + size + " bytes; at most " + MAX_BYTES + ")");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(start, "cannot read file (no such file)");
        } catch (AccessDeniedException e) {
            throw new ScenarioException(start, "cannot read file (permission denied)");
        } catch (IOException | RuntimeException e) {
            throw new ScenarioException(start, "cannot read file (" + Text.oneLine(describe(e)) + ")");
        }
    }

    /** Strict UTF-8: a malformed byte is reported where it is, not replaced. */
    private static String decode(String label, byte[] bytes) throws ScenarioException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new ScenarioException(bytePosition(label, bytes, offset),
                    String.format("file is not valid UTF-8 (byte 0x%02X; scenario files are UTF-8 text)", bytes[offset] & 0xff));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Pos bytePosition(String label, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String prefix = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        return new Pos(label, line, prefix.codePointCount(0, prefix.length()) + 1);
    }

    /** Position of the {@code index}-th code point of {@code text}. */
    private static Pos positionOf(String label, String text, int index) {
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < index; i = text.offsetByCodePoints(i, 1), seen++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Pos(label, line, column);
    }

    private static ScenarioException marked(String label, MarkedYamlEngineException e) {
        Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
        Pos pos = mark.map(m -> YamlGuard.pos(label, m)).orElse(new Pos(label, 1, 1));
        String problem = e.getProblem() == null ? "" : e.getProblem().strip();
        String context = e.getContext() == null ? "" : e.getContext().strip();
        String what = problem.isEmpty() ? context : problem;
        if (problem.startsWith("but ") && !context.isEmpty()) {
            what = context + ", " + problem; // "expected a single document in the stream, but found another document"
        } else if (!problem.isEmpty() && !context.isEmpty()) {
            what += " (" + context + e.getContextMark().map(m -> " at " + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse("") + ")";
        }
        if (what.isEmpty()) {
            what = "malformed YAML";
        }
        return new ScenarioException(pos, "YAML syntax error: " + Text.oneLine(what));
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
