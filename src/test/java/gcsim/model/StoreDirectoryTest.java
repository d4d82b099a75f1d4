package gcsim.model;

import static gcsim.model.Probe.dependent;
import static org.assertj.core.api.Assertions.assertThat;

import gcsim.kernel.IntList;
import gcsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store directory as steps see it: entries appear and go with their sizes, lock files have
 * inodes of their own, readdir lists both, and each step's footprint names the entry it touched,
 * so that only steps on the same entry (or on the free space) are dependent.
 */
class StoreDirectoryTest {
    /** a and b on disk, c and d not; 100 MiB free. */
    private static Scenario store() {
        return new ScenarioBuilder()
                .source("a", 1L << 20, true)
                .source("b", 2L << 20, true)
                .source("c", 4L << 10, false)
                .source("d", 8L << 10, false)
                .autoGc(0, Long.MAX_VALUE, 100L << 20)
                .build();
    }

    private static int id(World w, String name) {
        return w.layout.id(name);
    }

    @Test
    void addingAPathUsesItsSizeOnceAndDeletingItFreesItAgain() {
        long[] seen = new long[6];
        World w = Probe.run(store(),
                x -> seen[0] = x.store.free(),
                x -> x.store.materialise(id(x, "c")),
                x -> {
                    seen[1] = x.store.free();
                    x.store.materialise(id(x, "c")); // already there: nothing more is used
                    seen[2] = x.store.free();
                },
                x -> seen[3] = x.store.delete(id(x, "a")),
                x -> seen[4] = x.store.delete(id(x, "a")), // gone already: frees nothing
                x -> seen[5] = x.store.free());

        assertThat(seen[0]).isEqualTo(100L << 20);
        assertThat(seen[1]).isEqualTo((100L << 20) - (4L << 10));
        assertThat(seen[2]).isEqualTo(seen[1]);
        assertThat(seen[3]).isEqualTo(1L << 20);
        assertThat(seen[4]).isZero();
        assertThat(seen[5]).isEqualTo((101L << 20) - (4L << 10));
        assertThat(w.store.exists(id(w, "a"))).isFalse();
        assertThat(w.store.existsQuiet(id(w, "c"))).isTrue();
        assertThat(w.store.freeQuiet()).isEqualTo(seen[5]);
    }

    @Test
    void aPathLargerThanTheFreeSpaceLeavesNoneFreeRatherThanLessThanNone() {
        World w = Probe.run(store(),
                x -> x.store.setFree(1024),
                x -> x.store.materialise(id(x, "d")));

        assertThat(w.store.free()).isZero();
        assertThat(w.store.exists(id(w, "d"))).isTrue();
    }

    @Test
    void aLockFileIsItsOwnInodeThatOnlyItsOwnNameUnlinks() {
        LockFile[] seen = new LockFile[5];
        World w = Probe.run(store(),
                x -> seen[0] = x.store.lockFile(id(x, "a")),
                x -> seen[1] = x.store.openOrCreateLock(id(x, "a")),
                x -> seen[2] = x.store.openOrCreateLock(id(x, "a")),
                x -> {
                    x.store.unlinkLock(id(x, "a"), new LockFile(x.kernel)); // another inode: the name stays
                    seen[3] = x.store.lockFile(id(x, "a"));
                },
                x -> {
                    x.store.unlinkLock(id(x, "a"), seen[1]);
                    seen[4] = x.store.lockFile(id(x, "a"));
                });

        assertThat(seen[0]).isNull();
        assertThat(seen[1]).isNotNull().isSameAs(seen[2]).isSameAs(seen[3]);
        assertThat(seen[4]).isNull();
        assertThat(w.store.lockQuiet(id(w, "a"))).isFalse();
        assertThat(w.store.exists(id(w, "a"))).as("the path itself is untouched").isTrue();
    }

    @Test
    void unlinkingALockWithoutNamingTheInodeRemovesWhateverIsThere() {
        World w = Probe.run(store(),
                x -> x.store.openOrCreateLock(id(x, "b")),
                x -> x.store.unlinkLock(id(x, "b"), null));

        assertThat(w.store.lockFile(id(w, "b"))).isNull();
    }

    @Test
    void readdirListsEveryPathOnDiskAndEveryLockFileInEntryOrder() {
        IntList[] seen = new IntList[1];
        World w = Probe.run(store(),
                x -> x.store.openOrCreateLock(id(x, "b")),
                x -> x.store.openOrCreateLock(id(x, "c")),
                x -> x.store.materialise(id(x, "d")),
                x -> seen[0] = x.store.entries());

        List<String> names = new ArrayList<>();
        for (int i = 0; i < seen[0].size(); i++) {
            names.add(w.store.entryPath(seen[0].get(i)));
        }
        String a = w.layout.full(id(w, "a"));
        String b = w.layout.full(id(w, "b"));
        String c = w.layout.full(id(w, "c"));
        String d = w.layout.full(id(w, "d"));
        assertThat(names).containsExactly(a, b, b + ".lock", c + ".lock", d);
        assertThat(seen[0].get(2)).isEqualTo(2 * id(w, "b") + 1);
    }

    @Test
    void stepsOnTheSameEntryAreDependentAndStepsOnOtherEntriesAreNot() {
        World w = Probe.run(store(),
                x -> x.store.exists(id(x, "a")), // 0
                x -> x.store.materialise(id(x, "c")), // 1
                x -> x.store.exists(id(x, "a")), // 2
                x -> x.store.delete(id(x, "a")), // 3
                x -> x.store.exists(id(x, "c")), // 4
                x -> x.store.exists(id(x, "b"))); // 5

        assertThat(dependent(w, 0, 2)).as("two reads").isFalse();
        assertThat(dependent(w, 0, 3)).as("a read of a and its deletion").isTrue();
        assertThat(dependent(w, 2, 3)).isTrue();
        assertThat(dependent(w, 1, 4)).as("adding c and reading it").isTrue();
        assertThat(dependent(w, 0, 1)).as("a and c").isFalse();
        assertThat(dependent(w, 3, 4)).isFalse();
        assertThat(dependent(w, 3, 5)).as("deleting a and reading b").isFalse();
        assertThat(dependent(w, 1, 3)).as("both use the free space").isTrue();
    }

    @Test
    void aLockFileIsAnEntryOfItsOwnBesideItsPath() {
        World w = Probe.run(store(),
                x -> x.store.lockFile(id(x, "b")), // 0
                x -> x.store.openOrCreateLock(id(x, "b")), // 1
                x -> x.store.lockFile(id(x, "a")), // 2
                x -> x.store.unlinkLock(id(x, "b"), null), // 3
                x -> x.store.exists(id(x, "b")), // 4
                x -> x.store.lockFile(id(x, "c")), // 5
                x -> x.store.openOrCreateLock(id(x, "c")), // 6
                x -> x.store.lockFile(id(x, "b"))); // 7

        assertThat(dependent(w, 0, 1)).as("a lock's lookup and its creation").isTrue();
        assertThat(dependent(w, 1, 3)).isTrue();
        assertThat(dependent(w, 3, 7)).as("its unlinking and a later lookup").isTrue();
        assertThat(dependent(w, 2, 1)).as("a's lock and b's").isFalse();
        assertThat(dependent(w, 4, 1)).as("b's entry and b's lock").isFalse();
        assertThat(dependent(w, 4, 3)).isFalse();
        assertThat(dependent(w, 5, 6)).isTrue();
        assertThat(dependent(w, 6, 7)).as("c's lock and b's").isFalse();
        assertThat(dependent(w, 5, 1)).isFalse();
        assertThat(dependent(w, 2, 6)).isFalse();
    }

    @Test
    void readdirDependsOnEveryEntryAndLockFileButNotOnTheFreeSpace() {
        World w = Probe.run(store(),
                x -> x.store.entries(), // 0
                x -> x.store.materialise(id(x, "d")), // 1
                x -> x.store.openOrCreateLock(id(x, "a")), // 2
                x -> x.store.delete(id(x, "b")), // 3
                x -> x.store.unlinkLock(id(x, "c"), null), // 4
                x -> x.store.setFree(7), // 5
                x -> x.store.exists(id(x, "a"))); // 6

        assertThat(dependent(w, 0, 1)).isTrue();
        assertThat(dependent(w, 0, 2)).isTrue();
        assertThat(dependent(w, 0, 3)).isTrue();
        assertThat(dependent(w, 0, 4)).isTrue();
        assertThat(dependent(w, 0, 5)).isFalse();
        assertThat(dependent(w, 0, 6)).as("two reads").isFalse();
    }

    @Test
    void theFreeSpaceIsOneResourceThatAddingAndDeletingWrite() {
        World w = Probe.run(store(),
                x -> x.store.free(), // 0
                x -> x.store.materialise(id(x, "c")), // 1
                x -> x.store.free(), // 2
                x -> x.store.delete(id(x, "b")), // 3
                x -> x.store.free(), // 4
                x -> x.store.setFree(1), // 5
                x -> x.store.exists(id(x, "c"))); // 6

        assertThat(dependent(w, 0, 1)).isTrue();
        assertThat(dependent(w, 2, 3)).isTrue();
        assertThat(dependent(w, 4, 5)).isTrue();
        assertThat(dependent(w, 0, 2)).isFalse();
        assertThat(dependent(w, 5, 6)).isFalse();
        assertThat(dependent(w, 0, 6)).isFalse();
    }
}
