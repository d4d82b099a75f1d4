package gcsim.kernel;

import java.util.ArrayList;
import java.util.List;

/** A small system exercising every primitive, for determinism and replay tests. */
final class Toys {
    private Toys() {}

    /** The trace as text, one line per event. */
    static String traceText(Kernel k) {
        StringBuilder sb = new StringBuilder();
        for (TraceEvent e : k.trace()) {
            sb.append(e.step()).append(' ').append(VirtualTime.format(e.time())).append(' ')
                    .append(e.actor()).append(": ").append(e.text()).append(e.story() ? " *" : "").append('\n');
        }
        return sb.toString();
    }

    /**
     * A daemon serving requests over a socket (a service loop), two clients that retry while the
     * socket is refused, take a shared flock and draw a data choice, and a collector that takes
     * the flock exclusively and sleeps.
     */
    static void build(Kernel k) {
        SocketFile socket = new SocketFile(k, "/nix/var/nix/daemon-socket/socket");
        Flock gcLock = new Flock(k);
        Mutex stateLock = new Mutex(k);
        int[] served = {0};

        SimProcess daemon = k.newProcess("daemon");
        Listener[] listener = new Listener[1];
        Connection.End[] serverEnd = new Connection.End[1];
        daemon.spawn("daemon", Script.of(
                self -> self.sleep(2_000_000),
                self -> {
                    listener[0] = socket.bind(daemon);
                    k.note("listening");
                    return Control.YIELD;
                },
                self -> {
                    if (!listener[0].hasPending()) {
                        return Script.retryAfterWork(self, listener[0].pending());
                    }
                    serverEnd[0] = listener[0].accept(daemon);
                    k.note("accepted");
                    return Control.YIELD;
                },
                self -> {
                    if (!serverEnd[0].readable().ready()) {
                        return Script.retryAfter(self, serverEnd[0].readable());
                    }
                    Object msg = serverEnd[0].receive();
                    if (msg != null) {
                        int v = k.choose(3);
                        serverEnd[0].send("re:" + msg + "#" + v);
                        k.story("served " + msg + " with " + v);
                        served[0]++;
                    }
                    serverEnd[0].close();
                    return Script.yieldTo(self, 2);
                }));
        daemon.spawn("daemon-stats", Script.of(
                Script.lockMutex(stateLock),
                self -> {
                    k.note("stats " + served[0]);
                    stateLock.unlock(self);
                    return self.sleep(1_000_000);
                },
                Script.lockMutex(stateLock),
                self -> {
                    k.note("stats " + served[0]);
                    stateLock.unlock(self);
                    return self.ret(null);
                }));

        for (String name : List.of("alice", "bob")) {
            SimProcess client = k.newProcess(name);
            Connection.End[] end = new Connection.End[1];
            OpenFile[] file = new OpenFile[1];
            List<Script.Step> steps = new ArrayList<>();
            steps.add(self -> { // 0
                end[0] = socket.connect(client);
                end[0].send(name);
                k.note("connected");
                return Control.YIELD;
            });
            steps.add(self -> { // 1
                if (!end[0].readable().ready()) {
                    return Script.retryAfter(self, end[0].readable());
                }
                k.note("reply " + end[0].receive());
                end[0].close();
                file[0] = new OpenFile(client, gcLock, name + "-gc.lock");
                return Control.YIELD;
            });
            steps.add(self -> { // 2
                if (!gcLock.canLock(file[0], false)) {
                    return Script.retryAfter(self, gcLock.lockable(file[0], false));
                }
                gcLock.lock(file[0], false);
                k.note("shared lock");
                return Control.YIELD;
            });
            steps.add(self -> { // 3
                file[0].close();
                k.note("closed");
                return self.ret(name);
            });
            steps.add(self -> { // 4: ECONNREFUSED / ENOENT handler
                k.note("refused, retrying");
                return Script.yieldTo(self, 5);
            });
            steps.add(self -> { // 5
                ((Script) self.top).pc = 0;
                return self.sleep(1_000_000 * (1 + k.choose(2)));
            });
            client.spawn(name, Script.of(steps).catching(f -> !f.kind().equals("EPIPE"), 4));
        }

        SimProcess gc = k.newProcess("gc");
        OpenFile gcFile = new OpenFile(gc, gcLock, "gc.lock");
        gc.spawn("gc", Script.of(
                Script.lockFlock(gcFile, true),
                self -> {
                    k.story("collecting");
                    return self.sleep(3_000_000);
                },
                self -> {
                    gcFile.close();
                    k.note("done");
                    return self.ret(null);
                }));
    }
}
