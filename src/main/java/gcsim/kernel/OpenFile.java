package gcsim.kernel;

/**
 * An open file description: what flock(2) locks belong to. Two descriptions of the same file
 * conflict even inside one process, which is why Nix's collector opens gc.lock afresh (§2.7 G3).
 * Closing it, explicitly or at process exit, releases its lock.
 */
public final class OpenFile implements SimProcess.Resource {
    private final Flock lock;
    private final SimProcess owner;
    @Derived("a name for messages")
    private final String label;
    @Derived("a name for messages")
    private final int number;
    @Derived("a name for messages")
    private final String tail;
    private boolean closed;

    public OpenFile(SimProcess owner, Flock lock, String label) {
        this(owner, lock, label, -1, "");
    }

    /**
     * An open file whose label is {@code head + number + tail} ({@code head + tail} when {@code number}
     * is negative), put together only when it is printed: files are opened at steps of untraced runs,
     * which never print them.
     */
    public OpenFile(SimProcess owner, Flock lock, String head, int number, String tail) {
        this.owner = owner;
        this.lock = lock;
        this.label = head;
        this.number = number;
        this.tail = tail;
        owner.own(this);
    }

    public Flock lock() {
        return lock;
    }

    public SimProcess owner() {
        return owner;
    }

    public boolean closed() {
        return closed;
    }

    /** Closes the description, releasing any flock it holds. */
    public void close() {
        if (!closed) {
            closed = true;
            lock.unlock(this);
            owner.disown(this);
        }
    }

    @Override
    public void closeOnExit(SimProcess p) {
        if (!closed) {
            closed = true;
            lock.unlock(this);
        }
    }

    @Override
    public String toString() {
        return number < 0 ? label + tail : label + number + tail;
    }
}
