package gcsim.kernel;

/** A guard that becomes ready when the virtual clock reaches its wake-up time. */
final class Timer extends Guard {
    private final Kernel kernel;
    private final long wake;

    Timer(Kernel kernel, long wake) {
        super(kernel.clockResource, wake, false);
        this.kernel = kernel;
        this.wake = wake;
    }

    @Override
    public boolean ready() {
        return kernel.now() >= wake;
    }

    /** A timer that, once ready, holds the clock at {@code closes} until its actor runs. */
    static final class Window extends Guard {
        private final Kernel kernel;
        private final long opens;
        private final long closes;

        Window(Kernel kernel, long opens, long closes) {
            super(kernel.clockResource, opens, true);
            this.kernel = kernel;
            this.opens = opens;
            this.closes = closes;
        }

        @Override
        public boolean ready() {
            return kernel.now() >= opens;
        }

        @Override
        public long latest() {
            return closes;
        }
    }
}
