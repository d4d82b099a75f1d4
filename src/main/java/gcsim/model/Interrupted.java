package gcsim.model;

import gcsim.kernel.Fault;

/**
 * {@code nix::Interrupted}, thrown by {@code checkInterrupt()} once the process's interrupt flag is
 * set. Not a {@link NixError}: in Nix it derives from {@code BaseError} but not from {@code Error},
 * so every {@code catch (Error &)} lets it through, and only a {@code catch (std::exception &)} or
 * {@code catch (...)} stops it (a worker's connection loop, the auto-GC thread).
 */
final class Interrupted extends Fault {
    Interrupted() {
        super("Interrupted", "interrupted by the user");
    }
}
