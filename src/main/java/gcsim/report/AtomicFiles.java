package gcsim.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers, and a kill at any moment, see either its previous content or the
 * new one whole: the text goes to a hidden temporary file in the same folder, is forced to disk, and
 * replaces the file by one rename. A leftover temporary file (from a kill before the rename) is
 * hidden and named {@code .NAME.tmp-…}.
 */
public final class AtomicFiles {
    /** The file-name limit of common file systems, in bytes. */
    public static final int MAX_FILE_NAME_BYTES = 255;
    /** Room that the temporary name adds around a file name ({@code .} and {@code .tmp-} plus a number). */
    private static final int TEMP_EXTRA = 32;

    private AtomicFiles() {}

    /** Replaces {@code file} with {@code text} (UTF-8) in one rename, creating its folder if needed. */
    public static void write(Path file, String text) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + shortName(abs.getFileName().toString()) + ".tmp-", "");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            move(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Renames {@code from} to {@code to} atomically (replacing it), or plainly where the file system cannot. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Checks, without leaving anything behind, that {@link #write} can write {@code file}: the name fits,
     * it is not a folder, and its folder exists (or can be made) and takes a new file.
     */
    public static void checkWritable(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Path name = abs.getFileName();
        if (name == null) {
            throw new IOException("not a file name");
        }
        checkName(name.toString());
        if (Files.isDirectory(abs)) {
            throw new IOException("it is a folder");
        }
        if (Files.exists(abs) && !Files.isRegularFile(abs)) {
            throw new IOException("it is not a regular file");
        }
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path probe = Files.createTempFile(parent, ".gcsim-probe-", "");
        Files.deleteIfExists(probe);
    }

    /** Refuses a file name that a file system would refuse, before any work is done. */
    public static void checkName(String name) throws IOException {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_FILE_NAME_BYTES - TEMP_EXTRA) {
            throw new IOException("the file name is " + bytes + " bytes long (at most " + (MAX_FILE_NAME_BYTES - TEMP_EXTRA)
                    + ")");
        }
    }

    /** An I/O error in words: the reason the system gave, not the path Java repeats. */
    public static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() == null ? "" : ": " + f.getFile());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String shortName(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40);
    }
}
