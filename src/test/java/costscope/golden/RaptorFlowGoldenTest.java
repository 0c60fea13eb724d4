package costscope.golden;

import static costscope.golden.GoldenScenario.CENT;
import static costscope.golden.GoldenScenario.PERCENT;
import static costscope.golden.GoldenScenario.WHOLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import costscope.engine.Audit;
import costscope.engine.Evaluator;
import costscope.engine.Results;
import costscope.model.Lever;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden figures of the RaptorFlow "Infrastructure Cost Optimization Analysis" (seed 002), modelled in
 * sample-scenarios/raptorflow.json. Expected numbers are typed from the report; ranges are checked as ranges.
 */
class RaptorFlowGoldenTest {

    private static GoldenScenario raptorFlow;

    @BeforeAll
    static void load() throws Exception {
        raptorFlow = GoldenScenario.load("raptorflow.json");
    }

    private static void assertWithin(double low, double high, double actual, String what) {
        assertTrue(actual >= low - 1e-9 && actual <= high + 1e-9,
                what + ": expected within [" + low + ", " + high + "], was " + actual);
    }

    // ---------------------------------------------------------------- current setup

    @Test
    void fargateTaskAt004048PerHourIs2915PerMonthOver720Hours() {
        Results r = raptorFlow.withLevers();
        assertEquals(29.15, r.eval("fargate"), CENT);
        assertEquals(0.04048, r.eval("unitPrice(fargate)"), 1e-12);
        assertEquals(1, r.eval("quantity(fargate)"), 0);
        // the report's $29.15 holds at 720 billable hours (730 h would give $29.55)
        assertEquals(0.04048 * 720, r.eval("fargate"), 1e-9);
    }

    @Test
    void rdsAndRedisT3MicroAt0018PerHourAreAbout13PerMonth() {
        Results r = raptorFlow.withLevers();
        assertEquals(13, r.eval("rds"), WHOLE);
        assertEquals(13, r.eval("redis"), WHOLE);
        assertEquals(0.018, r.eval("unitPrice(rds)"), 1e-12);
        assertEquals(0.018, r.eval("unitPrice(redis)"), 1e-12);
        assertEquals(20, r.eval("quantity(rds_storage)"), 0);
    }

    @Test
    void sqsAndServerlessItemsCostNothingBeforeTheMigration() {
        Results r = raptorFlow.withLevers();
        assertEquals(0, r.eval("sqs"), CENT);
        assertEquals(0, r.eval("lambda_compute + lambda_requests + api_gateway"), CENT);
    }

    // ---------------------------------------------------------------- optimizations

    @Test
    void rightsizingTo256CpuAnd512MbSavesAbout15PerMonthAndExactlyHalfOfFargate() {
        Results off = raptorFlow.withLevers();
        assertEquals(15, off.eval("saving(rightsize)"), WHOLE);
        assertEquals(0.50, off.eval("saving(rightsize) / fargate"), PERCENT);
        Results on = raptorFlow.withLevers("rightsize");
        assertEquals(256, on.eval("task_cpu"), 0);
        assertEquals(512, on.eval("task_memory"), 0);
        assertEquals(29.15 / 2, on.eval("fargate"), CENT);
    }

    @Test
    void fargateSpotSeventyThirtyAppliesTheDiscountToSeventyPercentOfTheTask() {
        Results on = raptorFlow.withLevers("fargate_spot");
        // 70% of capacity at a 70% discount: the task costs 1 - 0.7 x 0.7 = 51% of on-demand
        assertEquals(29.15 * 0.51, on.eval("fargate"), CENT);
        assertEquals(0.7, on.eval("spot_share_in_use"), 1e-12);
    }

    @Test
    void phaseOneSaves20To25PerMonthAFortyPercentReduction() {
        Results r = raptorFlow.withLevers();
        assertWithin(20, 25, r.eval("saving(phase1)"), "Phase 1 saving");
        assertEquals(0.40, r.eval("saving(phase1) / total"), PERCENT);
    }

    @Test
    void phaseLeverEqualsItsOptimizationsAndDoesNotDoubleCount() {
        double phase = raptorFlow.withLevers("phase1").monthlyTotal();
        double parts = raptorFlow.withLevers("rightsize", "fargate_spot", "rds_t4g").monthlyTotal();
        double both = raptorFlow.withLevers("phase1", "rightsize", "fargate_spot", "rds_t4g").monthlyTotal();
        assertEquals(parts, phase, 1e-9);
        assertEquals(phase, both, 1e-9);
        double all = raptorFlow.withLevers("all_phases").monthlyTotal();
        assertEquals(raptorFlow.withLevers("phase1", "redis_t4g", "serverless").monthlyTotal(), all, 1e-9);
    }

    @Test
    void serverlessMigrationStopsTheFargateTaskAndServesRequestsFromLambda() {
        Results r = raptorFlow.withLevers("serverless");
        assertEquals(0, r.eval("fargate"), 0);
        assertEquals(100000, r.eval("quantity(api_gateway)"), 1e-9);
        assertTrue(r.eval("lambda_gb_seconds") > 0);
    }

    @Test
    void optimizedStateMeetsTheSuccessMetricsReductionAndCostPerRequestTargets() {
        Results r = raptorFlow.withLevers();
        assertWithin(0.50, 0.70, r.eval("saving(all_phases) / total"), "cost reduction target 50-70%");
        assertTrue(raptorFlow.withLevers("all_phases").eval("costPer_request") < 0.03, "cost per request target < $0.03");
    }

    @Test
    void leversStartOffAndNoneIncreasesCost() {
        Results r = raptorFlow.withLevers();
        for (Lever l : raptorFlow.scenario().levers()) {
            assertFalse(l.enabled(), l.id());
            assertTrue(r.eval("saving(" + l.id() + ")") >= 0, l.id());
        }
    }

    @Test
    void apiRequestsDriverIsALogSliderAndTrafficRaisesTheServerlessBill() {
        var d = raptorFlow.scenario().driver("api_requests");
        assertNotNull(d);
        Evaluator e = raptorFlow.evaluator(null);
        e.setLever("all_phases", true);
        e.setDriver("api_requests", 1e9);
        double big = e.evaluate().monthlyTotal();
        e.setDriver("api_requests", 100);
        double small = e.evaluate().monthlyTotal();
        assertTrue(Double.isFinite(big) && big > small && small > 0);
    }

    // ---------------------------------------------------------------- audit

    /** Every stated figure the model contradicts, by label; each is explained in the scenario's description. */
    private static final List<String> EXPECTED_CONTRADICTIONS = List.of(
            "Current monthly cost ~$60 (Total Projected Savings)",
            "Fargate Spot 70/30 saving 50-70% on compute costs (§2)",
            "RDS db.t4g.micro saving ~$5/month (§4)",
            "Phase 2 additional saving ~$10-15/month",
            "Phase 3 saving 60-80% on compute costs",
            "Optimized monthly cost ~$15-25 (Total Projected Savings)",
            "Annual savings $420-4200 (Total Projected Savings)");

    /** The report states 16 figures; 9 of them agree with the model and the 7 above contradict it. */
    @Test
    void everyOtherStatedFigureAgrees() {
        raptorFlow.assertAudit(16, 9, EXPECTED_CONTRADICTIONS);
    }

    @Test
    void aChangedFigureIsCaught() throws Exception {
        // RDS stated as $15 (the model: 720 h x $0.018 = $12.96); the ~$60 current cost stated as the model's
        // (0.04048 + 0.018 + 0.018) x 720 + 20 x 0.115 = $57.3656
        raptorFlow.assertChangedFiguresAreCaught(16, 9, EXPECTED_CONTRADICTIONS,
                "RDS PostgreSQL t3.micro, ≈ $13/month (Current setup)", 15, 12.96,
                "Current monthly cost ~$60 (Total Projected Savings)", 57.3656);
    }

    @Test
    void auditShowsTheContradictionsWithTheReportsAndTheModelsNumbers() {
        Audit.Line current = raptorFlow.auditLine("Current monthly cost ~$60 (Total Projected Savings)");
        assertEquals(60, current.stated(), 0);
        // $0.04048 + $0.018 + $0.018 per hour over 720 h, plus 20 GB at $0.115
        assertEquals((0.04048 + 0.018 + 0.018) * 720 + 20 * 0.115, current.computed(), 1e-9);
        Audit.Line spot = raptorFlow.auditLine("Fargate Spot 70/30 saving 50-70% on compute costs (§2)");
        assertEquals(0.49, spot.computed(), 1e-9);
        Audit.Line rds = raptorFlow.auditLine("RDS db.t4g.micro saving ~$5/month (§4)");
        assertEquals(5, rds.stated(), 0);
        assertEquals((0.018 - 0.016) * 720, rds.computed(), 1e-9);
        Audit.Line phase2 = raptorFlow.auditLine("Phase 2 additional saving ~$10-15/month");
        assertEquals((0.018 - 0.016) * 720, phase2.computed(), 1e-9);
        Audit.Line optimized = raptorFlow.auditLine("Optimized monthly cost ~$15-25 (Total Projected Savings)");
        assertEquals(25.44, optimized.computed(), CENT);
        Audit.Line annual = raptorFlow.auditLine("Annual savings $420-4200 (Total Projected Savings)");
        assertTrue(annual.computed() < 420, "the model's annual saving is below even the report's low end");
        assertEquals(12 * (current.computed() - optimized.computed()), annual.computed(), 1e-6);
    }
}
