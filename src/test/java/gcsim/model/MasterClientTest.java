package gcsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.TraceEvent;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioException;
import gcsim.scenario.ScenarioLoader;
import gcsim.variant.SrcMemo;
import gcsim.variant.Switches;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client-side master switches on one process with no collector, so every schedule does the same:
 * S8's per-connection temp-root dedup and S4's process-wide source memo.
 */
class MasterClientTest {
    @TempDir
    Path dir;

    private Scenario scenario(String ops) throws IOException, ScenarioException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                description: d
                store:
                  paths:
                    - {name: src, kind: source, size: 1K, present: false}
                processes:
                  - name: P
                    ops:
                """ + ops);
        return ScenarioLoader.load(f);
    }

    private static Variant variant(String id) throws ScenarioException {
        return VariantLoader.load(Path.of("scenarios/variants.yaml")).stream().filter(v -> v.id().equals(id))
                .findFirst().orElseThrow();
    }

    private static Variant withMemo(Variant v, SrcMemo memo) {
        Switches s = v.switches();
        return new Variant(v.id() + "-" + memo.key(), "", new Switches(s.writeDerivation(), s.fetchCacheTempRoot(),
                s.callerRoots(), s.tempRootClient(), s.pathInUse(), s.gcDeleteRecheck(), memo, s.tempRootDedup(),
                s.addRecheckUncached(), s.autoGcThread(), s.gcRootOrder(), s.copyTempRoots(), s.buildInputTempRoots(),
                s.importDrvRoot()));
    }

    private static List<String> trace(Scenario s, Variant v) {
        RunResult r = new Runner(s, v, 10_000).run(new Seeds(1), true);
        assertThat(r.failed()).as("%s", r.failure()).isFalse();
        return r.trace().stream().map(TraceEvent::text).toList();
    }

    private static long count(List<String> trace, String text) {
        return trace.stream().filter(t -> t.contains(text)).count();
    }

    @Test
    void aRepeatedTempRootOnOneConnectionSkipsTheRoundTripUntilTheConnectionIsDropped() throws Exception {
        Scenario s = scenario("""
                      - add-temp-root: src
                      - add-temp-root: src
                      - reconnect
                      - add-temp-root: src
                """);

        List<String> master = trace(s, variant("nix-master"));
        assertThat(count(master, "already pinned on this connection")).isEqualTo(1);
        assertThat(count(master, "temp-roots src")).as("roots taken by a worker").isEqualTo(2);

        List<String> baseline = trace(s, variant("early-return"));
        assertThat(count(baseline, "already pinned")).isZero();
        assertThat(count(baseline, "temp-roots src")).isEqualTo(3);
    }

    @Test
    void builtinsPathSharesThePathLiteralsMemoOnlyWhenTheMemoIsPerProcess() throws Exception {
        Scenario s = scenario("""
                      - fetch-to-store: src
                      - builtins-path: src
                """);
        Variant master = variant("nix-master");

        List<String> perProcess = trace(s, master);
        assertThat(count(perProcess, "srcToStore map; no new root")).isEqualTo(1);

        List<String> perEvalState = trace(s, withMemo(master, SrcMemo.PER_EVAL_STATE));
        assertThat(count(perEvalState, "srcToStore map")).isZero();
        assertThat(count(perEvalState, "fetcher-cache hit for src")).as("builtins.path goes to the fetcher cache").isEqualTo(1);
    }

    @Test
    void aBuiltinsPathCacheHitFillsThePathLiteralsMemoOnlyWhenTheMemoIsPerProcess() throws Exception {
        Scenario s = scenario("""
                      - builtins-path: src
                      - builtins-path: src
                      - fetch-to-store: src
                """);
        Variant master = variant("nix-master");

        assertThat(count(trace(s, master), "srcToStore map; no new root")).isEqualTo(2);
        List<String> perEvalState = trace(s, withMemo(master, SrcMemo.PER_EVAL_STATE));
        assertThat(count(perEvalState, "srcToStore map")).isZero();
        assertThat(count(perEvalState, "fetcher-cache hit for src")).isEqualTo(2);
    }
}
