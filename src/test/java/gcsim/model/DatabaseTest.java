package gcsim.model;

import static gcsim.model.Probe.dependent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import gcsim.kernel.IntList;
import gcsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The database as transactions see it: registration checks every reference first, invalidation
 * refuses a path that a valid path refers to, the queries answer in store-path order, and each
 * transaction's footprint names the rows it read and wrote.
 */
class DatabaseTest {
    /**
     * dep ← lib ← app all valid; fresh (refers to dep) not yet; tool.drv (valid) builds tool, and
     * alt.drv (not valid) lists tool too; lone is valid and unrelated.
     */
    private static Scenario store() {
        return new ScenarioBuilder()
                .source("dep", 1024, true)
                .source("lib", 1024, true, "dep")
                .source("app", 1024, true, "lib")
                .source("fresh", 1024, false, "dep")
                .source("lone", 1024, true)
                .drv("tool.drv", List.of(), List.of("dep"), "tool", true)
                .build();
    }

    private static int id(World w, String name) {
        return w.layout.id(name);
    }

    private static List<String> names(World w, IntList l) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(w.layout.name(l.get(i)));
        }
        return out;
    }

    private static World idle() {
        return Probe.run(store());
    }

    @Test
    void aPathWhoseReferenceIsNotValidIsRefusedAndNothingIsWritten() {
        World w = idle();
        int fresh = id(w, "fresh");
        int app = id(w, "app");
        w.db.invalidateChecked(app);
        w.db.takeDirty();

        NixError e = catchThrowableOfType(() -> w.db.register(fresh, new int[] {id(w, "lone"), app}, -1, "check §x"),
                NixError.class);

        assertThat(e.kind()).isEqualTo(NixError.INVALID_PATH);
        assertThat(e.getMessage()).contains(w.layout.full(app)).contains("is not valid");
        assertThat(w.db.isValid(fresh)).isFalse();
        assertThat(w.db.takeDirty()).as("a refused transaction writes nothing").isFalse();
    }

    @Test
    void aRegisteredPathIsValidWithItsReferencesAndDeriverAndMayReferToItself() {
        World w = idle();
        int fresh = id(w, "fresh");
        assertThat(w.db.takeDirty()).isFalse();

        w.db.register(fresh, new int[] {fresh, id(w, "dep")}, id(w, "tool.drv"), "check");

        assertThat(w.db.isValid(fresh)).isTrue();
        assertThat(w.db.references(fresh)).containsExactly(fresh, id(w, "dep"));
        assertThat(w.db.deriverOf(fresh)).isEqualTo(id(w, "tool.drv"));
        assertThat(w.db.takeDirty()).isTrue();
        assertThat(w.db.takeDirty()).as("once per write").isFalse();
        assertThat(w.db.firstDanglingReference()).isEqualTo(-1);
    }

    @Test
    void anInvalidPathHasNoReferencesAndNoDeriver() {
        World w = idle();
        int tool = id(w, "tool");
        assertThat(w.db.references(tool)).isEmpty();
        assertThat(w.db.deriverOf(tool)).isEqualTo(-1);
        assertThat(w.db.deriverOf(id(w, "dep"))).isEqualTo(-1);
        assertThat(w.db.references(id(w, "app"))).containsExactly(id(w, "lib"));
    }

    @Test
    void registeringSeveralPathsAcceptsReferencesAmongThemButRegistersNoneWhenOneIsMissing() {
        World w = idle();
        int fresh = id(w, "fresh");
        int tool = id(w, "tool");
        w.db.invalidateChecked(id(w, "app"));
        w.db.invalidateChecked(id(w, "lib"));
        w.db.invalidateChecked(id(w, "tool.drv"));
        w.db.invalidateChecked(id(w, "dep"));
        w.db.takeDirty();

        assertThatThrownBy(() -> w.db.registerAll(new int[] {tool, fresh}, id(w, "tool.drv"), "check"))
                .isInstanceOf(NixError.class).hasMessageContaining(w.layout.full(id(w, "dep")));
        assertThat(w.db.isValid(tool)).isFalse();
        assertThat(w.db.takeDirty()).isFalse();

        w.db.registerAll(new int[] {id(w, "dep"), fresh, tool}, id(w, "tool.drv"), "check");

        assertThat(w.db.isValid(fresh)).isTrue();
        assertThat(w.db.isValid(tool)).isTrue();
        assertThat(w.db.deriverOf(tool)).isEqualTo(id(w, "tool.drv"));
        assertThat(w.db.references(fresh)).containsExactly(id(w, "dep"));
        assertThat(w.db.takeDirty()).isTrue();
    }

    @Test
    void aPathInUseIsNotInvalidatedAndTheErrorNamesItsReferrer() {
        World w = idle();
        int lib = id(w, "lib");

        NixError e = catchThrowableOfType(() -> w.db.invalidateChecked(lib), NixError.class);

        assertThat(e.kind()).isEqualTo(NixError.PATH_IN_USE);
        assertThat(e.getMessage()).isEqualTo("cannot delete path '" + w.layout.full(lib) + "' because it is in use by '"
                + w.layout.full(id(w, "app")) + "'");
        assertThat(w.db.isValid(lib)).isTrue();
        assertThat(w.db.takeDirty()).isFalse();
    }

    @Test
    void invalidatingFromTheTopDownRemovesEachPathAndItsReferences() {
        World w = idle();
        w.db.invalidateChecked(id(w, "app"));
        assertThat(w.db.takeDirty()).isTrue();
        w.db.invalidateChecked(id(w, "app")); // invalid already: nothing happens
        assertThat(w.db.takeDirty()).isFalse();
        w.db.invalidateChecked(id(w, "lib"));

        assertThat(w.db.isValid(id(w, "app"))).isFalse();
        assertThat(w.db.isValid(id(w, "lib"))).isFalse();
        assertThat(names(w, w.db.referrers(id(w, "dep")))).as("tool.drv still refers to dep").containsExactly("tool.drv");
        assertThat(w.db.references(id(w, "lib"))).isEmpty();
        assertThat(w.db.firstDanglingReference()).isEqualTo(-1);
    }

    @Test
    void referrersComeInStorePathOrder() {
        World w = idle();
        int dep = id(w, "dep");
        w.db.register(id(w, "fresh"), new int[] {dep}, -1, "check");

        IntList r = w.db.referrers(dep);

        assertThat(names(w, r)).containsExactlyInAnyOrder("lib", "fresh", "tool.drv");
        for (int i = 1; i < r.size(); i++) {
            assertThat(w.layout.rank(r.get(i - 1))).isLessThan(w.layout.rank(r.get(i)));
        }
        assertThat(w.db.referrers(id(w, "app")).size()).as("nothing refers to app").isZero();
    }

    @Test
    void theOutputsOfADerivationAreTheValidOnesAndOnlyWhileTheDerivationIsValid() {
        World w = idle();
        int drv = id(w, "tool.drv");
        int tool = id(w, "tool");
        assertThat(w.db.validOutputs(drv).size()).isZero();
        assertThat(w.db.validOutputsOf(drv).size()).isZero();
        assertThat(w.db.validDrvsListing(tool).size()).as("tool.drv lists tool, valid or not").isOne();

        w.db.register(tool, new int[0], drv, "check");

        assertThat(names(w, w.db.validOutputs(drv))).containsExactly("tool");
        assertThat(names(w, w.db.validOutputsOf(drv))).containsExactly("tool");
        assertThat(names(w, w.db.validDrvsListing(tool))).containsExactly("tool.drv");
        assertThat(w.db.validDrvsListing(id(w, "dep")).size()).as("no derivation lists dep as an output").isZero();

        w.db.invalidateChecked(drv);

        assertThat(w.db.validOutputs(drv).size()).isZero();
        assertThat(w.db.validDrvsListing(tool).size()).isZero();
        assertThat(names(w, w.db.validOutputsOf(drv))).as("the output's row still names its deriver").containsExactly("tool");
    }

    @Test
    void anOutputRegisteredWithAnotherDeriverIsNotTheDerivationsOwn() {
        World w = idle();
        int drv = id(w, "tool.drv");
        w.db.register(id(w, "tool"), new int[0], -1, "check");

        assertThat(w.db.validOutputsOf(drv).size()).isZero();
        assertThat(names(w, w.db.validOutputs(drv))).containsExactly("tool");
    }

    @Test
    void aValidPathReferringToAPathNotInTheStoreIsTheDanglingPairTheOracleReports() {
        World w = Probe.run(new ScenarioBuilder()
                .source("gone", 1024, false)
                .source("ok", 1024, true)
                .source("holder", 1024, true, "ok", "gone")
                .build());
        int holder = w.layout.id("holder");
        int gone = w.layout.id("gone");

        assertThat(w.db.firstDanglingReference()).isEqualTo(holder << 16 | gone);
        assertThat(w.db.validQuiet(holder)).isTrue();
        assertThat(w.db.validQuiet(gone)).isFalse();
    }

    @Test
    void eachTransactionTouchesTheRowsItReadsAndWrites() {
        World w = Probe.run(store(),
                x -> x.db.isValid(id(x, "dep")), // 0
                x -> x.db.register(id(x, "fresh"), new int[] {id(x, "dep")}, -1, "check"), // 1 reads dep, writes fresh
                x -> x.db.isValid(id(x, "fresh")), // 2
                x -> x.db.invalidateChecked(id(x, "app")), // 3 writes app, reads every row
                x -> x.db.references(id(x, "lone")), // 4
                x -> x.db.deriverOf(id(x, "app")), // 5
                x -> x.db.isValid(id(x, "lone")), // 6
                x -> x.db.referrers(id(x, "lone")), // 7 reads every row
                x -> x.db.register(id(x, "tool"), new int[0], id(x, "tool.drv"), "check"), // 8 writes tool
                x -> x.db.validOutputs(id(x, "tool.drv")), // 9 reads tool.drv and tool
                x -> x.db.validDrvsListing(id(x, "tool")), // 10 reads tool.drv
                x -> x.db.validOutputsOf(id(x, "tool.drv")), // 11 reads tool
                x -> x.db.invalidateChecked(id(x, "tool.drv")), // 12 writes tool.drv
                x -> x.db.registerAll(new int[] {id(x, "app")}, -1, "check")); // 13 reads lib, writes app

        assertThat(dependent(w, 0, 2)).as("two reads of other rows").isFalse();
        assertThat(dependent(w, 1, 2)).as("fresh's registration and its query").isTrue();
        assertThat(dependent(w, 0, 1)).as("two reads of dep").isFalse();
        assertThat(dependent(w, 1, 6)).isFalse();
        assertThat(dependent(w, 3, 5)).as("app's invalidation and its deriver").isTrue();
        assertThat(dependent(w, 3, 1)).as("the invalidation reads every row, fresh's too").isTrue();
        assertThat(dependent(w, 4, 1)).isFalse();
        assertThat(dependent(w, 4, 3)).as("the invalidation's scan reads lone; only app is written").isFalse();
        assertThat(dependent(w, 7, 1)).as("a referrers query reads every row").isTrue();
        assertThat(dependent(w, 7, 8)).isTrue();
        assertThat(dependent(w, 9, 8)).as("the outputs query reads the output's row").isTrue();
        assertThat(dependent(w, 9, 12)).as("and the derivation's").isTrue();
        assertThat(dependent(w, 10, 12)).isTrue();
        assertThat(dependent(w, 10, 8)).as("the derivers query reads only derivations").isFalse();
        assertThat(dependent(w, 11, 8)).isTrue();
        assertThat(dependent(w, 11, 12)).as("the converse reads only the outputs").isFalse();
        assertThat(dependent(w, 13, 5)).as("app's registration and its deriver").isTrue();
        assertThat(dependent(w, 13, 3)).isTrue();
        assertThat(dependent(w, 13, 4)).isFalse();
    }

    @Test
    void aRefusedRegistrationStillReadTheReferenceThatWasMissing() {
        World w = Probe.run(store(),
                x -> x.db.invalidateChecked(id(x, "app")), // 0
                x -> {
                    try {
                        x.db.register(id(x, "fresh"), new int[] {id(x, "app")}, -1, "check"); // 1
                    } catch (NixError expected) {
                        // the reference was not valid
                    }
                },
                x -> x.db.isValid(id(x, "fresh"))); // 2

        assertThat(dependent(w, 0, 1)).isTrue();
        assertThat(dependent(w, 1, 2)).as("nothing was written").isFalse();
    }
}
