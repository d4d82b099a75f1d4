package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A replayed choice must be one of the options offered at that point, exactly: the options array may
 * hold stale entries past {@code count}, and a data choice equal to its bound is already out of range.
 */
class ReplayStrategyRangeTest {
    private static ReplayStrategy replaying(int... choices) {
        ReplayStrategy r = new ReplayStrategy(new Schedule(IntList.of(choices)));
        r.beginExecution();
        return r;
    }

    @Test
    void anActorJustPastTheOfferedOptionsIsRefusedEvenWhenTheArrayStillHoldsIt() {
        int[] options = {0, 5};

        assertThatThrownBy(() -> replaying(6).nextActor(options, 1, -1)).isInstanceOf(ScheduleMismatch.class)
                .hasMessageContaining("actor 5");
        assertThat(replaying(6).nextActor(options, 2, -1)).isEqualTo(5);
    }

    @Test
    void aDataChoiceEqualToItsBoundIsRefusedAndTheLargestBelowItIsTaken() {
        assertThatThrownBy(() -> replaying(3).nextValue(3)).isInstanceOf(ScheduleMismatch.class)
                .hasMessageContaining("not below 3");
        assertThat(replaying(2).nextValue(3)).isEqualTo(2);
        assertThat(replaying(0).nextValue(3)).isZero();
    }

    @Test
    void aNegativeDataChoiceIsRefused() {
        assertThatThrownBy(() -> replaying(-1).nextValue(3)).isInstanceOf(ScheduleMismatch.class);
    }
}
