package gcsim.differential;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A fresh, private Nix store in a temporary folder, and the commands run against it. Real Nix must
 * never touch the machine's /nix: every command gets {@code NIX_STORE_DIR}, {@code NIX_STATE_DIR},
 * {@code NIX_LOG_DIR} and {@code NIX_CONF_DIR} inside the folder and a clean environment, so no
 * store path is ever in a live process's environment (the collector would count it as a runtime
 * root). {@link #close} stops the helpers it started, makes the read-only store writable and deletes
 * the folder.
 *
 * <p>Layout: {@code s} the store, {@code var} the state directory, {@code log}, {@code etc/nix.conf}
 * (no substituters, no sandbox, no build users), {@code home}, {@code tmp} for builds, {@code x} the
 * expressions, and {@code r} for root links: a history's link {@code /r/r3} is {@code <folder>/r/r3}.
 * For a Nix in a chroot the folder has the same path inside it ({@link ChrootCommand}), so none of
 * this changes.
 */
final class TempStore implements AutoCloseable {
    private static final long COMMAND_TIMEOUT_SECONDS = 120;
    private static final long HOLDER_SECONDS = 900;
    private final NixInstall nix;
    private final Path dir;
    private final Map<String, String> env = new TreeMap<>();
    private final List<Process> holders = new ArrayList<>();
    private final List<String> options;
    private final boolean chroot;

    /** The result of one command: its exit code and what it printed. */
    record Result(List<String> command, int code, String out, String err) {
        boolean ok() {
            return code == 0;
        }

        /** The command and its last line of stderr, for a one-line report. */
        String failure() {
            String[] lines = err.strip().split("\n");
            return String.join(" ", command.subList(0, Math.min(2, command.size()))).replaceAll(".*/", "")
                    + " exited " + code + ": " + lines[lines.length - 1].strip();
        }
    }

    TempStore(NixInstall nix, Path parent, List<String> options) throws IOException {
        this(nix, parent, options, false);
    }

    /**
     * A store in a fresh folder under {@code parent}. A {@code chroot} store ({@code --store DIR})
     * keeps the logical store directory /nix/store, so paths and messages read as on a real
     * installation, while its files live under the folder; otherwise {@code NIX_STORE_DIR} points
     * into the folder (other hashes, but builds need no chroot).
     */
    TempStore(NixInstall nix, Path parent, List<String> options, boolean chroot) throws IOException {
        this.nix = nix;
        this.chroot = chroot;
        this.dir = Files.createTempDirectory(parent, "gcsim-nix-");
        List<String> opts = new ArrayList<>();
        if (chroot) {
            opts.addAll(List.of("--store", dir.resolve("root").toString()));
        }
        opts.addAll(options);
        this.options = List.copyOf(opts);
        for (String sub : new String[] {"etc", "home", "tmp", "x", "r"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.createDirectories(storeDir());
        Files.createDirectories(stateDir());
        Files.writeString(dir.resolve("etc/nix.conf"),
                "substituters =\nsandbox = false\nbuild-users-group =\nrequire-sigs = false\n", StandardCharsets.UTF_8);
        env.put("PATH", nix.bin() + ":/usr/bin:/bin");
        env.put("HOME", dir.resolve("home").toString());
        env.put("XDG_CACHE_HOME", dir.resolve("home/.cache").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("home/.config").toString());
        env.put("XDG_DATA_HOME", dir.resolve("home/.local/share").toString());
        if (!chroot) {
            env.put("NIX_STORE_DIR", storeDir().toString());
            env.put("NIX_STATE_DIR", stateDir().toString());
            Files.createDirectories(dir.resolve("log"));
            env.put("NIX_LOG_DIR", dir.resolve("log").toString());
        }
        env.put("NIX_CONF_DIR", dir.resolve("etc").toString());
        env.put("NIX_PATH", "");
        env.put("TMPDIR", dir.resolve("tmp").toString());
    }

    Path dir() {
        return dir;
    }

    /** Where the store's files are. */
    Path storeDir() {
        return chroot ? dir.resolve("root/nix/store") : dir.resolve("s");
    }

    /** The store directory as Nix prints paths: /nix/store for a chroot store. */
    String logicalStoreDir() {
        return chroot ? "/nix/store" : storeDir().toString();
    }

    Path stateDir() {
        return chroot ? dir.resolve("root/nix/var/nix") : dir.resolve("var");
    }

    /** A history's link ({@code /r/r3}, or a gcroots name) as a file here. */
    Path link(String link) {
        return link.startsWith("/") ? dir.resolve(link.substring(1)) : stateDir().resolve("gcroots").resolve(link);
    }

    /** Runs a Nix command ({@code nix-store}, …) with the store's environment and the common options. */
    Result nix(Path command, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(command.toString());
        cmd.addAll(args);
        cmd.addAll(options);
        return run(cmd);
    }

    Result run(List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = start(cmd, out, err);
        if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
            return new Result(cmd, -1, "", "timed out after " + COMMAND_TIMEOUT_SECONDS + " s");
        }
        Result r = new Result(cmd, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** Starts a Nix command in the background, its output going to two files; the caller waits for it. */
    Process startNix(Path command, List<String> args, Path out, Path err) throws IOException {
        return startNix(command, args, out, err, Map.of());
    }

    /** As {@link #startNix(Path, List, Path, Path)}, with {@code extra} added to the environment (test hooks). */
    Process startNix(Path command, List<String> args, Path out, Path err, Map<String, String> extra) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(command.toString());
        cmd.addAll(args);
        cmd.addAll(options);
        return start(cmd, out, err, extra);
    }

    private Process start(List<String> cmd, Path out, Path err) throws IOException {
        return start(cmd, out, err, Map.of());
    }

    private Process start(List<String> cmd, Path out, Path err, Map<String, String> extra) throws IOException {
        List<String> line = nix.root() == null ? cmd : ChrootCommand.wrap(nix.root(), dir, cmd);
        ProcessBuilder pb = new ProcessBuilder(line).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().putAll(extra);
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(devNull()));
        return pb.start();
    }

    private static java.io.File devNull() {
        return new java.io.File("/dev/null");
    }

    /**
     * Writes {@code temproots/<name>} with the paths, each NUL-terminated as Nix writes them, and,
     * when {@code live}, starts a helper that holds an exclusive flock on it (as the owning Nix process
     * does for its whole life) until the store is closed or the caller ends it. Returns the helper (null
     * when not {@code live}) once the lock is held.
     */
    Process tempRoots(String name, List<Path> paths, boolean live) throws IOException, InterruptedException {
        Path dirPath = stateDir().resolve("temproots");
        Files.createDirectories(dirPath);
        Path file = dirPath.resolve(name);
        StringBuilder sb = new StringBuilder();
        for (Path p : paths) {
            sb.append(p).append('\0');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        if (!live) {
            return null;
        }
        // One process holds the lock: bash opens the file read-write (fd 9), flock(1) locks that open
        // file description, and exec keeps fd 9 in sleep. Its arguments name the temproots file only.
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                "exec 9<>\"$0\" && flock -x 9 && echo locked && exec sleep " + HOLDER_SECONDS, file.toString())
                .directory(dir.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(devNull()));
        Process p = pb.start();
        holders.add(p);
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        if (!"locked".equals(line)) {
            throw new IOException("the temp-roots helper did not take its lock (is flock from util-linux installed?)");
        }
        return p;
    }

    /** The short names of the entries in the store directory, sorted; dot files are skipped. */
    List<String> listStore() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(storeDir())) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (!n.startsWith(".")) {
                    out.add(shortName(n));
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** The part after {@code <hash>-}; anything else is returned whole, so it shows up in a comparison. */
    static String shortName(String baseName) {
        if (baseName.length() > 33 && baseName.charAt(32) == '-' && baseName.substring(0, 32).matches("[0-9a-z]{32}")) {
            return baseName.substring(33);
        }
        return baseName;
    }

    @Override
    public void close() throws IOException {
        for (Process p : holders) {
            p.destroy();
        }
        for (Process p : holders) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        holders.clear();
        deleteTree(dir);
        if (nix.root() != null) {
            ChrootCommand.removeMountPoint(nix.root(), dir);
        }
    }

    /** chmod -R u+w, then delete: store paths are read-only. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                d.toFile().setWritable(true, true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
