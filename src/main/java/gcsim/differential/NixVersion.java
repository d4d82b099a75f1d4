package gcsim.differential;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The version a Nix installation reports, asked by running it the way the histories will run it (in
 * its chroot, on a scratch store), so that a chroot that cannot run at all, for lack of root or of
 * mounts, is reported before any history starts rather than as a disagreement in every one.
 */
public final class NixVersion {
    private NixVersion() {}

    /** The version ({@code 2.34.8}), or one line saying why none could be read. */
    public static String of(NixInstall nix, Path parent) {
        try (TempStore store = new TempStore(nix, parent, List.of())) {
            TempStore.Result r = store.run(List.of(nix.nixStore().toString(), "--version"));
            if (!r.ok()) {
                return "no version (" + r.failure() + ")";
            }
            String out = r.out().strip();
            int space = out.lastIndexOf(' ');
            return space < 0 ? out : out.substring(space + 1);
        } catch (IOException e) {
            return "no version (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no version (interrupted)";
        }
    }
}
