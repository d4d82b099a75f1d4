package gcsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Sizes in traces and reports, as Nix options write them: exact units where they fit, one decimal where not. */
class BytesTest {
    @Test
    void exactMultiplesUseTheLargestUnitThatDividesThem() {
        assertThat(Bytes.format(1L << 30)).isEqualTo("1G");
        assertThat(Bytes.format(3L << 20)).isEqualTo("3M");
        assertThat(Bytes.format(2048)).isEqualTo("2K");
        assertThat(Bytes.format(1024L << 20)).isEqualTo("1G");
        assertThat(Bytes.format(1536L << 20)).as("not a whole number of G: one decimal").isEqualTo("1.5G");
        assertThat(Bytes.format(-(2L << 10))).isEqualTo("-2K");
    }

    @Test
    void otherSizesOfAtLeastOneUnitGetOneDecimalOfTheLargestUnitBelowThem() {
        assertThat(Bytes.format((5L << 20) + 1024)).isEqualTo("5.0M");
        assertThat(Bytes.format((1L << 30) + 1)).isEqualTo("1.0G");
        assertThat(Bytes.format(1536 + 1)).isEqualTo("1.5K");
        assertThat(Bytes.format(2049)).isEqualTo("2.0K");
        assertThat(Bytes.format((3L << 20) / 2 + 1)).isEqualTo("1.5M");
        assertThat(Bytes.format(-1537)).isEqualTo("-1.5K");
    }

    @Test
    void lessThanAKibibyteIsPlainBytesAndTheLargestLongIsUnlimited() {
        assertThat(Bytes.format(0)).isEqualTo("0");
        assertThat(Bytes.format(1023)).isEqualTo("1023");
        assertThat(Bytes.format(1)).isEqualTo("1");
        assertThat(Bytes.format(Long.MAX_VALUE)).isEqualTo("unlimited");
        assertThat(Bytes.format(Long.MAX_VALUE - 1)).isNotEqualTo("unlimited");
    }
}
