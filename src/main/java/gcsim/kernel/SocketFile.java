package gcsim.kernel;

/**
 * A Unix socket's name in the file system. The file and the listener are separate: the file
 * outlives the listening socket (§2.7 G13), so a connect finds one of three states — no file
 * (ENOENT), a file with no listener (ECONNREFUSED), or a listener that queues the connection.
 */
public final class SocketFile {
    private final Kernel kernel;
    private final int resource;
    private final String path;
    private boolean exists;
    private Listener listener;

    public SocketFile(Kernel kernel, String path) {
        this.kernel = kernel;
        this.resource = kernel.newResource();
        this.path = path;
    }

    public String path() {
        return path;
    }

    public boolean exists() {
        kernel.read(resource);
        return exists;
    }

    /** unlink + bind + listen: the file now names a fresh listening socket owned by {@code owner}. */
    public Listener bind(SimProcess owner) {
        kernel.write(resource);
        if (listener != null) {
            listener.close();
        }
        exists = true;
        listener = new Listener(kernel, this, owner);
        return listener;
    }

    /** The file as a finished server leaves it: present, with nobody listening (connect: ECONNREFUSED). */
    public void createWithoutListener() {
        kernel.write(resource);
        exists = true;
    }

    public void unlink() {
        kernel.write(resource);
        exists = false;
    }

    void listenerClosed(Listener l) {
        kernel.write(resource);
        if (listener == l) {
            listener = null;
        }
    }

    /**
     * connect(2). Throws a fault of kind ENOENT or ECONNREFUSED as the OS would; otherwise queues a
     * new connection in the listener's backlog and returns the client's end, owned by {@code client}.
     */
    public Connection.End connect(SimProcess client) {
        kernel.write(resource);
        if (!exists) {
            throw new Fault("ENOENT", "cannot connect to socket at '" + path + "': No such file or directory");
        }
        if (listener == null) {
            throw new Fault("ECONNREFUSED", "cannot connect to socket at '" + path + "': Connection refused");
        }
        return listener.enqueue(client);
    }
}
