package gcsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a schedule file's text defensively: only a regular file (never a device or a pipe, which
 * could be endless), at most {@link #MAX_BYTES}, UTF-8 with an optional byte-order mark (as scenario
 * files allow), and invalid UTF-8 reported at its line and column rather than as a decoder's riddle.
 */
final class ScheduleText {
    /**
     * The largest schedule file read. A schedule records about one choice per step, a few characters
     * each, so the default step bound's longest schedule is well under a megabyte.
     */
    static final int MAX_BYTES = 4 << 20;

    private ScheduleText() {}

    static List<String> lines(Path file) throws BadInput {
        if (!Files.exists(file)) {
            throw new BadInput("--schedule: no such file '" + file + "' (accepted: a file written by search --save-schedule)");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInput("--schedule: '" + file + "' is not a regular file (accepted: a file written by search"
                    + " --save-schedule)");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new BadInput("--schedule: no such file '" + file + "' (accepted: a file written by search --save-schedule)");
        } catch (IOException e) {
            throw new BadInput("--schedule: cannot read '" + file + "': " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new BadInput("--schedule: '" + file + "' is larger than " + MAX_BYTES + " bytes (accepted: a file written"
                    + " by search --save-schedule)");
        }
        int from = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String text = decode(file, bytes, from);
        return text.lines().toList();
    }

    /** UTF-8 from {@code from}; the first invalid byte is reported as FILE:LINE:COLUMN. */
    private static String decode(Path file, byte[] bytes, int from) throws BadInput {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int bad = in.position();
            throw new BadInput(file + ":" + where(bytes, from, bad) + ": not UTF-8 text (byte 0x"
                    + String.format("%02X", bytes[bad] & 0xFF) + "; accepted: a file written by search --save-schedule)");
        }
        d.flush(out);
        out.flip();
        return out.toString();
    }

    /** LINE:COLUMN of byte {@code at}, counting columns in characters of the valid text before it. */
    private static String where(byte[] bytes, int from, int at) {
        int line = 1;
        int lineStart = from;
        for (int i = from; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8);
        return line + ":" + (before.codePointCount(0, before.length()) + 1);
    }
}
