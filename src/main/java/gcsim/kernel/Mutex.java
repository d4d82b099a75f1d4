package gcsim.kernel;

/**
 * A mutex between threads of one process. Held across a scheduling point it makes other threads
 * wait, which is how 2.8's addTempRoot can deadlock against its own auto-GC (§2.6).
 */
public final class Mutex {
    private final Kernel kernel;
    private final int resource;
    @Derived("fixed when the mutex is made: its name in a deadlock's explanation")
    private final String label;
    private Actor holder;
    @Derived("the guard object over holder, made once")
    private final Guard free;

    public Mutex(Kernel kernel) {
        this(kernel, "a mutex");
    }

    /** @param label what the mutex is, for a deadlock's explanation ("the store's state mutex") */
    public Mutex(Kernel kernel, String label) {
        this.kernel = kernel;
        this.resource = kernel.newResource();
        this.label = label;
        this.free = new Free();
    }

    /** Ready when nobody holds the mutex; a class, not a lambda, for one virtual call per ask. */
    private final class Free extends Guard {
        Free() {
            super(resource);
        }

        @Override
        public boolean ready() {
            return holder == null;
        }

        @Override
        public String waitsFor() {
            return holder == null ? null : label + ", held by " + holder.name();
        }
    }

    /** The guard of a blocking lock call. */
    public Guard free() {
        return free;
    }

    public boolean isFree() {
        return holder == null;
    }

    public Actor holder() {
        return holder;
    }

    public void lock(Actor a) {
        kernel.write(resource);
        if (holder != null && holder != a) {
            throw new IllegalStateException("mutex taken while held by " + holder);
        }
        holder = a;
    }

    public void unlock(Actor a) {
        kernel.write(resource);
        if (holder != a) {
            throw new IllegalStateException(a + " unlocks a mutex held by " + holder);
        }
        holder = null;
    }
}
