package gcsim.bench;

/**
 * One printed figure of the benchmark.
 *
 * @param group the section it belongs to (throughput, step cost, first failure, heap, peers)
 * @param name what was measured, on which workload
 * @param unit the unit of the numbers
 * @param spread min, median and max over the runs
 * @param target the target it is held against, in words, or null when it has none
 * @param met whether the median meets the target, or null when it has none
 */
public record Figure(String group, String name, String unit, Spread spread, String target, Boolean met) {

    static Figure plain(String group, String name, String unit, double[] runs) {
        return new Figure(group, name, unit, Spread.of(runs), null, null);
    }

    /** A figure whose median must be at least {@code min}. */
    static Figure atLeast(String group, String name, String unit, double[] runs, double min, String target) {
        Spread s = Spread.of(runs);
        return new Figure(group, name, unit, s, target, s.median() >= min);
    }

    /** A figure whose median must be at most {@code max}. */
    static Figure atMost(String group, String name, String unit, double[] runs, double max, String target) {
        Spread s = Spread.of(runs);
        return new Figure(group, name, unit, s, target, s.median() <= max);
    }
}
