package gcsim.model;

import static gcsim.model.Probe.dependent;
import static gcsim.model.ScenarioBuilder.at;
import static org.assertj.core.api.Assertions.assertThat;

import gcsim.kernel.SimProcess;
import gcsim.scenario.Op;
import gcsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A world as the scenario sets it up (roots, the fetcher cache, the GC socket, the processes) and
 * its fingerprint, which the exhaustive search uses to count distinct end states: each part of the
 * store and state directory it covers must change it.
 */
class WorldTest {
    private static ScenarioBuilder base() {
        return new ScenarioBuilder()
                .source("lib", 1024, true)
                .source("app", 2048, true, "lib")
                .source("extra", 4096, true)
                .gcroot("app", "app")
                .profile("default", "lib")
                .indirect("/home/user/result", "extra")
                .cached("user", "lib");
    }

    private static int id(World w, String name) {
        return w.layout.id(name);
    }

    @Test
    void theScenariosRootsAreLinksUnderGcrootsProfilesAndGcrootsAuto() {
        World w = Probe.run(base().build());

        assertThat(WorldState.of(w, 0).roots()).containsExactly("gcroots/app → app", "profiles/default → lib",
                "/home/user/result → extra");
        assertThat(w.roots.walkGcroots()).extracting(Roots.Entry::name)
                .containsExactly("gcroots/app", "gcroots/auto/" + Roots.autoName("/home/user/result"));
        assertThat(w.roots.walkProfiles()).extracting(Roots.Entry::name).containsExactly("profiles/default");
        assertThat(w.roots.linkTarget("/home/user/result")).isEqualTo(id(w, "extra"));
        assertThat(w.roots.directTarget("profiles/default")).isEqualTo(id(w, "lib"));
    }

    @Test
    void aFetcherCacheLookupDependsOnAnotherProcesssRecordButNotOnAnotherLookup() {
        // the user's SQLite file is shared state: without this the exhaustive search's reduction could
        // treat F2's lookup in one process and F3's record in another as independent
        int[] ids = new int[2];
        World w = Probe.run(base().build(),
                x -> ids[0] = id(x, "lib"),
                x -> x.fetcherCacheHas("user", ids[0]),
                x -> x.addToFetcherCache("user", id(x, "app")),
                x -> x.fetcherCacheHas("user", ids[0]));

        assertThat(dependent(w, 1, 2)).as("a lookup and a record").isTrue();
        assertThat(dependent(w, 1, 3)).as("two lookups").isFalse();
    }

    @Test
    void theFetcherCacheIsPerUserAndGrowsAsPathsAreFetched() {
        World w = Probe.run(base().build());
        int lib = id(w, "lib");
        int app = id(w, "app");

        assertThat(w.fetcherCacheHas("user", lib)).isTrue();
        assertThat(w.fetcherCacheHas("user", app)).isFalse();
        assertThat(w.fetcherCacheHas("root", lib)).as("another user's cache").isFalse();

        w.addToFetcherCache("root", app);

        assertThat(w.fetcherCacheHas("root", app)).isTrue();
        assertThat(w.fetcherCacheHas("root", lib)).isFalse();
    }

    @Test
    void theGcSocketFileExistsUnlessTheStateDirectoryIsFresh() {
        assertThat(Probe.run(base().build()).gcSocket.exists()).isTrue();
        assertThat(Probe.run(base().noGcSocket().build()).gcSocket.exists()).isFalse();
    }

    @Test
    void onlyTheScenariosOwnProcessesAreClientsAndADaemonRunsOnlyForDaemonClients() {
        Scenario s = base()
                .process("local", false, at(0), new Op.Exit(ScenarioBuilder.P))
                .process("remote", true, at(0), new Op.Exit(ScenarioBuilder.P))
                .build();
        World w = Probe.run(s);

        List<String> clients = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (SimProcess p : w.kernel.processes()) {
            all.add(p.name());
            if (w.isClient(p)) {
                clients.add(p.name());
            }
        }
        assertThat(clients).containsExactly("local", "remote");
        assertThat(all).contains("nix-daemon", "probe");
        assertThat(w.process("local").name()).isEqualTo("local");

        World noDaemon = Probe.run(base().process("local", false, at(0), new Op.Exit(ScenarioBuilder.P)).build());
        assertThat(noDaemon.kernel.processes()).extracting(SimProcess::name).doesNotContain("nix-daemon");
    }

    @Test
    void signallingAnEventIsAStepThatWritesTheEvents() {
        World w = Probe.run(base().build(),
                x -> x.signal("one"), // 0
                x -> x.store.exists(id(x, "lib")), // 1
                x -> x.signal("two")); // 2

        assertThat(w.signalled("one").ready()).isTrue();
        assertThat(w.signalled("three").ready()).isFalse();
        assertThat(dependent(w, 0, 2)).isTrue();
        assertThat(dependent(w, 0, 1)).isFalse();
    }

    @Test
    void theFingerprintIsTheSameForTheSameStateAndChangesWithEachPartOfIt() {
        List<Consumer<World>> changes = List.of(
                x -> x.db.invalidateChecked(id(x, "extra")),
                x -> x.store.delete(id(x, "extra")),
                x -> x.store.openOrCreateLock(id(x, "extra")),
                x -> x.store.setFree(12345),
                x -> x.roots.addDirect("gcroots/more", id(x, "extra")),
                x -> x.roots.direct.put("gcroots/app", id(x, "lib")),
                x -> x.roots.addIndirect("/home/user/other"),
                x -> x.roots.makeLink("/home/user/result", id(x, "lib")),
                x -> x.tempRoots.openOrCreate(77),
                x -> x.tempRoots.openOrCreate(78),
                x -> x.tempRoots.openOrCreate(77).paths.add(id(x, "lib")),
                x -> x.tempRoots.openOrCreate(77).paths.add(id(x, "app")),
                x -> x.signal("ready"),
                x -> x.signal("done"));
        Scenario s = base().build();
        long unchanged = Probe.run(s).fingerprint();

        assertThat(Probe.run(s).fingerprint()).as("a fresh world of the same scenario").isEqualTo(unchanged);
        Set<Long> seen = new LinkedHashSet<>();
        seen.add(unchanged);
        for (int i = 0; i < changes.size(); i++) {
            long f = Probe.run(s, changes.get(i)).fingerprint();
            assertThat(seen.add(f)).as("change %d gives a fingerprint of its own", i).isTrue();
        }
        World both = Probe.run(s, changes.get(0), changes.get(1));
        assertThat(seen).as("two changes together").doesNotContain(both.fingerprint());
    }
}
