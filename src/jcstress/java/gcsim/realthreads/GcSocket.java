package gcsim.realthreads;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code <state>/gc-socket/socket} (§1 item 5): someone listens on it only while a collector runs,
 * from G5 to G13. A client connects, sends one path and blocks until the collector's thread T for
 * its connection acknowledges it; T records the root first and holds the acknowledgement back while
 * that path is {@code pending}, being deleted (§2.7, thread T).
 *
 * <p>Each root is sent on a connection of its own, so T handles one line and ends; a real client
 * keeps its connection, which changes nothing here because T handles its lines one at a time. The
 * T threads come from a pool, since starting a fresh thread per connection would dominate a trial.
 */
final class GcSocket {
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gc-socket-T");
        t.setDaemon(true);
        return t;
    });

    /** The listener, or null: ECONNREFUSED (or ENOENT before the first collection). */
    private volatile Server listener;

    /** The collector's {@code Shared} state, under its mutex; {@code wakeup} is its monitor. */
    static final class Shared {
        final Set<String> tempRoots = new HashSet<>();
        String pending;

        /** B0 / B9.2d: reset {@code pending} and wake every T waiting on it. */
        synchronized void resetPending() {
            pending = null;
            notifyAll();
        }
    }

    /** One collector's listening socket with its T threads. */
    static final class Server {
        private final Shared shared;
        private final List<Future<?>> clients = new ArrayList<>();
        private boolean closed;

        private Server(Shared shared) {
            this.shared = shared;
        }

        /** S2: accept a connection and start T for it; null once the server has stopped. */
        private synchronized CompletableFuture<Void> accept(String path) {
            if (closed) {
                return null;
            }
            CompletableFuture<Void> ack = new CompletableFuture<>();
            clients.add(THREADS.submit(() -> serve(path, ack)));
            return ack;
        }

        /** T: record the root, wait while it is the pending path, then acknowledge. */
        private void serve(String path, CompletableFuture<Void> ack) {
            synchronized (shared) {
                shared.tempRoots.add(path); // T.2
                while (path.equals(shared.pending)) { // T.3 ⟂
                    try {
                        shared.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        ack.completeExceptionally(e);
                        return;
                    }
                }
            }
            ack.complete(null); // T.4 write "1" ⟂
        }

        private void stop() {
            List<Future<?>> joined;
            synchronized (this) {
                closed = true;
                joined = new ArrayList<>(clients);
            }
            for (Future<?> f : joined) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a socket thread failed", e.getCause());
                }
            }
        }
    }

    /** G5–G6: bind, listen and start the server thread. */
    Server listen(Shared shared) {
        Server s = new Server(shared);
        listener = s;
        return s;
    }

    /** G13 steps 1–2: stop the server, joining its client threads; the socket file stays. */
    void stop(Server s) {
        listener = null;
        s.stop();
    }

    /**
     * §2.6 steps 5–7: connect, send the path, wait for the acknowledgement.
     *
     * @return false on ECONNREFUSED, ENOENT or EOF, where the caller starts again
     */
    boolean sendRoot(String path) {
        Server s = listener; // 5: connect ⟂
        CompletableFuture<Void> ack = s == null ? null : s.accept(path); // 6: send ⟂
        if (ack == null) {
            return false;
        }
        try {
            ack.get(); // 6: wait for the ack ⟂
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the collector's ack", e);
        } catch (ExecutionException e) {
            return false; // 7: EOF
        }
    }
}
