package gcsim.search.stateful;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.Forkable;
import gcsim.check.Runner;
import gcsim.scenario.ScenarioLoader;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The copy and the fingerprint skip their identity map for collections and arrays, on the promise
 * that the model never shares one between two holders ({@link Shape#owned}). These tests hold the
 * model to it on real worlds, and show what breaking it would do.
 */
class OwnershipAuditTest {

    /** A holder of a list, standing for a model object. */
    static final class Holder {
        List<String> names;
        Holder other;
    }

    @Test
    void noCollectionOrArrayIsReachedTwiceInTheWorldsOfAnyLibraryScenario() throws Exception {
        List<Variant> variants = VariantLoader.load(Path.of("scenarios/variants.yaml"));
        OwnershipAudit audit = new OwnershipAudit();
        Snapshot snapshot = null;
        int worlds = 0;
        for (Path file : libraryScenarios()) {
            for (Variant v : variants) {
                Runner runner = new Runner(ScenarioLoader.load(file), v, 100_000, 3);
                PausingWalk walk = new PausingWalk(file.getFileName().toString().hashCode() * 17L + v.id().hashCode());
                Forkable.Session session = runner.open(walk);
                snapshot = new Snapshot(walk);
                for (int point : new int[] {0, 1, 3, 6, 10, 25, 50, 90, 150, 250, 400}) {
                    walk.pauseAt = point;
                    try {
                        session.kernel().run();
                        break; // the execution ended before this point
                    } catch (Driver.Pause p) {
                        String where = file.getFileName() + " under " + v.id() + " at choice " + point;
                        audit.audit(session, where, walk);
                        audit.audit(snapshot.copy(session), "a copy of " + where, walk);
                        worlds++;
                    }
                }
            }
        }
        System.out.printf("ownership audit: %d worlds, %d collections and arrays, each reached once%n", worlds,
                audit.ownedSeen());
        assertThat(audit.shared()).isEmpty();
        assertThat(worlds).isGreaterThan(1000);
        assertThat(audit.ownedSeen()).isGreaterThan(50_000);
    }

    @Test
    void theAuditReportsAListThatTwoObjectsHold() {
        Holder a = new Holder();
        Holder b = new Holder();
        a.other = b;
        a.names = new ArrayList<>(List.of("x"));
        b.names = a.names;
        OwnershipAudit audit = new OwnershipAudit();
        audit.audit(a, "two holders");
        assertThat(audit.shared()).singleElement().asString()
                .contains("java.util.ArrayList reached 2 times (two holders)")
                .contains(Holder.class.getName() + ".names");
    }

    @Test
    void aListThatTwoObjectsHoldWouldBeCopiedTwiceWhichIsWhyTheAuditMustPass() {
        Holder a = new Holder();
        Holder b = new Holder();
        a.other = b;
        a.names = new ArrayList<>(List.of("x"));
        b.names = a.names;
        Holder c = new Snapshot().copy(a);
        assertThat(c.names).isEqualTo(a.names).isNotSameAs(a.names);
        assertThat(c.other.names).isNotSameAs(c.names); // the sharing is lost: what the audit guards against
    }

    @Test
    void anObjectThatTwoOthersHoldIsCopiedOnceAndStaysShared() {
        Holder shared = new Holder();
        shared.names = new ArrayList<>(List.of("y"));
        Holder a = new Holder();
        a.other = shared;
        Holder b = new Holder();
        b.other = shared;
        List<Holder> both = new ArrayList<>(List.of(a, b));
        List<Holder> c = new Snapshot().copy(both);
        assertThat(c.get(0).other).isSameAs(c.get(1).other).isNotSameAs(shared);
        assertThat(c.get(0).other.names).containsExactly("y").isNotSameAs(shared.names);
    }

    @Test
    void anArrayThatTwoLambdasCaptureStaysSharedInACopy() {
        String[] box = new String[1];
        java.util.function.Consumer<String> put = v -> box[0] = v;
        java.util.function.Supplier<String> get = () -> box[0];
        List<Object> both = new ArrayList<>(List.of(put, get));
        List<Object> c = new Snapshot().copy(both);
        @SuppressWarnings("unchecked")
        java.util.function.Consumer<String> putCopy = (java.util.function.Consumer<String>) c.get(0);
        @SuppressWarnings("unchecked")
        java.util.function.Supplier<String> getCopy = (java.util.function.Supplier<String>) c.get(1);
        putCopy.accept("z");
        assertThat(getCopy.get()).isEqualTo("z");
        assertThat(box[0]).isNull();
    }

    private static List<Path> libraryScenarios() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            return s.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("variants.yaml")).sorted().toList();
        }
    }
}
