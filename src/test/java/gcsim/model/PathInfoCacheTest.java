package gcsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.TraceEvent;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioLoader;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process's own path-info cache (docs/model.md §1 item 7): registering a path puts a "valid" entry
 * into the registering store's cache, as {@code addValidPath} does, so a process with its own local
 * store answers "valid" for a path it added without asking the database again; a client of the
 * daemon drops its entry instead, as {@code RemoteStore::addToStoreFromDump} does.
 */
class PathInfoCacheTest {
    @TempDir
    Path dir;

    private List<String> trace(boolean viaDaemon) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                description: one process writes the same derivation twice
                store:
                  paths:
                    - {name: src, kind: source, size: 1K, present: true}
                  derivations:
                    - {name: d.drv, input-srcs: [src], outputs: [{name: d, size: 1K}]}
                processes:
                  - name: P
                    via-daemon: %s
                    ops: [{write-derivation: d.drv}, {write-derivation: d.drv}, exit]
                """.formatted(viaDaemon));
        Scenario s = ScenarioLoader.load(f);
        Variant baseline = VariantLoader.load(Path.of("scenarios/variants.yaml")).get(0);
        RunResult r = new Runner(s, baseline, 10_000).run(new Seeds(1), true);
        assertThat(r.failed()).as("%s", r.failure()).isFalse();
        return r.trace().stream().map(TraceEvent::text).toList();
    }

    private static long fromCache(List<String> trace) {
        return trace.stream().filter(t -> t.contains("isValidPath(d.drv) = true, from this process's cache")).count();
    }

    @Test
    void aClientOfTheDaemonForgetsItsWholeCacheWhenItsOwnCollectionReturns() throws Exception {
        Path f = dir.resolve("gc.yaml");
        Files.writeString(f, """
                description: a client fetches a source, checks it from its cache, collects, checks again
                store:
                  paths:
                    - {name: src, kind: source, size: 1K, present: false}
                processes:
                  - name: P
                    ops: [{builtins-path: src}, {builtins-path: src}, {collect-garbage: {}}, {builtins-path: src}, exit]
                """);
        Variant baseline = VariantLoader.load(Path.of("scenarios/variants.yaml")).get(0);
        RunResult r = new Runner(ScenarioLoader.load(f), baseline, 10_000).run(new Seeds(1), true);
        assertThat(r.failed()).as("%s", r.failure()).isFalse();
        long cached = r.trace().stream().map(TraceEvent::text)
                .filter(t -> t.contains("isValidPath(src) = true, from this process's cache")).count();

        assertThat(cached).as("only the second fetch, before the collection, answers from the cache").isEqualTo(1);
    }

    @Test
    void aLocalStoreAnswersValidFromItsCacheForAPathItRegisteredItself() throws Exception {
        assertThat(fromCache(trace(false))).isEqualTo(1);
    }

    @Test
    void aClientOfTheDaemonAsksAgainForAPathItAdded() throws Exception {
        assertThat(fromCache(trace(true))).isZero();
    }
}
