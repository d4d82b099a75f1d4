package gcsim.kernel;

/** Called by the kernel after every step; may call {@link Kernel#stop} to end the execution (the oracles). */
public interface Observer {
    void afterStep(Kernel kernel, Actor actor);
}
