package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Names of processes and threads made of a head and a number ({@code worker-3}) or of their
 * process's name ({@code worker-3/gc-client-1}), which the kernel puts together only when asked,
 * since untraced executions start such threads at their steps and never print them.
 */
class NamesTest {
    private final Kernel k = new Kernel(FixedStrategy.lowest(), 100);

    @Test
    void aNumberedProcessIsNamedByItsHeadAndNumberZeroIncluded() {
        assertThat(k.newProcess("worker-", 0).name()).isEqualTo("worker-0");
        assertThat(k.newProcess("worker-", 3).name()).isEqualTo("worker-3");
        assertThat(k.newProcess("nix-daemon", -1).name()).isEqualTo("nix-daemon");
        assertThat(k.newProcess("client").name()).isEqualTo("client");
    }

    @Test
    void aThreadStartedWithATailIsNamedAfterItsProcess() {
        SimProcess worker = k.newProcess("worker-", 2);

        Actor server = worker.spawnNamed("/gc-server", -1, Script.of(self -> Control.YIELD));
        Actor client = worker.spawnNamed("/gc-client-", 0, Script.of(self -> Control.YIELD));
        Actor named = worker.spawn("main", Script.of(self -> Control.YIELD));

        assertThat(server.name()).isEqualTo("worker-2/gc-server");
        assertThat(client.name()).isEqualTo("worker-2/gc-client-0");
        assertThat(named.name()).isEqualTo("main");
        assertThat(server.name()).isSameAs(server.name()); // put together once
        assertThat(worker.threads).containsExactly(server, client, named);
    }
}
