package gcsim.search.transfer;

import gcsim.kernel.IntList;
import java.util.List;
import java.util.Map;

/**
 * A run told by meaning: for each kernel step, which actor took it and at which point of the model
 * (frame, program counter, path), and each actor's data choices in order. Actor ids and choice
 * indices differ between variants; actor names and points do not, which is what lets a schedule
 * recorded under one variant be followed under another.
 *
 * @param steps one entry per kernel step, in order
 * @param values each actor's data choices (readdir orders, …), in the order it made them
 */
public record Recording(List<Point> steps, Map<String, IntList> values) {
    /** The actor name given to a clock advance. */
    public static final String CLOCK = "clock";

    /**
     * One step's meaning.
     *
     * @param actor the actor's name, or {@link #CLOCK}
     * @param at where the actor resumed when the step began (see {@link gcsim.kernel.Actor#point})
     */
    public record Point(String actor, String at) {}
}
