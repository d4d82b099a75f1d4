package gcsim.search.stateful;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.kernel.IntList;
import org.junit.jupiter.api.Test;

/**
 * What makes two states one for the stateful search: a list of store paths is the same list however
 * its array grew or was cut back, and any other difference keeps two states apart.
 */
class FingerprintTest {
    /** A state object holding a list, as the model's frames and files do. */
    static final class Holder {
        final IntList paths;
        int pc;

        Holder(IntList paths, int pc) {
            this.paths = paths;
            this.pc = pc;
        }
    }

    @Test
    void equalIntListsFingerprintAlikeWhateverTheirCapacityOrWhatLiesPastTheirSize() {
        IntList small = new IntList(4);
        small.add(7);
        small.add(9);
        IntList grown = new IntList(64);
        grown.add(7);
        grown.add(9);
        grown.add(11);
        grown.truncate(2);
        assertThat(new Fingerprint().of(new Holder(grown, 3))).isEqualTo(new Fingerprint().of(new Holder(small, 3)));
    }

    @Test
    void intListsThatDifferInAnElementOrInSizeFingerprintApart() {
        Fingerprint.Value base = new Fingerprint().of(new Holder(IntList.of(7, 9), 3));
        assertThat(new Fingerprint().of(new Holder(IntList.of(7, 8), 3))).isNotEqualTo(base);
        assertThat(new Fingerprint().of(new Holder(IntList.of(7, 9, 0), 3))).isNotEqualTo(base);
        assertThat(new Fingerprint().of(new Holder(IntList.of(7), 3))).isNotEqualTo(base);
        assertThat(new Fingerprint().of(new Holder(IntList.of(7, 9), 4))).isNotEqualTo(base);
    }
}
