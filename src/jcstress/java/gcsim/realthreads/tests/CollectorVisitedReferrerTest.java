package gcsim.realthreads.tests;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import gcsim.realthreads.CollectorVisitedReferrer;
import gcsim.realthreads.Variant;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZZ_Result;

/**
 * The collector-side window of #15992 on real threads, under each variant: a collector deletes a
 * visited path and its referrer while Y roots the first and writes a drv that references it
 * ({@link CollectorVisitedReferrer}).
 *
 * <p>One nested test per variant; the variant's id is the nested class's name in kebab case, and the
 * simulator's scenario is {@code collector-visited-referrer}. The race's outcomes are interesting where gcsim finds
 * the failure and forbidden where gcsim verifies the cell (see {@link Outcomes}).
 */
public final class CollectorVisitedReferrerTest {
    private CollectorVisitedReferrerTest() {}

    @JCStressTest
    @Outcome(id = Outcomes.REGISTERED, expect = ACCEPTABLE, desc = Outcomes.REGISTERED_DESC)
    @Outcome(id = Outcomes.NOT_VALID, expect = ACCEPTABLE_INTERESTING, desc = Outcomes.NOT_VALID_DESC)
    @Outcome(id = Outcomes.MISSING_FILE, expect = ACCEPTABLE_INTERESTING, desc = Outcomes.MISSING_FILE_DESC)
    @Outcome(id = Outcomes.NOT_VALID_AND_MISSING_FILE, expect = ACCEPTABLE_INTERESTING,
            desc = Outcomes.NOT_VALID_AND_MISSING_FILE_DESC)
    @Outcome(expect = FORBIDDEN, desc = Outcomes.BROKEN_DESC)
    @State
    public static class EarlyReturn {
        private final CollectorVisitedReferrer s = new CollectorVisitedReferrer(Variant.EARLY_RETURN);

        @Actor
        public void collects() {
            s.collects();
        }

        @Actor
        public void yEvaluates() {
            s.yEvaluates();
        }

        @Arbiter
        public void arbiter(ZZZ_Result r) {
            r.r1 = s.registrationFailed();
            r.r2 = s.referencesValid();
            r.r3 = s.validPathsOnDisk();
        }
    }

    @JCStressTest
    @Outcome(id = Outcomes.REGISTERED, expect = ACCEPTABLE, desc = Outcomes.REGISTERED_DESC)
    @Outcome(id = Outcomes.NOT_VALID, expect = ACCEPTABLE_INTERESTING, desc = Outcomes.NOT_VALID_DESC)
    @Outcome(id = Outcomes.MISSING_FILE, expect = ACCEPTABLE_INTERESTING, desc = Outcomes.MISSING_FILE_DESC)
    @Outcome(id = Outcomes.NOT_VALID_AND_MISSING_FILE, expect = ACCEPTABLE_INTERESTING,
            desc = Outcomes.NOT_VALID_AND_MISSING_FILE_DESC)
    @Outcome(expect = FORBIDDEN, desc = Outcomes.BROKEN_DESC)
    @State
    public static class DrvAndRefs {
        private final CollectorVisitedReferrer s = new CollectorVisitedReferrer(Variant.DRV_AND_REFS);

        @Actor
        public void collects() {
            s.collects();
        }

        @Actor
        public void yEvaluates() {
            s.yEvaluates();
        }

        @Arbiter
        public void arbiter(ZZZ_Result r) {
            r.r1 = s.registrationFailed();
            r.r2 = s.referencesValid();
            r.r3 = s.validPathsOnDisk();
        }
    }

    @JCStressTest
    @Outcome(id = Outcomes.REGISTERED, expect = ACCEPTABLE, desc = Outcomes.REGISTERED_DESC)
    @Outcome(id = Outcomes.NOT_VALID, expect = ACCEPTABLE_INTERESTING, desc = Outcomes.NOT_VALID_DESC)
    @Outcome(id = Outcomes.MISSING_FILE, expect = ACCEPTABLE_INTERESTING, desc = Outcomes.MISSING_FILE_DESC)
    @Outcome(id = Outcomes.NOT_VALID_AND_MISSING_FILE, expect = ACCEPTABLE_INTERESTING,
            desc = Outcomes.NOT_VALID_AND_MISSING_FILE_DESC)
    @Outcome(expect = FORBIDDEN, desc = Outcomes.BROKEN_DESC)
    @State
    public static class DrvOnly {
        private final CollectorVisitedReferrer s = new CollectorVisitedReferrer(Variant.DRV_ONLY);

        @Actor
        public void collects() {
            s.collects();
        }

        @Actor
        public void yEvaluates() {
            s.yEvaluates();
        }

        @Arbiter
        public void arbiter(ZZZ_Result r) {
            r.r1 = s.registrationFailed();
            r.r2 = s.referencesValid();
            r.r3 = s.validPathsOnDisk();
        }
    }

    @JCStressTest
    @Outcome(id = Outcomes.REGISTERED, expect = ACCEPTABLE, desc = Outcomes.REGISTERED_DESC)
    @Outcome(id = Outcomes.NOT_VALID, expect = ACCEPTABLE_INTERESTING, desc = Outcomes.NOT_VALID_DESC)
    @Outcome(id = Outcomes.MISSING_FILE, expect = ACCEPTABLE_INTERESTING, desc = Outcomes.MISSING_FILE_DESC)
    @Outcome(id = Outcomes.NOT_VALID_AND_MISSING_FILE, expect = ACCEPTABLE_INTERESTING,
            desc = Outcomes.NOT_VALID_AND_MISSING_FILE_DESC)
    @Outcome(expect = FORBIDDEN, desc = Outcomes.BROKEN_DESC)
    @State
    public static class NoEarlyReturn {
        private final CollectorVisitedReferrer s = new CollectorVisitedReferrer(Variant.NO_EARLY_RETURN);

        @Actor
        public void collects() {
            s.collects();
        }

        @Actor
        public void yEvaluates() {
            s.yEvaluates();
        }

        @Arbiter
        public void arbiter(ZZZ_Result r) {
            r.r1 = s.registrationFailed();
            r.r2 = s.referencesValid();
            r.r3 = s.validPathsOnDisk();
        }
    }

    @JCStressTest
    @Outcome(id = Outcomes.REGISTERED, expect = ACCEPTABLE, desc = Outcomes.REGISTERED_DESC)
    @Outcome(id = Outcomes.NOT_VALID, expect = ACCEPTABLE_INTERESTING, desc = Outcomes.NOT_VALID_DESC)
    @Outcome(id = Outcomes.MISSING_FILE, expect = ACCEPTABLE_INTERESTING, desc = Outcomes.MISSING_FILE_DESC)
    @Outcome(id = Outcomes.NOT_VALID_AND_MISSING_FILE, expect = ACCEPTABLE_INTERESTING,
            desc = Outcomes.NOT_VALID_AND_MISSING_FILE_DESC)
    @Outcome(expect = FORBIDDEN, desc = Outcomes.BROKEN_DESC)
    @State
    public static class CallerRoot {
        private final CollectorVisitedReferrer s = new CollectorVisitedReferrer(Variant.CALLER_ROOT);

        @Actor
        public void collects() {
            s.collects();
        }

        @Actor
        public void yEvaluates() {
            s.yEvaluates();
        }

        @Arbiter
        public void arbiter(ZZZ_Result r) {
            r.r1 = s.registrationFailed();
            r.r2 = s.referencesValid();
            r.r3 = s.validPathsOnDisk();
        }
    }

    @JCStressTest
    @Outcome(id = Outcomes.REGISTERED, expect = ACCEPTABLE, desc = Outcomes.REGISTERED_DESC)
    @Outcome(id = Outcomes.NOT_VALID, expect = ACCEPTABLE_INTERESTING, desc = Outcomes.NOT_VALID_DESC)
    @Outcome(id = Outcomes.MISSING_FILE, expect = ACCEPTABLE_INTERESTING, desc = Outcomes.MISSING_FILE_DESC)
    @Outcome(id = Outcomes.NOT_VALID_AND_MISSING_FILE, expect = ACCEPTABLE_INTERESTING,
            desc = Outcomes.NOT_VALID_AND_MISSING_FILE_DESC)
    @Outcome(expect = FORBIDDEN, desc = Outcomes.BROKEN_DESC)
    @State
    public static class DrvAndFetch {
        private final CollectorVisitedReferrer s = new CollectorVisitedReferrer(Variant.DRV_AND_FETCH);

        @Actor
        public void collects() {
            s.collects();
        }

        @Actor
        public void yEvaluates() {
            s.yEvaluates();
        }

        @Arbiter
        public void arbiter(ZZZ_Result r) {
            r.r1 = s.registrationFailed();
            r.r2 = s.referencesValid();
            r.r3 = s.validPathsOnDisk();
        }
    }

    @JCStressTest
    @Outcome(id = Outcomes.REGISTERED, expect = ACCEPTABLE, desc = Outcomes.REGISTERED_DESC)
    @Outcome(id = Outcomes.NOT_VALID, expect = FORBIDDEN, desc = Outcomes.NOT_VALID_DESC)
    @Outcome(expect = FORBIDDEN, desc = Outcomes.BROKEN_DESC)
    @State
    public static class NixMaster {
        private final CollectorVisitedReferrer s = new CollectorVisitedReferrer(Variant.NIX_MASTER);

        @Actor
        public void collects() {
            s.collects();
        }

        @Actor
        public void yEvaluates() {
            s.yEvaluates();
        }

        @Arbiter
        public void arbiter(ZZZ_Result r) {
            r.r1 = s.registrationFailed();
            r.r2 = s.referencesValid();
            r.r3 = s.validPathsOnDisk();
        }
    }
}
