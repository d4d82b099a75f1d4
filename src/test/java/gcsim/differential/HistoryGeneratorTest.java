package gcsim.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The history generator: a seed alone gives a history, and 200 of them exercise every kind of step. */
class HistoryGeneratorTest {

    @Test
    void oneSeedAlwaysGivesTheSameHistory() {
        for (int i = 0; i < 50; i++) {
            long seed = Differential.historySeed(1, i);
            assertThat(HistoryGenerator.generate(seed)).isEqualTo(HistoryGenerator.generate(seed));
        }
        assertThat(HistoryGenerator.generate(1)).isNotEqualTo(HistoryGenerator.generate(2));
    }

    @Test
    void twoHundredHistoriesUseEveryKindOfStepAndEverySettingsCombination() {
        TreeMap<String, Integer> kinds = new TreeMap<>();
        TreeMap<String, Integer> settings = new TreeMap<>();
        int withRoot = 0;
        int twoOutputs = 0;
        int selfReferences = 0;
        for (int i = 0; i < 200; i++) {
            History h = HistoryGenerator.generate(Differential.historySeed(1, i));
            settings.merge(h.keepDerivations() + "/" + h.keepOutputs(), 1, Integer::sum);
            for (Step s : h.steps()) {
                kinds.merge(s.getClass().getSimpleName(), 1, Integer::sum);
                if (!Step.createdRoots(s, h.universe()).isEmpty()) {
                    withRoot++;
                }
            }
            for (Universe.Derivation d : h.universe().derivations()) {
                twoOutputs += d.dev() ? 1 : 0;
                selfReferences += d.outRefs().contains(d.name()) ? 1 : 0;
            }
        }
        assertThat(kinds.keySet()).containsExactlyInAnyOrder("Instantiate", "NixBuild", "Realise", "AddSource",
                "GcrootLink", "IndirectRoot", "RemoveRoot", "LiveTempRoots", "DeadTempRoots", "CollectGarbage");
        assertThat(kinds.values()).allMatch(n -> n >= 20);
        assertThat(settings).hasSize(4);
        assertThat(withRoot).isGreaterThan(200);
        assertThat(twoOutputs).isGreaterThan(50);
        assertThat(selfReferences).isGreaterThan(20);
    }

    @Test
    void realiseOnlyNamesDerivationsWrittenSinceTheLastCollectionSoItCannotFail() {
        for (int i = 0; i < 500; i++) {
            History h = HistoryGenerator.generate(Differential.historySeed(3, i));
            List<String> written = new ArrayList<>();
            for (Step s : h.steps()) {
                if (s instanceof Step.Instantiate in) {
                    written.addAll(in.drvs());
                    written.addAll(h.universe().evaluationOrder(in.drvs()));
                } else if (s instanceof Step.NixBuild b) {
                    written.addAll(h.universe().evaluationOrder(List.of(b.drv())));
                } else if (s instanceof Step.CollectGarbage) {
                    written.clear();
                } else if (s instanceof Step.Realise r) {
                    for (String d : r.drvs()) {
                        assertThat(written).as("history " + h.seed()).contains(d + ".drv");
                    }
                }
            }
        }
    }

    @Test
    void anEvaluationWritesEachSourceAndInputDerivationBeforeWhatRefersToIt() {
        for (int i = 0; i < 100; i++) {
            Universe u = HistoryGenerator.generate(Differential.historySeed(5, i)).universe();
            for (Universe.Derivation d : u.derivations()) {
                List<String> order = u.evaluationOrder(List.of(d.name()));
                assertThat(order).endsWith(d.drv()).doesNotHaveDuplicates();
                for (String s : d.inputSrcs()) {
                    assertThat(order.indexOf(s)).isLessThan(order.indexOf(d.drv()));
                }
                for (String e : d.inputDrvs()) {
                    assertThat(order.indexOf(e + ".drv")).isLessThan(order.indexOf(d.drv()));
                }
            }
        }
    }
}
