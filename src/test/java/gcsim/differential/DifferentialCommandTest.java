package gcsim.differential;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.cli.Main;
import gcsim.cli.Project;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gcsim differential} without Nix: how it finds nix-store, its bad-input answers, how it compares. */
class DifferentialCommandTest {

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Project.standard(Path.of("").toAbsolutePath()));
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aNixStorePathWithoutNixExitsWithTwoAndOneLine() {
        String[] r = run("differential", "--nix-store", "/nonexistent/bin/nix-store");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).isEmpty();
        assertThat(r[2]).isEqualTo("gcsim: --nix-store: no nix-store at '/nonexistent/bin/nix-store' (accepted: the nix-store"
                + " command, or its directory, with nix-instantiate and nix-build beside it)\n");
    }

    @Test
    void noNixStoreOnThePathIsNotFound() {
        assertThat(NixInstall.find(null, "/nonexistent:/also-missing")).isEmpty();
        assertThat(NixInstall.find(null, null)).isEmpty();
        assertThat(NixInstall.find("/bin/sh", null)).as("a command not named nix-store").isEmpty();
    }

    @Test
    void aBadHistoryCountIsBadInput() {
        String[] r = run("differential", "--histories", "0", "--nix-store", "/nonexistent");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).isEqualTo("gcsim: --histories: '0' is not positive (accepted: a positive whole number)\n");
    }

    @Test
    void outcomesThatDifferAreDescribedOnOneLineWithBothSides() {
        Outcome real = new Outcome(List.of("a", "b"), List.of("b"), List.of("a"), null);
        Outcome model = new Outcome(List.of("a", "b"), List.of(), List.of("a", "b"), null);

        String line = Differential.compare(real, model);

        assertThat(Differential.compare(real, real)).isNull();
        assertThat(line).isEqualTo("--print-dead: real [b], model [] (only real [b], only model []); left after --gc: real [a],"
                + " model [a, b] (only real [], only model [b])");
        assertThat(Differential.compare(Outcome.failed("nix-store exited 1: boom"), model))
                .isEqualTo("real: nix-store exited 1: boom | model: ran to its end");
    }

    @Test
    void storeEntriesAreComparedByTheirNameAfterTheHash() {
        assertThat(TempStore.shortName("a756z2kilvs03nij3xpga9l8vfvspnsz-hosts.drv")).isEqualTo("hosts.drv");
        assertThat(TempStore.shortName("a756z2kilvs03nij3xpga9l8vfvspnsz-pkg1-dev")).isEqualTo("pkg1-dev");
        assertThat(TempStore.shortName("tmp-123")).isEqualTo("tmp-123");
    }

    @Test
    void anUnknownNixVersionListsTheAcceptedOnes() {
        String[] r = run("differential", "--nix", "2.35");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).isEmpty();
        assertThat(r[2]).isEqualTo("gcsim: --nix: unknown version '2.35' (accepted: 2.8, 2.34)\n");
    }

    @Test
    void concurrentHistoriesNeedTheNixWithTheHooks() {
        String[] r = run("differential", "--concurrent");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).isEqualTo("gcsim: --concurrent: needs --nix 2.34 (accepted: 2.34; Nix 2.8 lacks the collector's"
                + " two test hooks)\n");
    }

    @Test
    void aCountOfHistoriesIsRefusedForTheFixedSetOfConcurrentOnes() {
        String[] r = run("differential", "--nix", "2.34", "--concurrent", "--histories", "3");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).isEqualTo("gcsim: --concurrent: runs its fixed set of concurrent histories, so --histories does not"
                + " apply (accepted with --concurrent: --nix 2.34, --chroot, --nix-store, --threads)\n");
    }

    @Test
    void aChrootWithoutNixIsBadInputThatSaysHowToMakeOne() {
        String[] r = run("differential", "--nix", "2.34", "--chroot", "/nonexistent/sid");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).isEqualTo("gcsim: --chroot: no Nix in '/nonexistent/sid' (accepted: a chroot made by sim/sid-nix"
                + " --dir DIR; run sim/sid-nix as root to make it)\n");
    }

    @Test
    void aChrootCommandSharesTheFolderAtTheSamePathAndRunsTheCommandInside() throws java.io.IOException {
        Path root = java.nio.file.Files.createTempDirectory("gcsim-root-");
        Path folder = Path.of("/tmp/gcsim-folder-test");

        List<String> line = ChrootCommand.wrap(root, folder, List.of("/usr/bin/nix-store", "--gc"));

        assertThat(line).startsWith("/usr/bin/unshare", "--mount", "--fork").endsWith(root.toString(), folder.toString(),
                "/usr/bin/nix-store", "--gc");
        assertThat(ChrootCommand.mountPoint(root, folder)).isEqualTo(root.resolve("tmp/gcsim-folder-test")).isDirectory();
        ChrootCommand.removeMountPoint(root, folder);
        assertThat(ChrootCommand.mountPoint(root, folder)).doesNotExist();
        TempStore.deleteTree(root);
    }
}
