package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Talking over an accepted connection: messages both ways in order, and end of file or a broken
 * pipe when one end closes or its process exits.
 */
class SocketTest {
    private final Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
    private final SocketFile file = new SocketFile(k, "/nix/var/nix/daemon-socket/socket");
    private final SimProcess daemon = k.newProcess("daemon");
    private final SimProcess client = k.newProcess("client");
    private final List<String> log = new ArrayList<>();

    private static void assertFault(Runnable r, String kind) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(kind));
    }

    @Test
    void messagesFlowBothWaysInOrder() {
        Listener l = file.bind(daemon);
        Connection.End c = file.connect(client);
        Connection.End s = l.accept(daemon);

        c.send("1");
        c.send("2");
        s.send("a");
        c.send(3);
        s.send("b");

        assertThat(s.receive()).isEqualTo("1");
        assertThat(s.receive()).isEqualTo("2");
        assertThat(s.receive()).isEqualTo(3);
        assertThat(c.receive()).isEqualTo("a");
        assertThat(c.receive()).isEqualTo("b");
        assertThat(c.readable().ready()).isFalse();
        assertThatThrownBy(c::receive).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWaitOnEitherEndSaysWhichSocketAndWhoIsOnTheOtherSide() {
        Listener l = file.bind(daemon);
        Connection.End c = file.connect(client);
        Connection.End s = l.accept(daemon);

        assertThat(c.readable().waitsFor()).isEqualTo("a reply on its connection to " + file.path());
        assertThat(s.readable().waitsFor()).isEqualTo("a request on " + file.path() + " from " + client.name());
    }

    @Test
    void peekingShowsTheNextMessageWithoutTakingItOrLeavingAFootprint() {
        Listener l = file.bind(daemon);
        Connection.End c = file.connect(client);
        Connection.End s = l.accept(daemon);
        assertThat(s.peekQuiet()).isNull();
        c.send("op");
        c.send("next");

        assertThat(s.peekQuiet()).isEqualTo("op");
        assertThat(s.peekQuiet()).isEqualTo("op");
        assertThat(s.receive()).isEqualTo("op");
        assertThat(s.peekQuiet()).isEqualTo("next");
        assertThat(s.receive()).isEqualTo("next");
        c.close();
        assertThat(s.peekQuiet()).as("end-of-file").isNull();
    }

    @Test
    void theServerKnowsItsPeerAndSeesTheHangUpEvenWithMessagesUnread() {
        Listener l = file.bind(daemon);
        Connection.End c = file.connect(client);
        Connection.End s = l.accept(daemon);
        Guard hup = s.hungUp();
        assertThat(s.peerProcess()).isSameAs(client);
        assertThat(c.peerProcess()).isSameAs(daemon);
        assertThat(hup.watches()).isEqualTo(s.readable().watches());
        assertThat(hup.waitsFor()).isEqualTo("its peer on " + file.path() + " to hang up");

        c.send("op");
        assertThat(hup.ready()).as("a message is not a hang-up").isFalse();
        client.exit();
        assertThat(hup.ready()).as("POLLHUP, with the op still unread").isTrue();
        assertThat(s.receive()).isEqualTo("op");
    }

    @Test
    void closingOneEndMakesThePeerReadEofAndFailToSendWithEpipe() {
        Listener l = file.bind(daemon);
        Connection.End c = file.connect(client);
        Connection.End s = l.accept(daemon);
        c.send("last words");

        c.close();
        c.close();

        assertThat(c.closed()).isTrue();
        assertThat(s.peerClosed()).isTrue();
        assertThat(s.readable().ready()).isTrue();
        assertThat(s.receive()).isEqualTo("last words");
        assertThat(s.receive()).isNull();
        assertThat(s.receive()).isNull();
        assertFault(() -> s.send("reply"), "EPIPE");
        assertFault(() -> c.send("after close"), "EPIPE");
    }

    @Test
    void exitingTheProcessOfAnEndMakesThePeerReadEof() {
        Listener l = file.bind(daemon);
        SimProcess worker = k.newProcess("worker");
        Connection.End c = file.connect(client);
        Connection.End s = l.accept(worker);

        worker.exit();

        assertThat(s.closed()).isTrue();
        assertThat(c.peerClosed()).isTrue();
        assertThat(c.receive()).isNull();
        assertFault(() -> c.send("anyone?"), "EPIPE");
        assertThat(l.closed()).isFalse(); // the listener belongs to the daemon, not the worker
    }

    @Test
    void exitingTheClientProcessMakesTheServerReadEof() {
        Listener l = file.bind(daemon);
        file.connect(client);
        Connection.End s = l.accept(daemon);

        client.exit();

        assertThat(s.receive()).isNull();
        assertFault(() -> s.send("reply"), "EPIPE");
    }

    @Test
    void aClientRetriesWhileRefusedAndTalksToTheDaemonOnceItListens() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        SocketFile socket = new SocketFile(k, "/socket");
        SimProcess daemon = k.newProcess("daemon");
        SimProcess client = k.newProcess("client");
        Listener[] listener = new Listener[1];
        Connection.End[] serverEnd = new Connection.End[1];
        Actor server = daemon.spawn("daemon", Script.of(
                self -> self.sleep(10),
                self -> {
                    listener[0] = socket.bind(daemon);
                    Listener stale = listener[0];
                    stale.close(); // a stale socket file: refused until the real listener binds
                    return self.sleep(10);
                },
                self -> {
                    listener[0] = socket.bind(daemon);
                    log.add("daemon listening");
                    return Control.YIELD;
                },
                self -> {
                    if (!listener[0].hasPending()) {
                        return Script.retryAfterWork(self, listener[0].pending());
                    }
                    serverEnd[0] = listener[0].accept(daemon);
                    return Control.YIELD;
                },
                self -> {
                    if (!serverEnd[0].readable().ready()) {
                        return Script.retryAfter(self, serverEnd[0].readable());
                    }
                    Object m = serverEnd[0].receive();
                    if (m == null) {
                        log.add("daemon sees EOF");
                        serverEnd[0].close();
                        return Script.yieldTo(self, 3);
                    }
                    serverEnd[0].send("re:" + m);
                    return Script.yieldTo(self, 4);
                }));
        Connection.End[] end = new Connection.End[1];
        Script clientScript = Script.of(
                self -> {
                    end[0] = socket.connect(client);
                    log.add("connected at " + self.kernel().now());
                    end[0].send("ping");
                    end[0].send("pong");
                    return Control.YIELD;
                },
                self -> {
                    if (!end[0].readable().ready()) {
                        return Script.retryAfter(self, end[0].readable());
                    }
                    log.add("client got " + end[0].receive());
                    return Control.YIELD;
                },
                self -> {
                    if (!end[0].readable().ready()) {
                        return Script.retryAfter(self, end[0].readable());
                    }
                    log.add("client got " + end[0].receive());
                    end[0].close();
                    return self.ret(null);
                },
                self -> {
                    log.add(((Script) self.top).caught.get(((Script) self.top).caught.size() - 1).kind()
                            + " at " + self.kernel().now());
                    ((Script) self.top).pc = 0;
                    return self.sleep(7);
                }).catching(f -> f.kind().startsWith("ECONN") || f.kind().equals("ENOENT"), 3);
        client.spawn("client", clientScript);

        Outcome o = k.run();

        assertThat(o.end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(log).containsExactly(
                "ENOENT at 0", "ENOENT at 7", "ECONNREFUSED at 14", "daemon listening", "connected at 21",
                "client got re:ping", "client got re:pong", "daemon sees EOF");
        assertThat(server.inServiceWait()).isTrue();
    }
}
