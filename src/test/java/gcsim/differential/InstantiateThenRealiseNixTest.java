package gcsim.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The coarse counterexample replayed on real Nix 2.8, next to gcsim's verdicts on the same two
 * scenarios under {@code nix-2.8}: {@code nix-store -r $(nix-instantiate …)} with a collection between
 * the two commands loses the drv, and the {@code --add-root} twin keeps it. 2.8 says "cannot build
 * missing derivation", gcsim's baseline text is "failed to obtain derivation of …"; the failure kind
 * {@code missing-derivation} covers both.
 */
@Tag("nix")
class InstantiateThenRealiseNixTest {
    private static final String BUILD_ON_CHROOT_STORE = "/bin=/usr/bin /usr /lib=/usr/lib /lib64=/usr/lib64";

    @Test
    void withoutAddRootTheCollectionLosesTheDrvAndWithItTheBuildSucceedsOnRealNixAsInGcsim() throws Exception {
        NixInstall nix = NixTests.nixOrSkip();
        NixGuard guard = NixGuard.system();
        TempStore.Result plain = instantiateCollectRealise(nix, false);
        TempStore.Result rooted = instantiateCollectRealise(nix, true);
        NixTests.Verdict gcsimPlain = NixTests.search("instantiate-then-realise", "nix-2.8", 2000);
        NixTests.Verdict gcsimRooted = NixTests.search("instantiate-add-root-then-realise", "nix-2.8", 2000);

        System.out.println("instantiate-then-realise:          real Nix 2.8 exit " + plain.code() + ": "
                + lastLine(plain.err()) + " | gcsim nix-2.8: " + gcsimPlain);
        System.out.println("instantiate-add-root-then-realise: real Nix 2.8 exit " + rooted.code() + ": "
                + lastLine(rooted.out()) + " | gcsim nix-2.8: " + gcsimRooted);
        assertThat(plain.code()).isNotZero();
        assertThat(plain.err()).containsPattern(
                "cannot build missing derivation '/nix/store/[0-9abcdfghijklmnpqrsvwxyz]{32}-hosts\\.drv'");
        assertThat(rooted.code()).as(rooted.err()).isZero();
        assertThat(rooted.out()).containsPattern("/nix/store/[0-9abcdfghijklmnpqrsvwxyz]{32}-hosts\n");
        assertThat(gcsimPlain.verdict()).as("gcsim's verdict on instantiate-then-realise").isEqualTo("fail");
        assertThat(gcsimRooted.verdict()).as("gcsim's verdict on the --add-root twin").isEqualTo("pass");
        assertThat(NixGuard.system()).as("the machine's /nix").isEqualTo(guard);
    }

    /**
     * nix-instantiate (with or without --add-root), which exits; nix-store --gc; nix-store -r of the drv.
     * Returns the last command's result.
     */
    private static TempStore.Result instantiateCollectRealise(NixInstall nix, boolean addRoot) throws Exception {
        try (TempStore store = new TempStore(nix, NixTests.TMP, List.of("--option", "substituters", ""), true)) {
            Path expr = store.dir().resolve("x/hosts.nix");
            Files.writeString(expr, "{ hosts = derivation { name = \"hosts\"; system = builtins.currentSystem;"
                    + " builder = \"/bin/sh\"; args = [ \"-c\" \"echo hosts > $out\" ]; }; }\n", StandardCharsets.UTF_8);
            List<String> args = new ArrayList<>(List.of(expr.toString(), "-A", "hosts"));
            if (addRoot) {
                args.addAll(List.of("--add-root", store.dir().resolve("r/hosts-drv").toString()));
            }
            TempStore.Result inst = store.nix(nix.nixInstantiate(), args);
            assertThat(inst.code()).as(inst.err()).isZero();
            String drv = store.logicalStoreDir() + "/" + storeEntry(store, ".drv");
            TempStore.Result gc = store.nix(nix.nixStore(), List.of("--gc"));
            assertThat(gc.code()).as(gc.err()).isZero();
            return store.nix(nix.nixStore(), List.of("-r", drv, "--option", "sandbox-paths", BUILD_ON_CHROOT_STORE));
        }
    }

    private static String storeEntry(TempStore store, String suffix) throws Exception {
        try (var s = Files.list(store.storeDir())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).findFirst().orElseThrow();
        }
    }

    private static String lastLine(String s) {
        return s.strip().lines().reduce((a, b) -> b).orElse("");
    }
}
