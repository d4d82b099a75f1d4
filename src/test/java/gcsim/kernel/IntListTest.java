package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntListTest {

    @Test
    void addGrowsPastTheInitialCapacity() {
        IntList l = new IntList(0);
        for (int i = 0; i < 1000; i++) {
            l.add(i * 3);
        }

        assertThat(l.size()).isEqualTo(1000);
        assertThat(l.get(999)).isEqualTo(2997);
        assertThat(l.isEmpty()).isFalse();
        assertThat(new IntList().isEmpty()).isTrue();
    }

    @Test
    void readingOrWritingPastTheEndThrows() {
        IntList l = IntList.of(1, 2);

        assertThatThrownBy(() -> l.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> l.set(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> l.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        l.truncate(1);
        assertThatThrownBy(() -> l.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void setReplacesAValue() {
        IntList l = IntList.of(1, 2, 3);
        l.set(1, 20);

        assertThat(l.toArray()).containsExactly(1, 20, 3);
    }

    @Test
    void searchAndRemoveKeepOrder() {
        IntList l = IntList.of(5, 6, 7, 6);

        assertThat(l.indexOf(6)).isEqualTo(1);
        assertThat(l.contains(7)).isTrue();
        assertThat(l.contains(8)).isFalse();
        assertThat(l.removeValue(6)).isTrue();
        assertThat(l.toArray()).containsExactly(5, 7, 6);
        assertThat(l.removeValue(9)).isFalse();
        assertThat(l.removeAt(0)).isEqualTo(5);
        assertThat(l.toArray()).containsExactly(7, 6);
    }

    @Test
    void truncateOnlyShrinksAndClearEmpties() {
        IntList l = IntList.of(1, 2, 3, 4);
        l.truncate(10);
        assertThat(l.size()).isEqualTo(4);
        l.truncate(2);
        assertThat(l.toArray()).containsExactly(1, 2);
        l.clear();
        assertThat(l.isEmpty()).isTrue();
        l.add(9);
        assertThat(l.toArray()).containsExactly(9);
    }

    @Test
    void aCopyIsIndependent() {
        IntList l = IntList.of(1, 2);
        IntList c = l.copy();
        c.add(3);
        c.set(0, 10);

        assertThat(l.toArray()).containsExactly(1, 2);
        assertThat(c.toArray()).containsExactly(10, 2, 3);
    }

    @Test
    void equalityIsByContentNotCapacity() {
        IntList a = new IntList(100);
        a.add(1);
        a.add(2);
        IntList b = IntList.of(1, 2, 3);
        b.truncate(2);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(IntList.of(2, 1));
        assertThat(a.equals("[1, 2]")).isFalse();
        assertThat(a.toString()).isEqualTo("[1, 2]");
    }

    @Test
    void theFirstAndMiddleElementsAreFoundAndRemovedLikeAnyOther() {
        IntList l = IntList.of(5, 6, 7, 8);

        assertThat(l.contains(5)).isTrue();
        assertThat(l.removeValue(5)).isTrue();
        assertThat(l.toArray()).containsExactly(6, 7, 8);
        assertThat(l.removeAt(1)).isEqualTo(7);
        assertThat(l.toArray()).containsExactly(6, 8);
        assertThat(l.hashCode()).isEqualTo(java.util.Arrays.hashCode(new int[] {6, 8}));
    }
}
