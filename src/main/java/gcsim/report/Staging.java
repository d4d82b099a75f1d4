package gcsim.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes a report's files into a hidden folder beside the output folder ({@code .NAME.staging-…})
 * and publishes them with a {@link Publication}, so that a run that is interrupted, fails or is
 * killed never leaves a mix of two reports once the next run has started, and files in the output
 * folder that the report does not own (such as a README) stay.
 *
 * <p>While a staging is open it holds a lock on {@code .lock} in the output folder, so two
 * runs never write one report at once; on opening it first finishes a publication that a killed run
 * left half done and removes the staging folders of killed runs.
 */
public final class Staging implements AutoCloseable {
    static final String INFIX = ".staging-";
    /** The lock file inside the output folder; hidden, and ignored by git. */
    public static final String LOCK = ".lock";
    /** Where found schedules of an interrupted or killed run are kept: {@code NAME.interrupted/failures/}. */
    public static final String INTERRUPTED = ".interrupted";
    private final Path out;
    private final Path dir;
    private final FileChannel lockFile;
    private final FileLock lock;
    private boolean published;
    private boolean closed;

    private Staging(Path out, Path dir, FileChannel lockFile, FileLock lock) {
        this.out = out;
        this.dir = dir;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /**
     * A fresh staging folder for output folder {@code out}, in the same parent (so renames stay on one
     * disk), after repairing what killed runs left behind.
     */
    public static Staging create(Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null) {
            throw new IOException("the output folder has no parent: " + abs);
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IOException("it is not a folder");
        }
        Files.createDirectories(abs);
        String name = abs.getFileName().toString();
        FileChannel ch = FileChannel.open(abs.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new IOException("another gcsim run is writing a report there");
        }
        try {
            Publication.recover(abs);
            Path dir = Files.createTempDirectory(parent, "." + name + INFIX);
            Publication.removeStale(abs, dir);
            return new Staging(abs, dir, ch, lock);
        } catch (IOException | RuntimeException e) {
            lock.release();
            ch.close();
            throw e;
        }
    }

    public Path dir() {
        return dir;
    }

    /** Writes {@code text} as UTF-8 to {@code relative} inside the staging folder, atomically. */
    public void write(String relative, String text) throws IOException {
        AtomicFiles.write(dir.resolve(relative), text);
    }

    /**
     * Publishes {@code folder} (replacing the published one whole, or removing it when none was staged)
     * and {@code files} into the output folder.
     */
    public synchronized void publish(String folder, List<String> files) throws IOException {
        List<String> items = new java.util.ArrayList<>(files);
        items.add(0, folder);
        publish(items);
    }

    /** Publishes {@code items} (files or folders); one that was not staged is removed from the output folder. */
    public synchronized void publish(List<String> items) throws IOException {
        if (closed) {
            throw new IOException("the staging folder was closed");
        }
        Publication.publish(dir, out, items);
        published = true;
    }

    /** True once {@link #publish} has finished. */
    public synchronized boolean published() {
        return published;
    }

    /**
     * For an interrupted run: keeps the schedules found so far in {@code NAME.interrupted/failures/}
     * beside the output folder and closes; returns that folder, or null when nothing was found or the
     * report was already published. Waits for a publication under way to finish.
     */
    public synchronized Path interrupt() {
        if (closed || published) {
            return null;
        }
        Path kept = null;
        try {
            kept = keepFound(dir, out);
        } catch (IOException e) {
            // the staging folder stays; the next run keeps its schedules
            return dir.resolve("failures");
        }
        close();
        return kept;
    }

    /** Moves {@code staging/failures} to {@code OUT.interrupted/failures} when it holds a schedule. */
    static Path keepFound(Path staging, Path out) throws IOException {
        Path found = staging.resolve("failures");
        if (!Files.isDirectory(found, LinkOption.NOFOLLOW_LINKS) || isEmpty(found)) {
            return null;
        }
        Path target = out.resolveSibling(out.getFileName() + INTERRUPTED);
        Publication.deleteTree(target);
        Files.createDirectories(target);
        AtomicFiles.move(found, target.resolve("failures"));
        return target.resolve("failures");
    }

    private static boolean isEmpty(Path d) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(d, p -> !p.getFileName().toString().startsWith("."))) {
            return !ds.iterator().hasNext();
        }
    }

    /** Deletes the staging folder and whatever is left in it, and releases the lock. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Publication.deleteTree(dir);
        } catch (IOException e) {
            // best effort: the next run removes it
        }
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            // the lock goes with the process
        }
    }
}
