package gcsim.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A command line that runs a Nix command inside a chroot while it works on a store folder of the
 * host. The folder must have the same absolute path on both sides, because store paths, temproots
 * files and root links written by gcsim on the host are read by Nix in the chroot: a private mount
 * namespace ({@code unshare --mount}) bind-mounts the folder onto the same path inside the chroot,
 * and mounts /proc (the collector's runtime-root scan and Nix's own use) and a fresh /dev/pts
 * (builds open a pseudo-terminal). The namespace dies with the command, so nothing stays mounted on
 * the host, and nothing outside the folder is shared. The pid namespace is the host's, so the
 * collector's /proc scan sees every process, as it does outside a chroot; {@code --kill-child} ends
 * the Nix command when the harness ends {@code unshare} (a timeout). Needs root.
 */
final class ChrootCommand {
    private static final String SCRIPT = "r=\"$0\"; d=\"$1\"; shift"
            + " && /usr/bin/mount --bind \"$d\" \"$r$d\""
            + " && /usr/bin/mount -t proc proc \"$r/proc\""
            + " && /usr/bin/mount -t devpts -o newinstance,ptmxmode=0666 devpts \"$r/dev/pts\""
            + " && exec /usr/sbin/chroot \"$r\" \"$@\"";

    private ChrootCommand() {}

    /**
     * {@code command} as run in {@code root} with {@code folder} shared; creates the mount point
     * inside the chroot when it is missing.
     */
    static List<String> wrap(Path root, Path folder, List<String> command) throws IOException {
        Path abs = folder.toAbsolutePath().normalize();
        Files.createDirectories(mountPoint(root, abs));
        List<String> out = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--fork", "--kill-child", "--",
                "/bin/sh", "-c", SCRIPT, root.toString(), abs.toString()));
        out.addAll(command);
        return out;
    }

    /** Where {@code folder} appears inside {@code root}. */
    static Path mountPoint(Path root, Path folder) {
        return root.resolve(folder.toAbsolutePath().normalize().toString().substring(1));
    }

    /** Removes the empty mount point {@link #wrap} made (never the folder itself, which the caller deletes). */
    static void removeMountPoint(Path root, Path folder) throws IOException {
        Path p = mountPoint(root, folder);
        try (var s = Files.list(p)) {
            if (s.findAny().isPresent()) {
                return; // still mounted by a running command, or not ours: leave it
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return;
        }
        Files.deleteIfExists(p);
    }
}
