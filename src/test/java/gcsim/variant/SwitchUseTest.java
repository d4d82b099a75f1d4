package gcsim.variant;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwitchUseTest {
    @Test
    void everySwitchHasAnAccessorThatRecordsItsOwnBitAndReturnsItsValue() throws Exception {
        Switches master = new Switches(WriteDerivationMode.ROOT_DRV, true, true, TempRootClient.NIX_2_8, PathInUse.ABORT,
                true, SrcMemo.PROCESS, true, true, AutoGcThread.JOINED, GcRootOrder.TEMP_ROOTS_FIRST, true, true, true,
                WorkerExit.NO_DESTRUCTOR);
        RecordComponent[] components = Switches.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            SwitchUse use = new SwitchUse(master);
            Method read = SwitchUse.class.getMethod(components[i].getName());

            Object value = read.invoke(use);

            assertThat(value).as(components[i].getName()).isEqualTo(components[i].getAccessor().invoke(master));
            assertThat(use.read()).as(components[i].getName()).isEqualTo(1 << i);
        }
        assertThat(SwitchUse.all()).isEqualTo((1 << components.length) - 1);
    }

    @Test
    void theBitsFollowTheOrderOfTheYamlNames() {
        List<String> all = SwitchUse.names(SwitchUse.all());

        assertThat(all).containsExactlyElementsOf(new ArrayList<>(Switches.baseline().asYaml().keySet()));
        assertThat(SwitchUse.names(0b101)).containsExactly("write-derivation", "caller-roots");
    }

    @Test
    void variantsAgreeWhenTheyDifferOnlyInSwitchesThatWereNotRead() {
        Switches early = Switches.baseline();
        Switches drvOnly = new Switches(WriteDerivationMode.ROOT_DRV, false, false);
        SwitchUse use = new SwitchUse(early);

        use.callerRoots();
        use.tempRootClient();

        assertThat(SwitchUse.agree(early, drvOnly, use.read())).isTrue();
        use.writeDerivation();
        assertThat(SwitchUse.agree(early, drvOnly, use.read())).isFalse();
        assertThat(SwitchUse.agree(early, drvOnly, SwitchUse.all())).isFalse();
        assertThat(SwitchUse.agree(early, early, SwitchUse.all())).isTrue();
    }
}
