package gcsim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Writes a report's files into a hidden folder beside the output folder and moves them into place
 * only when all are written, so a run that is interrupted or fails never leaves a half-written
 * report, and files in the output folder that the report does not own (such as a README) stay.
 *
 * <p>Publishing moves the {@code failures/} folder first (replacing the old one whole, so stale
 * schedules go), then each report file with an atomic rename where the file system allows it.
 */
public final class Staging implements AutoCloseable {
    private final Path out;
    private final Path dir;
    private final Thread cleanup;
    private boolean published;

    private Staging(Path out, Path dir) {
        this.out = out;
        this.dir = dir;
        this.cleanup = new Thread(this::deleteQuietly, "gcsim-staging-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** A fresh staging folder for output folder {@code out}, in the same parent (so renames stay on one disk). */
    public static Staging create(Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) {
            throw new IOException("the output folder has no parent: " + abs);
        }
        Files.createDirectories(parent);
        String name = abs.getFileName() == null ? "out" : abs.getFileName().toString();
        return new Staging(abs, Files.createTempDirectory(parent, "." + name + ".staging-"));
    }

    public Path dir() {
        return dir;
    }

    /** Writes {@code text} as UTF-8 to {@code relative} inside the staging folder. */
    public void write(String relative, String text) throws IOException {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    /**
     * Moves {@code folder} (replacing the published one, or removing it when none was staged) and then
     * {@code files}, in order, into the output folder.
     */
    public void publish(String folder, List<String> files) throws IOException {
        Files.createDirectories(out);
        Path old = out.resolve(folder);
        if (Files.exists(old)) {
            move(old, dir.resolve(".old-" + folder));
        }
        Path fresh = dir.resolve(folder);
        if (Files.exists(fresh)) {
            move(fresh, old);
        }
        for (String f : files) {
            move(dir.resolve(f), out.resolve(f));
        }
        published = true;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** True once {@link #publish} has finished. */
    public boolean published() {
        return published;
    }

    /** Deletes the staging folder and whatever is left in it. */
    @Override
    public void close() {
        deleteQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook does the same
        }
    }

    private void deleteQuietly() {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: a hidden leftover folder is harmless
        }
    }
}
