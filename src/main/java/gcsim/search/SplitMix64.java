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

    private long state;

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

    /** Uniform in {@code [0, bound)}; {@code bound} must be positive. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long range = 1L << 32;
        long limit = range - range % bound;
        while (true) {
            long u = nextLong() >>> 32;
            if (u < limit) {
                return (int) (u % bound);
            }
        }
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
