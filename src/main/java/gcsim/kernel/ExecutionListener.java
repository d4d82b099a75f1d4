package gcsim.kernel;

/**
 * Implemented by strategies that need to see the whole execution, not only the choices: dynamic
 * partial-order reduction needs every step's enabled set and footprint. When the strategy of a run
 * implements this, the kernel records footprints and reports every step.
 */
public interface ExecutionListener {
    /** The run is starting; {@code kernel.footprints()} fills as it goes. */
    void started(Kernel kernel);

    /**
     * A step is about to run: step {@code step} (0-based), chosen among {@code options[0..count)}
     * (actor ids ascending, then possibly {@link Kernel#ADVANCE_CLOCK}); {@code picked} is the choice.
     * Called for forced steps too (count 1).
     */
    void beforeStep(int step, int[] options, int count, int picked);
}
