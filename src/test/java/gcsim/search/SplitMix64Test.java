package gcsim.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void theStreamFromSeedZeroMatchesThePublishedSplitMix64Outputs() {
        SplitMix64 r = new SplitMix64(0);
        assertThat(r.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(r.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(r.nextLong()).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void reseedingRestartsTheStreamExactly() {
        SplitMix64 r = new SplitMix64(42);
        long a = r.nextLong();
        long b = r.nextLong();
        r.reseed(42);
        assertThat(r.nextLong()).isEqualTo(a);
        assertThat(r.nextLong()).isEqualTo(b);
    }

    @Test
    void theSeedOfScheduleIIsTheStreamsOutputIPlusOneKeptTo53Bits() {
        SplitMix64 r = new SplitMix64(7);
        for (int i = 0; i < 20; i++) {
            long expected = r.nextLong() & SplitMix64.SEED_MASK;
            assertThat(SplitMix64.mix(7, i)).isEqualTo(expected).isNotNegative();
            assertThat(Search.seedOf(7, i)).isEqualTo(expected);
        }
    }

    @Test
    void nextIntStaysBelowItsBoundAndReachesEveryValue() {
        SplitMix64 r = new SplitMix64(3);
        int[] hits = new int[7];
        for (int i = 0; i < 7000; i++) {
            int v = r.nextInt(7);
            assertThat(v).isBetween(0, 6);
            hits[v]++;
        }
        for (int h : hits) {
            assertThat(h).isBetween(800, 1200);
        }
    }

    @Test
    void theRemainderByMultiplicationEqualsTheDivisionsForEdgeAndRandomValues() {
        long[] us = {0, 1, 2, 3, (1L << 31) - 1, 1L << 31, (1L << 32) - 2, (1L << 32) - 1};
        int[] ds = {1, 2, 3, 5, 7, 10, 64, 1000, 65_537, (1 << 30) + 3, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
        SplitMix64 r = new SplitMix64(42);
        for (int d : ds) {
            long inv = SplitMix64.inverse(d);
            for (long u : us) {
                assertThat(SplitMix64.remainder(u, inv, d)).as("%d %% %d", u, d).isEqualTo((int) (u % d));
            }
            for (int i = 0; i < 20_000; i++) {
                long u = r.nextLong() >>> 32;
                assertThat(SplitMix64.remainder(u, inv, d)).as("%d %% %d", u, d).isEqualTo((int) (u % d));
            }
        }
        for (int i = 0; i < 200_000; i++) {
            int d = 1 + (int) ((r.nextLong() >>> 33) % Integer.MAX_VALUE);
            long u = r.nextLong() >>> 32;
            assertThat(SplitMix64.remainder(u, SplitMix64.inverse(d), d)).as("%d %% %d", u, d).isEqualTo((int) (u % d));
        }
    }

    @Test
    void nextIntGivesTheNumbersOfItsDefinitionWhateverTheOrderOfBounds() {
        SplitMix64 fast = new SplitMix64(7);
        SplitMix64 words = new SplitMix64(7);
        int[] bounds = {2, 3, 3, 10, 2, 1, 7, 7, 100_000, Integer.MAX_VALUE, 5};
        for (int i = 0; i < 50_000; i++) {
            int bound = bounds[i % bounds.length];
            long limit = (1L << 32) - (1L << 32) % bound;
            long u;
            do {
                u = words.nextLong() >>> 32;
            } while (u >= limit);
            assertThat(fast.nextInt(bound)).isEqualTo((int) (u % bound));
        }
    }

    @Test
    void nextIntRefusesANonPositiveBound() {
        assertThatThrownBy(() -> new SplitMix64(1).nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
