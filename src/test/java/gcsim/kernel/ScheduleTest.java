package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static Schedule roundTrip(IntList values) {
        return Schedule.decode(new Schedule(values).encode());
    }

    @Test
    void everyValueFromZeroToOneHundredThousandRoundTrips() {
        IntList all = new IntList();
        for (int v = 0; v <= 100_000; v++) {
            all.add(v);
            assertThat(roundTrip(IntList.of(v)).choices()).isEqualTo(IntList.of(v));
        }
        assertThat(roundTrip(all).choices()).isEqualTo(all);
    }

    @ParameterizedTest
    @CsvSource({
        "0, g1.a",
        "1, g1.b",
        "25, g1.z",
        "26, g1.0",
        "31, g1.5",
        "32, g1.Ba",
        "1023, g1._5",
        "1024, g1.BAa",
        "2147483647, g1.B_____5"
    })
    void edgeValuesHaveTheDocumentedCompactFormAndRoundTrip(int value, String encoded) {
        Schedule s = new Schedule(IntList.of(value));
        assertThat(s.encode()).isEqualTo(encoded);
        assertThat(s.toString()).isEqualTo(encoded);
        assertThat(Schedule.decode(encoded).choices()).isEqualTo(IntList.of(value));
    }

    @Test
    void edgeValuesRoundTripTogether() {
        IntList edges = IntList.of(0, 31, 32, 1023, 1024, Integer.MAX_VALUE, 0, Integer.MAX_VALUE, 1);
        assertThat(roundTrip(edges).choices()).isEqualTo(edges);
    }

    @Test
    void theEmptyScheduleIsJustThePrefix() {
        assertThat(new Schedule().encode()).isEqualTo(Schedule.PREFIX).isEqualTo("g1.");
        assertThat(Schedule.decode("g1.").size()).isZero();
    }

    @Test
    void randomListsRoundTripAndStayShellSafe() {
        SplittableRandom random = new SplittableRandom(20240611L);
        for (int round = 0; round < 500; round++) {
            int length = random.nextInt(200);
            IntList values = new IntList();
            for (int i = 0; i < length; i++) {
                int magnitude = random.nextInt(4);
                values.add(switch (magnitude) {
                    case 0 -> random.nextInt(3);
                    case 1 -> random.nextInt(64);
                    case 2 -> random.nextInt(1 << 20);
                    default -> random.nextInt(Integer.MAX_VALUE) + 1;
                });
            }
            String encoded = new Schedule(values).encode();
            assertThat(encoded).matches("g1\\.[A-Za-z0-9_-]*");
            assertThat(Schedule.decode(encoded).choices()).isEqualTo(values);
        }
    }

    @Test
    void smallChoicesTakeOneCharacterEach() {
        IntList values = IntList.of(0, 1, 2, 3, 0, 2, 1);
        assertThat(new Schedule(values).encode()).isEqualTo("g1.abcdacb");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "g1", "g2.abc", "G1.abc", "abc", " g1.a"})
    void decodeRejectsABadPrefix(String text) {
        assertThatThrownBy(() -> Schedule.decode(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts with 'g1.'");
    }

    @Test
    void decodeRejectsBadCharactersSayingWhere() {
        assertThatThrownBy(() -> Schedule.decode("g1.ab!c")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected character '!' at position 6");
        assertThatThrownBy(() -> Schedule.decode("g1.a b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected character ' '");
        assertThatThrownBy(() -> Schedule.decode("g1.a.")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected character '.'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"g1.B", "g1.aB", "g1.a_", "g1.BAAA"})
    void decodeRejectsATruncatedValue(String text) {
        assertThatThrownBy(() -> Schedule.decode(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends in the middle of a value");
    }

    @Test
    void decodeRejectsAValueAboveIntegerMaxValue() {
        // 2^31 exactly: one more than Integer.MAX_VALUE ("g1.B_____5")
        assertThatThrownBy(() -> Schedule.decode("g1.CAAAAAa")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choice too large at character 10");
        // 2^35: overflows at its last digit
        assertThatThrownBy(() -> Schedule.decode("g1.BAAAAAAa")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choice too large at character 11");
        // overflow already among the continuation digits, before the value ends
        assertThatThrownBy(() -> Schedule.decode("g1.BAAAAAAAa")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choice too large at character 11");
        assertThatThrownBy(() -> Schedule.decode("g1.a______________a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choice too large");
    }

    @Test
    void decodedScheduleIsUsableForReplay() {
        Schedule s = Schedule.decode("g1.bcBa");
        assertThat(s.choices()).isEqualTo(IntList.of(1, 2, 32));
        assertThat(s.size()).isEqualTo(3);
    }
}
