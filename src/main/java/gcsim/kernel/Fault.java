package gcsim.kernel;

/**
 * An error raised inside the simulation, such as Nix's {@code InvalidPath} or an {@code ECONNREFUSED}.
 *
 * <p>Faults unwind frames like exceptions do in the real program. They carry no Java stack trace:
 * they are data of the modelled world, thrown often on hot paths.
 */
public class Fault extends RuntimeException {
    private final String kind;

    public Fault(String kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    /** A short machine-readable name: {@code InvalidPath}, {@code ECONNREFUSED}, … */
    public String kind() {
        return kind;
    }
}
