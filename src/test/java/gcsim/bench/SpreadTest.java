package gcsim.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpreadTest {
    @Test
    void theMedianOfAnOddNumberOfRunsIsTheMiddleOne() {
        assertThat(Spread.of(new double[] {9, 1, 4})).isEqualTo(new Spread(1, 4, 9));
    }

    @Test
    void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
        assertThat(Spread.of(new double[] {8, 2, 4, 6})).isEqualTo(new Spread(2, 5, 8));
    }

    @Test
    void theRunsGivenAreNotReordered() {
        double[] runs = {3, 1, 2};
        Spread.of(runs);
        assertThat(runs).containsExactly(3, 1, 2);
    }

    @Test
    void noRunsIsAnError() {
        assertThatThrownBy(() -> Spread.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFigureMeetsAnAtLeastTargetByItsMedianNotItsBestRun() {
        assertThat(Figure.atLeast("g", "n", "u", new double[] {1, 2, 100}, 50, "≥ 50").met()).isFalse();
        assertThat(Figure.atMost("g", "n", "u", new double[] {1, 2, 100}, 50, "≤ 50").met()).isTrue();
    }
}
