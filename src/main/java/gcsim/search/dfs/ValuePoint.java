package gcsim.search.dfs;

/**
 * A data choice on the current path (a value drawn inside step {@code step}, such as one slot of
 * readdir's order). Data choices are not reduced: every value below {@code bound} is explored.
 */
final class ValuePoint {
    final int step;
    final int bound;
    int value;

    ValuePoint(int step, int bound) {
        this.step = step;
        this.bound = bound;
    }
}
