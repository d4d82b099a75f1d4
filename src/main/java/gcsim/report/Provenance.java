package gcsim.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Where a report came from: the project's git commit and the machine. A reader comparing two
 * reports needs to know whether the model or only the machine changed.
 */
public final class Provenance {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private Provenance() {}

    /**
     * The commit checked out at {@code home}: read from {@code .git} (HEAD, the ref it names, or
     * packed-refs), else from {@code git rev-parse HEAD}, else {@code unknown}.
     */
    public static String commit(Path home) {
        try {
            String fromFiles = fromGitDir(gitDir(home.resolve(".git")));
            if (fromFiles != null) {
                return fromFiles;
            }
        } catch (IOException | RuntimeException e) {
            // fall through to git itself
        }
        return fromGitCommand(home);
    }

    private static Path gitDir(Path dotGit) throws IOException {
        if (Files.isRegularFile(dotGit)) { // a worktree or submodule: "gitdir: PATH"
            String line = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
            if (line.startsWith("gitdir:")) {
                return dotGit.getParent().resolve(line.substring("gitdir:".length()).strip()).normalize();
            }
        }
        return dotGit;
    }

    private static String fromGitDir(Path git) throws IOException {
        Path headFile = git.resolve("HEAD");
        if (!Files.isRegularFile(headFile)) {
            return null;
        }
        String head = Files.readString(headFile, StandardCharsets.UTF_8).strip();
        if (HASH.matcher(head).matches()) {
            return head;
        }
        if (!head.startsWith("ref:")) {
            return null;
        }
        String ref = head.substring(4).strip();
        for (Path dir : List.of(git, commonDir(git))) {
            Path refFile = dir.resolve(ref);
            if (Files.isRegularFile(refFile)) {
                String hash = Files.readString(refFile, StandardCharsets.UTF_8).strip();
                if (HASH.matcher(hash).matches()) {
                    return hash;
                }
            }
            Path packed = dir.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    String[] parts = line.strip().split(" ");
                    if (parts.length == 2 && parts[1].equals(ref) && HASH.matcher(parts[0]).matches()) {
                        return parts[0];
                    }
                }
            }
        }
        return null;
    }

    private static Path commonDir(Path git) throws IOException {
        Path common = git.resolve("commondir");
        if (Files.isRegularFile(common)) {
            return git.resolve(Files.readString(common, StandardCharsets.UTF_8).strip()).normalize();
        }
        return git;
    }

    private static String fromGitCommand(Path home) {
        try {
            Process p = new ProcessBuilder("git", "-C", home.toString(), "rev-parse", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && HASH.matcher(out).matches()) {
                return out;
            }
            p.destroy();
        } catch (IOException e) {
            // no git
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }

    /** Now, in UTC, to the second: {@code 2026-11-27T08:44:58Z}. */
    public static String nowUtc() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code 5 min 14 s}: a wall-clock duration as progress and the stdout summary print it. */
    public static String duration(long ms) {
        return Texts.duration(ms);
    }

    /** This machine: its processors and its JVM. */
    public static CompareReport.Machine machine() {
        String jvm = System.getProperty("java.vm.name", "unknown JVM") + " "
                + System.getProperty("java.runtime.version", System.getProperty("java.version", "?"));
        return new CompareReport.Machine(Runtime.getRuntime().availableProcessors(), jvm);
    }
}
