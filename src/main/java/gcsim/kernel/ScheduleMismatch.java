package gcsim.kernel;

/** A replayed schedule asks for a choice the execution cannot make: the model or the scenario changed. */
public final class ScheduleMismatch extends RuntimeException {
    public ScheduleMismatch(String message) {
        super(message, null, false, false);
    }
}
