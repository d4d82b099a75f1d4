package gcsim.search.dfs;

/**
 * What an exhaustive search proved. Three values, because "no failure found" means two different
 * things: the whole (bounded) space was covered, or the budget ran out first.
 */
public enum Verdict {
    /** Every execution class within the bounds was explored and none failed. */
    VERIFIED,
    /** The execution budget ran out before the space was exhausted; nothing failed so far. */
    INCOMPLETE,
    /** Some execution failed; {@link DfsResult#failure()} has it. */
    FAIL
}
