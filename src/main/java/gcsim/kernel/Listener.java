package gcsim.kernel;

import java.util.ArrayDeque;

/** A listening socket with its backlog; accepted in arrival order. */
public final class Listener implements SimProcess.Resource {
    private final Kernel kernel;
    private final int resource;
    private final SocketFile file;
    private final SimProcess owner;
    private final ArrayDeque<Connection> backlog = new ArrayDeque<>(4);
    private boolean closed;
    @Derived("the guard object over backlog, made once")
    private final Guard pending;

    Listener(Kernel kernel, SocketFile file, SimProcess owner) {
        this.kernel = kernel;
        this.resource = kernel.newResource();
        this.pending = new Pending();
        this.file = file;
        this.owner = owner;
        owner.own(this);
    }

    Connection.End enqueue(SimProcess client) {
        kernel.write(resource);
        Connection c = new Connection(kernel, client, file.path());
        backlog.add(c);
        return c.clientEnd();
    }

    /** Ready when a connection waits to be accepted; a class, not a lambda, for one virtual call per ask. */
    private final class Pending extends Guard {
        Pending() {
            super(resource);
        }

        @Override
        public boolean ready() {
            return !backlog.isEmpty();
        }
    }

    /** Ready when a connection waits to be accepted. */
    public Guard pending() {
        return pending;
    }

    public boolean hasPending() {
        kernel.read(resource);
        return !backlog.isEmpty();
    }

    /** accept(2): the server's end of the oldest queued connection, owned by {@code server}. */
    public Connection.End accept(SimProcess server) {
        kernel.write(resource);
        Connection c = backlog.poll();
        if (c == null) {
            throw new IllegalStateException("accept with an empty backlog");
        }
        return c.acceptBy(server);
    }

    public boolean closed() {
        return closed;
    }

    /** Closes the listening socket; queued connections are reset. The file stays. */
    public void close() {
        if (closed) {
            return;
        }
        kernel.write(resource);
        closed = true;
        owner.disown(this);
        file.listenerClosed(this);
        for (Connection c = backlog.pollFirst(); c != null; c = backlog.pollFirst()) {
            c.reset();
        }
    }

    @Override
    public void closeOnExit(SimProcess p) {
        close();
    }
}
