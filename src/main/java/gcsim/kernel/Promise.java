package gcsim.kernel;

/** A one-shot value that threads can wait for: the shared future of an auto-GC run (§2.9 step 9). */
public final class Promise<T> extends Guard {
    private final Kernel kernel;
    private final int resource;
    private boolean fulfilled;
    private T value;

    public Promise(Kernel kernel) {
        super(kernel.newResource());
        this.kernel = kernel;
        this.resource = watches();
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

    public T get() {
        kernel.read(resource);
        if (!fulfilled) {
            throw new IllegalStateException("promise read before it was fulfilled");
        }
        return value;
    }
}
