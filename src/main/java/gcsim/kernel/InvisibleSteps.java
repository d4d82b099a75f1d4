package gcsim.kernel;

/**
 * The rule that a step nobody could see is not a scheduling point of its own, applied where a
 * frame's step ends ({@link Actor#runStep}) when the kernel joins invisible steps ({@link
 * Kernel#withInvisibleStepsJoined}).
 *
 * <p>A step is invisible when it read and wrote no resource, read no clock, and spawned, changed or
 * ended no actor or process (the kernel's {@code touched} flag, which each of those sets). Why such a
 * step may run on into its actor's next one: it commutes with every step of every other actor and
 * with a clock advance, so whatever could happen at the scheduling point after it can happen, to the
 * same effect, at the scheduling point before it, which stays; no interleaving and no state is lost.
 * An invisible step that ends in a wait goes on only when the wait's guard watches one resource and
 * already holds; the step then reads that resource, so that its footprint shows the dependence on
 * whatever made the guard ready. Each join counts toward the step bound like {@link Kernel#silentWork},
 * so an actor that yields forever without doing anything is still cut.
 */
final class InvisibleSteps {
    private InvisibleSteps() {}

    /** After a step that yields: true when its actor runs on at once. */
    static boolean goesOnAfterYield(Kernel k) {
        return k.joinsInvisibleSteps && !k.touched && !k.silentWork();
    }

    /** After a step that waits on {@code g}: true when its wait is over at once and its actor runs on. */
    static boolean goesOnAfterWait(Kernel k, Guard g) {
        if (!k.joinsInvisibleSteps || k.touched) {
            return false;
        }
        int w = g.watches();
        if (w < 0) { // endings, or anything: not one resource the step could be said to read
            return false;
        }
        k.read(w);
        return g.ready() && !k.silentWork();
    }
}
