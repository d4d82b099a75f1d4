package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The collector windows of Nix master through the real entry point and scenario files: the window
 * #15992 closed fails before it and not after, the root made permanent after the roots scan still
 * fails on master, and with the master switches off the baseline race is found as quickly as before.
 */
class MasterScenariosEndToEndTest {
    private static final Project PROJECT = Project.standard(Path.of("").toAbsolutePath());

    private static Cli search(String scenario, String variant, String schedules) {
        return Cli.run(PROJECT, "search", "--scenario", scenario, "--variant", variant, "--strategy", "random", "--schedules", schedules);
    }

    @Test
    void withTheMasterSwitchesOffTheBaselineStillLosesHostsDrvInTheFirstSchedule() {
        Cli search = search("hosts-drv", "early-return", "1000");

        assertThat(search.code()).isEqualTo(1);
        assertThat(search.out()).contains("found in schedule 1 of 1000 (random", "deletes hosts.drv");
    }

    @Test
    void aTempRootForAPathVisitedBeforeItsReferrerIsLostBeforeTheRecheckAndKeptWithIt() {
        Cli before = search("collector-visited-referrer", "drv-only", "2000");
        Cli master = search("collector-visited-referrer", "nix-master", "2000");

        assertThat(before.code()).isEqualTo(1);
        assertThat(before.out()).containsPattern("error: path '/nix/store/[0-9a-z]{32}-lib' is not valid");
        assertThat(master.code()).as(master.out()).isZero();
        assertThat(master.out()).contains("no failure in 2000 schedules");
    }

    @Test
    void aRootMadePermanentAfterTheRootsScanIsLostOnMasterAndKeptWhenTempRootsAreReadFirst() {
        Cli master = search("perm-root-after-root-scan", "nix-master", "2000");
        Cli first = search("perm-root-after-root-scan", "master-temp-roots-first", "2000");

        assertThat(master.code()).isEqualTo(1);
        assertThat(master.out()).contains("registers permanent root /home/user/hello-drv", "deletes hello.drv",
                "-hello.drv' to be valid at the end, but it is gone");
        assertThat(first.code()).as(first.out()).isZero();
    }

    @Test
    void nixMasterFindsNoFailureOnHostsDrv() {
        Cli master = search("hosts-drv", "nix-master", "2000");

        assertThat(master.code()).as(master.out()).isZero();
    }
}
