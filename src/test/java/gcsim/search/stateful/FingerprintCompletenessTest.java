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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint sees all of the state: in worlds of every library scenario, paused at several
 * points of a random execution under the baseline, 2.8 and master, a change to any field of any
 * model or kernel object changes the fingerprint, unless the field is marked derived (or is the
 * kernel's record of history). So the stateful search cannot take two different states for one.
 */
class FingerprintCompletenessTest {

    @Test
    void aChangeToAnyFieldOfTheStateChangesTheFingerprintInEveryLibraryScenario() throws Exception {
        List<Variant> variants = VariantLoader.load(Path.of("scenarios/variants.yaml")).stream()
                .filter(v -> List.of("early-return", "nix-2.8", "nix-master").contains(v.id())).toList();
        FingerprintAudit audit = new FingerprintAudit();
        int worlds = 0;
        for (Path file : libraryScenarios()) {
            for (Variant v : variants) {
                Runner runner = new Runner(ScenarioLoader.load(file), v, 100_000, 3);
                PausingWalk walk = new PausingWalk(file.getFileName().toString().hashCode() * 31L + v.id().hashCode());
                Forkable.Session session = runner.open(walk);
                for (int point : new int[] {0, 6, 25, 45, 70}) {
                    walk.pauseAt = point;
                    try {
                        session.kernel().run();
                        break; // the execution ended before this point
                    } catch (Driver.Pause p) {
                        audit.audit(session, walk, file.getFileName() + " under " + v.id() + " at choice " + point);
                        worlds++;
                    }
                }
            }
        }
        System.out.printf("fingerprint audit: %d worlds, %d changes, %d fields proven, %d skipped as derived or history,"
                + " %d seen only as null, %d classes%n", worlds, audit.mutations(), audit.changed().size(),
                audit.skipped().size(), audit.onlyNull().size(), audit.classes().size());
        System.out.println("  skipped: " + audit.skipped());
        System.out.println("  only null: " + audit.onlyNull());

        assertThat(audit.missed()).isEmpty();
        assertThat(worlds).isGreaterThan(120);
        assertThat(audit.changed()).contains("gcsim.kernel.Actor.top", "gcsim.kernel.Frame.pc", "gcsim.kernel.Kernel.now",
                "gcsim.kernel.Flock.exclusive", "gcsim.model.Db.valid", "gcsim.model.StoreDir.onDisk");
        assertThat(audit.skipped()).contains("gcsim.kernel.Kernel.schedule", "gcsim.kernel.Kernel.steps");
    }

    @Test
    void aRunStoppedAndResumedBetweenStepsChangesItsFingerprintByOneTransition() throws Exception {
        // the walk the audit relies on: a paused run resumes where it stopped, and the state it reaches differs
        Runner runner = new Runner(ScenarioLoader.load(Path.of("scenarios/hosts-drv.yaml")),
                VariantLoader.load(Path.of("scenarios/variants.yaml")).get(0), 100_000, 3);
        PausingWalk walk = new PausingWalk(1);
        walk.pauseAt = 1;
        Forkable.Session session = runner.open(walk);
        assertThat(pauses(session)).as("the run stops at its second decision").isTrue();
        Fingerprint f = new Fingerprint();
        Fingerprint.Value before = f.of(session);
        walk.pauseAt = 2;
        assertThat(pauses(session)).as("and at its third, one transition later").isTrue();
        assertThat(f.of(session)).isNotEqualTo(before);
    }

    /** Runs the session on until its strategy pauses it; false when it ran to its end instead. */
    private static boolean pauses(Forkable.Session session) {
        try {
            session.kernel().run();
            return false;
        } catch (Driver.Pause p) {
            return true;
        }
    }

    private static List<Path> libraryScenarios() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            return s.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("variants.yaml")).sorted().toList();
        }
    }
}
