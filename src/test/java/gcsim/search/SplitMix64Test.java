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
    void nextIntRefusesANonPositiveBound() {
        assertThatThrownBy(() -> new SplitMix64(1).nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
