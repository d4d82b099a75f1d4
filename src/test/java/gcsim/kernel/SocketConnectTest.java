package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Connecting to the daemon's socket file: what a client sees when nobody listens, how connections
 * queue until accepted, and what closing or replacing a listener does to its backlog.
 */
class SocketConnectTest {
    private final Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
    private final SocketFile file = new SocketFile(k, "/nix/var/nix/daemon-socket/socket");
    private final SimProcess daemon = k.newProcess("daemon");
    private final SimProcess client = k.newProcess("client");

    private static void assertFault(Runnable r, String kind) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(kind));
    }

    @Test
    void connectingWithoutASocketFileFaultsWithEnoent() {
        assertThat(file.exists()).isFalse();
        assertThatThrownBy(() -> file.connect(client)).isInstanceOfSatisfying(Fault.class, f -> {
            assertThat(f.kind()).isEqualTo("ENOENT");
            assertThat(f.getMessage()).contains("/nix/var/nix/daemon-socket/socket").contains("No such file");
        });
        assertThat(file.path()).isEqualTo("/nix/var/nix/daemon-socket/socket");
    }

    @Test
    void connectingToAFileWhoseListenerClosedFaultsWithEconnrefused() {
        Listener l = file.bind(daemon);
        l.close();

        assertThat(l.closed()).isTrue();
        assertThatThrownBy(() -> file.connect(client)).isInstanceOfSatisfying(Fault.class, f -> {
            assertThat(f.kind()).isEqualTo("ECONNREFUSED");
            assertThat(f.getMessage()).contains("Connection refused");
        });
    }

    @Test
    void aSocketFileLeftByAFinishedServerRefusesConnections() {
        file.createWithoutListener();

        assertThat(file.exists()).isTrue();
        assertFault(() -> file.connect(client), "ECONNREFUSED");
    }

    @Test
    void connectingAfterTheListenersProcessExitedFaultsWithEconnrefused() {
        file.bind(daemon);
        daemon.exit();

        assertFault(() -> file.connect(client), "ECONNREFUSED");
    }

    @Test
    void theSocketFileOutlivesItsListener() {
        Listener l = file.bind(daemon);
        l.close();

        assertThat(file.exists()).isTrue();
        file.unlink();
        assertThat(file.exists()).isFalse();
        assertFault(() -> file.connect(client), "ENOENT");
    }

    @Test
    void anUnlinkedSocketFileCannotBeConnectedEvenWithItsListenerOpen() {
        Listener l = file.bind(daemon);
        file.unlink();

        assertFault(() -> file.connect(client), "ENOENT");
        assertThat(l.closed()).isFalse();
    }

    @Test
    void aConnectionIsQueuedUntilAccepted() {
        Listener l = file.bind(daemon);
        assertThat(l.hasPending()).isFalse();
        assertThat(l.pending().ready()).isFalse();

        Connection.End c = file.connect(client);

        assertThat(l.hasPending()).isTrue();
        assertThat(l.pending().ready()).isTrue();
        Connection.End s = l.accept(daemon);
        assertThat(l.hasPending()).isFalse();
        c.send("hello");
        assertThat(s.readable().ready()).isTrue();
        assertThat(s.receive()).isEqualTo("hello");
    }

    @Test
    void connectionsAreAcceptedInArrivalOrder() {
        Listener l = file.bind(daemon);
        SimProcess other = k.newProcess("other");
        Connection.End first = file.connect(client);
        Connection.End second = file.connect(other);
        first.send("first");
        second.send("second");

        assertThat(l.accept(daemon).receive()).isEqualTo("first");
        assertThat(l.accept(daemon).receive()).isEqualTo("second");
    }

    @Test
    void acceptingWithAnEmptyBacklogIsAModelBug() {
        Listener l = file.bind(daemon);

        assertThatThrownBy(() -> l.accept(daemon)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingAListenerResetsItsQueuedConnections() {
        Listener l = file.bind(daemon);
        Connection.End c = file.connect(client);

        l.close();

        assertThat(l.hasPending()).isFalse();
        assertThat(c.peerClosed()).isTrue();
        assertThat(c.readable().ready()).isTrue();
        assertThat(c.receive()).isNull();
        assertFault(() -> c.send("request"), "EPIPE");
    }

    @Test
    void exitingTheListenersProcessResetsItsQueuedConnections() {
        Listener l = file.bind(daemon);
        Connection.End c = file.connect(client);

        daemon.exit();

        assertThat(l.closed()).isTrue();
        assertThat(c.receive()).isNull();
    }

    @Test
    void anAcceptedConnectionSurvivesItsListenerClosing() {
        Listener l = file.bind(daemon);
        SimProcess worker = k.newProcess("worker");
        Connection.End c = file.connect(client);
        Connection.End s = l.accept(worker);

        l.close();

        c.send("still here");
        assertThat(s.receive()).isEqualTo("still here");
        assertThat(c.peerClosed()).isFalse();
    }

    @Test
    void bindingAgainReplacesTheListenerAndResetsTheOldBacklog() {
        Listener old = file.bind(daemon);
        Connection.End queued = file.connect(client);
        SimProcess newDaemon = k.newProcess("new daemon");

        Listener fresh = file.bind(newDaemon);
        Connection.End next = file.connect(client);

        assertThat(old.closed()).isTrue();
        assertThat(queued.receive()).isNull();
        assertThat(fresh.hasPending()).isTrue();
        assertThat(fresh.accept(newDaemon)).isNotNull();
        assertThat(next.peerClosed()).isFalse();
        daemon.exit(); // the old daemon's exit must not close the fresh listener
        assertThat(fresh.closed()).isFalse();
    }

    @Test
    void aClosedListenerIsNotClosedAgainAtExit() {
        Listener l = file.bind(daemon);
        l.close();
        Listener fresh = file.bind(client);

        daemon.exit();

        assertThat(fresh.closed()).isFalse();
        assertThat(file.connect(daemon)).isNotNull();
    }
}
