package gcsim.kernel;

/**
 * One line of an execution's trace: which actor did what at which step and virtual time.
 *
 * @param step the 1-based step that produced it (0 before the first step)
 * @param time virtual time in nanoseconds
 * @param actor the actor's name, or {@code clock} for a clock advance
 * @param text what happened, naming the modelled function and reference section
 * @param story true when the event belongs in the short story told for a failure
 */
public record TraceEvent(int step, long time, String actor, String text, boolean story) {}
