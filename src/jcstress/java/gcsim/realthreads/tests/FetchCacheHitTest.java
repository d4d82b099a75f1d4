package gcsim.realthreads.tests;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import gcsim.realthreads.FetchCacheHit;
import gcsim.realthreads.Variant;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZZ_Result;

/**
 * The fetcher-cache report on real threads, under each variant: X's worker exits while Y takes the
 * script from the fetcher cache and writes fixup.drv, whose add runs Y's worker's auto-GC
 * ({@link FetchCacheHit}).
 *
 * <p>One nested test per variant; the variant's id is the nested class's name in kebab case, and the
 * simulator's scenario is {@code fetch-cache-hit}. The race's outcomes are interesting where gcsim finds
 * the failure and forbidden where gcsim verifies the cell (see {@link Outcomes}).
 */
public final class FetchCacheHitTest {
    private FetchCacheHitTest() {}

    @JCStressTest
    @Outcome(id = Outcomes.REGISTERED, expect = ACCEPTABLE, desc = Outcomes.REGISTERED_DESC)
    @Outcome(id = Outcomes.NOT_VALID, expect = ACCEPTABLE_INTERESTING, desc = Outcomes.NOT_VALID_DESC)
    @Outcome(expect = FORBIDDEN, desc = Outcomes.BROKEN_DESC)
    @State
    public static class EarlyReturn {
        private final FetchCacheHit s = new FetchCacheHit(Variant.EARLY_RETURN);

        @Actor
        public void xWorkerExits() {
            s.xWorkerExits();
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
    public static class DrvAndRefs {
        private final FetchCacheHit s = new FetchCacheHit(Variant.DRV_AND_REFS);

        @Actor
        public void xWorkerExits() {
            s.xWorkerExits();
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
    @Outcome(expect = FORBIDDEN, desc = Outcomes.BROKEN_DESC)
    @State
    public static class DrvOnly {
        private final FetchCacheHit s = new FetchCacheHit(Variant.DRV_ONLY);

        @Actor
        public void xWorkerExits() {
            s.xWorkerExits();
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
    @Outcome(expect = FORBIDDEN, desc = Outcomes.BROKEN_DESC)
    @State
    public static class NoEarlyReturn {
        private final FetchCacheHit s = new FetchCacheHit(Variant.NO_EARLY_RETURN);

        @Actor
        public void xWorkerExits() {
            s.xWorkerExits();
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
    @Outcome(expect = FORBIDDEN, desc = Outcomes.BROKEN_DESC)
    @State
    public static class CallerRoot {
        private final FetchCacheHit s = new FetchCacheHit(Variant.CALLER_ROOT);

        @Actor
        public void xWorkerExits() {
            s.xWorkerExits();
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
    public static class DrvAndFetch {
        private final FetchCacheHit s = new FetchCacheHit(Variant.DRV_AND_FETCH);

        @Actor
        public void xWorkerExits() {
            s.xWorkerExits();
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
        private final FetchCacheHit s = new FetchCacheHit(Variant.NIX_MASTER);

        @Actor
        public void xWorkerExits() {
            s.xWorkerExits();
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
