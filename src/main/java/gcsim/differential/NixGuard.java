package gcsim.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A listing of the machine's /nix (every entry to depth 4, with its size and modification time), taken before
 * and after a differential run: real Nix must only ever touch the temporary stores, and a changed
 * listing says that it did not.
 */
public record NixGuard(List<String> entries) {

    /** The listing of {@code root}, or an empty one when it does not exist. */
    public static NixGuard of(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return new NixGuard(List.of());
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root, 4)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                out.add(p + " " + a.size() + " " + a.lastModifiedTime().toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return new NixGuard(List.copyOf(out));
    }

    /** The machine's /nix. */
    public static NixGuard system() {
        return of(Path.of("/nix"));
    }
}
