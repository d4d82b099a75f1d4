package gcsim.kernel;

/** A guard that becomes ready when the virtual clock reaches its wake-up time. */
final class Timer implements Guard {
    private final Kernel kernel;
    private final long wake;

    Timer(Kernel kernel, long wake) {
        this.kernel = kernel;
        this.wake = wake;
    }

    @Override
    public boolean ready() {
        return kernel.now() >= wake;
    }

    @Override
    public long deadline() {
        return wake;
    }

    @Override
    public int watches() {
        return kernel.clockResource();
    }
}
