package gcsim.search.dfs;

import java.util.BitSet;

/**
 * The per-execution state at the step where a run paused for a copy: the steps logged, the
 * processes that had exited, how many data choices were made. Taken before the step's node is
 * looked up, so that resuming looks it up (and numbers its fresh resources) as a replay would.
 */
record Resume(int step, BitSet exited, int valueCursor) {}
