package gcsim.bench;

import java.util.Arrays;

/**
 * One figure over several runs: its minimum, median and maximum. The machine is shared, so a single
 * run says little; the spread says how far to trust the median.
 */
public record Spread(double min, double median, double max) {

    /** The spread of {@code runs} (at least one). */
    public static Spread of(double[] runs) {
        if (runs.length == 0) {
            throw new IllegalArgumentException("a spread needs at least one run");
        }
        double[] s = runs.clone();
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return new Spread(s[0], median, s[n - 1]);
    }

    /** The median of {@code values}: what "median over 100 seeds" means. */
    public static double median(double[] values) {
        return of(values).median;
    }
}
