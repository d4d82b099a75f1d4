package gcsim.kernel;

/** A one-shot value that threads can wait for: the shared future of an auto-GC run (§2.9 step 9). */
public final class Promise<T> extends Guard {
    private final Kernel kernel;
    private final int resource;
    @Derived("fixed when the promise is made: its name in a deadlock's explanation")
    private final String label;
    private boolean fulfilled;
    private T value;

    public Promise(Kernel kernel) {
        this(kernel, "a promise");
    }

    /** @param label what the promise is, for a deadlock's explanation ("the future of its auto-GC") */
    public Promise(Kernel kernel, String label) {
        super(kernel.newResource());
        this.kernel = kernel;
        this.resource = watches();
        this.label = label;
    }

    public void fulfil(T v) {
        kernel.write(resource);
        value = v;
        fulfilled = true;
    }

    @Override
    public boolean ready() {
        return fulfilled;
    }

    @Override
    public String waitsFor() {
        return fulfilled ? null : label;
    }

    public T get() {
        kernel.read(resource);
        if (!fulfilled) {
            throw new IllegalStateException("promise read before it was fulfilled");
        }
        return value;
    }
}
