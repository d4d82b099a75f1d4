package gcsim.check;

import java.util.Objects;

/**
 * A failure an oracle saw, described as the real Nix would report it.
 *
 * @param kind stable machine name: {@code invalid-path}, {@code missing-file}, {@code missing-derivation},
 *     {@code invariant}, {@code deadlock}; later work may add kinds, never rename these
 * @param check which check threw, naming the Nix function (e.g. {@code registerValidPaths §2.5 step 4})
 * @param path the store path concerned, or null
 * @param message the error text a user would see, e.g. {@code path '/nix/store/…-hosts.drv' is not valid}
 * @param actor the actor that failed (or was blocked), or null
 * @param step the step at which it was seen
 */
public record Failure(String kind, String check, String path, String message, String actor, int step) {
    /*
     * equals and hashCode written out rather than generated: a record's generated ones are bound on
     * first use through an invokedynamic bootstrap (java.lang.runtime.ObjectMethods) that builds
     * method handles at run time, and in a fresh JVM that first use (the search's check that the
     * traced replay failed the same way) cost tens of milliseconds, more than the search itself took
     * to find the seed failure. Same meaning: every component compared.
     */

    @Override
    public boolean equals(Object o) {
        return o instanceof Failure f && step == f.step && Objects.equals(kind, f.kind) && Objects.equals(check, f.check)
                && Objects.equals(path, f.path) && Objects.equals(message, f.message) && Objects.equals(actor, f.actor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, check, path, message, actor, step);
    }
}
