package gcsim.cli;

import java.nio.file.Path;

/** How gcsim names files in what it prints and writes. */
final class ShownPath {
    private ShownPath() {}

    /**
     * {@code file} relative to the project root when it is inside it (so printed commands and
     * committed reports do not depend on where the project is checked out), else absolute.
     */
    static String shown(Path home, Path file) {
        Path h = home.toAbsolutePath().normalize();
        Path o = file.toAbsolutePath().normalize();
        String s = o.startsWith(h) && !o.equals(h) ? h.relativize(o).toString() : o.toString();
        return s.replace('\\', '/');
    }
}
