package gcsim.check;

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
public record Failure(String kind, String check, String path, String message, String actor, int step) {}
