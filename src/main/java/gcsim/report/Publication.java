package gcsim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a staged report into its output folder so that a kill at any moment is repaired by the next
 * run: the publication is a journal written (atomically) before the first rename, listing the staging
 * folder and every item the report owns; each item is then swapped by renames; the journal is removed
 * last. A run that finds a journal finishes its renames (rolls forward) before anything else, so the
 * output folder always ends up holding either the whole previous report (killed before the journal)
 * or the whole new one (killed after it). While a journal is present, readers must not trust the
 * folder; no journal means the folder holds one whole report.
 *
 * <p>Each item's swap is idempotent: when the staged item is still there, the published one (old) is
 * moved aside into the staging folder and the staged one moved in; when the staged item is gone, it
 * was moved in already, or the new report has no such item and the old one is moved aside.
 */
public final class Publication {
    /** The journal's name inside the output folder; hidden, and ignored by git. */
    public static final String JOURNAL = ".publishing";
    static final String HEADER = "gcsim-publishing 1";
    static final String OLD = ".old";

    /** Called before each rename of a publication, for fault-injection tests; a no-op otherwise. */
    public interface RenameHook {
        void beforeRename(Path from, Path to) throws IOException;
    }

    private static volatile RenameHook hook = (from, to) -> { };

    private Publication() {}

    /** Installs {@code h} for every later publication in this JVM (tests only). */
    public static void onRename(RenameHook h) {
        hook = h;
    }

    /**
     * Publishes {@code items} (files or folders, relative names) from {@code staging} into {@code out}.
     * Every item absent from the staging folder is removed from {@code out}.
     */
    static void publish(Path staging, Path out, List<String> items) throws IOException {
        Files.createDirectories(out);
        StringBuilder j = new StringBuilder(HEADER).append('\n').append("staging: ")
                .append(staging.getFileName()).append('\n');
        for (String item : items) { // what the new report has is moved in; what it lacks is removed
            boolean has = Files.exists(staging.resolve(item), LinkOption.NOFOLLOW_LINKS);
            j.append(has ? "item: " : "remove: ").append(item).append('\n');
        }
        hook.beforeRename(null, out.resolve(JOURNAL));
        AtomicFiles.write(out.resolve(JOURNAL), j.toString()); // the commit point
        rollForward(out);
    }

    /**
     * Finishes a publication that a killed run left half done, if any; returns true when there was one.
     * Safe to call again after a kill during the recovery itself.
     */
    public static boolean recover(Path out) throws IOException {
        if (!Files.isRegularFile(out.resolve(JOURNAL), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        rollForward(out);
        return true;
    }

    private static void rollForward(Path out) throws IOException {
        Path journal = out.resolve(JOURNAL);
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("staging: ")) {
            throw new IOException(journal + " is not a publication journal; remove it by hand if no gcsim runs");
        }
        Path parent = out.toAbsolutePath().normalize().getParent();
        Path staging = parent.resolve(lines.get(1).substring("staging: ".length()));
        Path aside = staging.resolve(OLD);
        for (String line : lines.subList(2, lines.size())) {
            boolean remove = line.startsWith("remove: ");
            if (!remove && !line.startsWith("item: ")) {
                throw new IOException(journal + ": unknown line '" + line + "'");
            }
            String item = line.substring(line.indexOf(' ') + 1);
            Path fresh = staging.resolve(item);
            Path published = out.resolve(item);
            // a staged item not yet moved in; once moved, the published one is the new one and stays
            boolean staged = !remove && Files.exists(fresh, LinkOption.NOFOLLOW_LINKS);
            if ((remove || staged) && Files.exists(published, LinkOption.NOFOLLOW_LINKS)) {
                Path old = aside.resolve(item);
                Files.createDirectories(old.getParent());
                deleteTree(old);
                rename(published, old);
            }
            if (staged) {
                Files.createDirectories(published.getParent());
                rename(fresh, published);
            }
        }
        hook.beforeRename(journal, null);
        Files.deleteIfExists(journal); // the publication is complete
        deleteTree(staging);
    }

    private static void rename(Path from, Path to) throws IOException {
        hook.beforeRename(from, to);
        AtomicFiles.move(from, to);
    }

    /**
     * Removes staging folders of {@code out} that killed runs left behind (named {@code .NAME.staging-…}
     * beside it), except {@code keep}; found schedules in one are kept in {@code NAME.interrupted/} first.
     * Call only while holding the output folder's lock and after {@link #recover}.
     */
    static List<Path> removeStale(Path out, Path keep) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        String prefix = "." + abs.getFileName() + Staging.INFIX;
        List<Path> kept = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path p : ds) {
                if (p.equals(keep) || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Path found = Staging.keepFound(p, abs);
                if (found != null) {
                    kept.add(found);
                }
                deleteTree(p);
            }
        }
        return kept;
    }

    /** Deletes a file or a folder with everything in it; nothing when it does not exist. */
    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
