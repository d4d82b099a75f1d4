package gcsim.search;

/**
 * A tiny, fully specified pseudo-random generator (Steele, Lea and Flood's SplitMix64), written here
 * so that every random choice gcsim makes is a documented function of a seed, identical on every JVM.
 *
 * <p>Definition: the state is one 64-bit word. {@link #nextLong()} adds the odd constant
 * {@link #GAMMA} to the state and returns {@link #mix64} of the new state. {@code mix64(z)} is
 * {@code z ^= z >>> 30; z *= 0xBF58476D1CE4E5B9; z ^= z >>> 27; z *= 0x94D049BB133111EB; z ^= z >>> 31}
 * (all arithmetic modulo 2^64). {@link #nextInt(int)} takes the high 32 bits of {@code nextLong()}
 * and rejects values at or above the largest multiple of the bound below 2^32, so it is exactly uniform.
 *
 * <p>java.util.Random and friends are not used anywhere a simulation is affected: their algorithms
 * are not part of gcsim's contract, and some of them are seeded from the wall clock.
 */
public final class SplitMix64 {
    /** The golden-ratio increment, 2^64 / φ rounded to an odd number. */
    public static final long GAMMA = 0x9E3779B97F4A7C15L;
    /** Schedule seeds are masked to 53 bits so that JSON readers that parse numbers as doubles keep them exact. */
    public static final long SEED_MASK = (1L << 53) - 1;

    /**
     * Below this bound {@link #nextInt} takes the rejection limit and {@link #inverse} from tables made
     * once: a search's bound is the number of options, which changes from one decision to the next, and
     * the two 64-bit divisions of a recomputation cost more than the rest of a pick.
     */
    private static final int TABLED = 64;
    private static final long[] LIMITS = new long[TABLED];
    private static final long[] INVERSES = new long[TABLED];

    static {
        for (int b = 1; b < TABLED; b++) {
            LIMITS[b] = limit(b);
            INVERSES[b] = inverse(b);
        }
    }

    private long state;
    /** {@link #nextInt}'s last bound past the tables, its rejection limit and its {@link #inverse}: a cache of a pure function. */
    private int lastBound;
    private long lastLimit;
    private long lastInverse;

    public SplitMix64(long seed) {
        state = seed;
    }

    /** Restarts the stream as if newly constructed with {@code seed}. */
    public void reseed(long seed) {
        state = seed;
    }

    public long nextLong() {
        state += GAMMA;
        return mix64(state);
    }

    /**
     * Uniform in {@code [0, bound)}; {@code bound} must be positive. The same numbers as the
     * definition above, computed without a division per call (a random pick is made at every
     * decision of a search): the rejection limit is kept for the last bound, and the remainder is
     * taken by {@link #remainder}.
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit;
        long inv;
        if (bound < TABLED) {
            limit = LIMITS[bound];
            inv = INVERSES[bound];
        } else {
            if (bound != lastBound) {
                lastLimit = limit(bound);
                lastInverse = inverse(bound);
                lastBound = bound;
            }
            limit = lastLimit;
            inv = lastInverse;
        }
        while (true) {
            long u = nextLong() >>> 32;
            if (u < limit) {
                return remainder(u, inv, bound);
            }
        }
    }

    /** The largest multiple of {@code bound} not above 2^32: {@link #nextInt} rejects draws from it on. */
    private static long limit(int bound) {
        long range = 1L << 32;
        return range - range % bound;
    }

    /** {@code ceil(2^64 / d)} modulo 2^64, for {@link #remainder}; d is positive. */
    static long inverse(int d) {
        return Long.divideUnsigned(-1L, d) + 1;
    }

    /**
     * {@code u % d} for {@code 0 <= u < 2^32} and {@code 0 < d < 2^31}, by multiplications (Lemire,
     * Kaser and Kurz, "Faster remainder by direct computation", 2019): the high 64 bits of the
     * unsigned 128-bit product of {@code inverse * u} (modulo 2^64) and {@code d}. Exact for every
     * such u and d.
     */
    static int remainder(long u, long inverse, int d) {
        long low = inverse * u;
        return (int) (Math.multiplyHigh(low, d) + ((low >> 63) & d)); // unsigned high product; d >= 0
    }

    /** The SplitMix64 output function: a bijection of 64-bit words that scatters every input bit. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The seed of schedule {@code index} (0-based) in a search with base seed {@code base}: the
     * ({@code index}+1)-th output of a SplitMix64 stream started at {@code base}, i.e.
     * {@code mix64(base + (index + 1) * GAMMA)}, keeping its low 53 bits. It depends on nothing else,
     * so {@code replay --seed} with that value runs exactly that schedule, and schedules can be
     * handed to worker threads in any order.
     */
    public static long mix(long base, long index) {
        return mix64(base + (index + 1) * GAMMA) & SEED_MASK;
    }
}
