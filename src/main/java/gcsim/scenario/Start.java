package gcsim.scenario;

/** When a process starts: at a virtual time, or once another process has exited. */
public sealed interface Start {
    record At(long nanos) implements Start {}

    record After(String process) implements Start {}
}
