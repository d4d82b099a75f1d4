package gcsim.differential;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the real Nix commands are: {@code nix-store}, found on the PATH or given by the user, and
 * {@code nix-instantiate} and {@code nix-build} beside it (Nix dispatches on the command name, so
 * all three must be in one directory, as Debian's {@code nix-bin} installs them in /usr/bin).
 *
 * <p>A newer Nix than the host's distribution ships runs in a chroot ({@code sim/sid-nix} makes one
 * with Debian sid): its libraries are there, not on the host. Then {@code bin} is the directory as
 * seen inside {@code root}, and {@link TempStore} runs each command through {@link ChrootCommand}.
 *
 * @param bin the directory holding the three commands
 * @param root the chroot the commands run in, or null for the host
 */
public record NixInstall(Path bin, Path root) {

    /** Commands on the host. */
    public NixInstall(Path bin) {
        this(bin, null);
    }

    /**
     * The Nix installed in the chroot {@code root} under /usr/bin, as {@code sim/sid-nix} installs it;
     * empty when the three commands are not there.
     */
    public static Optional<NixInstall> inChroot(Path root) {
        Path bin = Path.of("/usr/bin");
        for (String c : new String[] {"nix-store", "nix-instantiate", "nix-build"}) {
            Path p = root.resolve("usr/bin").resolve(c);
            if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
        }
        return Optional.of(new NixInstall(bin, root.toAbsolutePath().normalize()));
    }

    public Path nixStore() {
        return bin.resolve("nix-store");
    }

    public Path nixInstantiate() {
        return bin.resolve("nix-instantiate");
    }

    public Path nixBuild() {
        return bin.resolve("nix-build");
    }

    /**
     * The installation at {@code nixStore} (the nix-store command, or a directory holding it), or the
     * first nix-store on {@code pathVariable} when {@code nixStore} is null; empty when there is none,
     * or when nix-instantiate and nix-build are not beside it.
     */
    public static Optional<NixInstall> find(String nixStore, String pathVariable) {
        if (nixStore != null) {
            Path p = Path.of(nixStore).toAbsolutePath().normalize();
            Path dir = Files.isDirectory(p) ? p : p.getParent();
            if (dir == null || !(Files.isDirectory(p) || p.getFileName().toString().equals("nix-store"))) {
                return Optional.empty();
            }
            return complete(dir);
        }
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String entry : pathVariable.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Optional<NixInstall> found = complete(Path.of(entry).toAbsolutePath());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The installation on the PATH of this process. */
    public static Optional<NixInstall> onPath() {
        return find(null, System.getenv("PATH"));
    }

    private static Optional<NixInstall> complete(Path dir) {
        NixInstall n = new NixInstall(dir);
        for (Path p : new Path[] {n.nixStore(), n.nixInstantiate(), n.nixBuild()}) {
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                return Optional.empty();
            }
        }
        return Optional.of(n);
    }
}
