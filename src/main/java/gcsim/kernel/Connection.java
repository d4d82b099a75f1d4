package gcsim.kernel;

import java.util.ArrayDeque;

/**
 * A connected stream socket pair carrying whole messages. Each side owns an {@link End}; closing
 * an end (explicitly or at its process's exit) makes the peer read end-of-file and makes the
 * peer's later sends fail with EPIPE.
 */
public final class Connection {
    private final Kernel kernel;
    private final int resource;
    private final End client;
    private final End server;
    @Derived("fixed when the connection is made: the socket's path, for a deadlock's explanation")
    private final String socket;

    Connection(Kernel kernel, SimProcess clientProcess, String socket) {
        this.kernel = kernel;
        this.resource = kernel.newResource();
        this.socket = socket;
        this.client = new End(clientProcess);
        this.server = new End(null);
    }

    End clientEnd() {
        return client;
    }

    End acceptBy(SimProcess p) {
        server.owner = p;
        p.own(server);
        return server;
    }

    void reset() {
        kernel.write(resource);
        server.closed = true;
    }

    /** One side of the connection. */
    public final class End implements SimProcess.Resource {
        private SimProcess owner;
        private final ArrayDeque<Object> inbox = new ArrayDeque<>(2);
        private boolean closed;
        @Derived("the guard object over inbox and the peer's closed flag, made once")
        private final Guard readable = new Readable();

        End(SimProcess owner) {
            this.owner = owner;
            if (owner != null) {
                owner.own(this);
            }
        }

        private End peer() {
            return this == client ? server : client;
        }

        /**
         * Ready when a message or end-of-file can be read: a class of its own rather than a lambda in
         * {@link Guard#watching}, so that the scheduler's every ask is one virtual call, not two.
         */
        private final class Readable extends Guard {
            Readable() {
                super(resource);
            }

            @Override
            public boolean ready() {
                return !inbox.isEmpty() || peer().closed;
            }

            @Override
            public String waitsFor() {
                return End.this == client ? "a reply on its connection to " + socket
                        : "a request on " + socket + " from " + client.owner.name();
            }
        }

        /** Ready when a message or end-of-file can be read. */
        public Guard readable() {
            return readable;
        }

        /**
         * Ready once the peer has closed its end: what {@code poll} reports as POLLHUP, whether or not
         * messages are still waiting to be read. Watches the connection, whose close writes it.
         */
        public Guard hungUp() {
            return Guard.watching(resource, () -> peer().closed, () -> "its peer on " + socket + " to hang up");
        }

        /** The process at the other end, as {@code SO_PEERCRED} gives it to an accepting server; null before an accept. */
        public SimProcess peerProcess() {
            return peer().owner;
        }

        /** Sends a message; throws a fault of kind EPIPE when the peer has closed. */
        public void send(Object message) {
            kernel.write(resource);
            if (closed || peer().closed) {
                throw new Fault("EPIPE", "writing to socket: Broken pipe");
            }
            peer().inbox.add(message);
        }

        /** Receives the next message, or null at end-of-file; call only when {@link #readable()}. */
        public Object receive() {
            kernel.write(resource);
            Object m = inbox.poll();
            if (m == null && !peer().closed) {
                throw new IllegalStateException("receive on a socket with nothing to read");
            }
            return m;
        }

        /**
         * The message the next {@link #receive} returns, or null (nothing yet, or end-of-file), read
         * without a footprint: for naming what a step is about ({@link Frame#subject}), never for a
         * step's own decisions.
         */
        public Object peekQuiet() {
            return inbox.peek();
        }

        public boolean peerClosed() {
            kernel.read(resource);
            return peer().closed;
        }

        public boolean closed() {
            return closed;
        }

        public void close() {
            if (!closed) {
                kernel.write(resource);
                closed = true;
                if (owner != null) {
                    owner.disown(this);
                }
            }
        }

        @Override
        public void closeOnExit(SimProcess p) {
            kernel.write(resource);
            closed = true;
        }
    }
}
