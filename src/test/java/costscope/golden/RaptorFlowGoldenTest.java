package costscope.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.engine.Results;
import costscope.files.ScenarioFiles;
import costscope.model.Lever;
import costscope.model.Scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden figures of the RaptorFlow "Infrastructure Cost Optimization Analysis" (seed 002), modelled in
 * sample-scenarios/raptorflow.json. Expected numbers are typed from the report; ranges are checked as ranges.
 */
class RaptorFlowGoldenTest {

    private static final double CENT = 0.005;
    /** Half of the report's display precision for whole dollars. */
    private static final double WHOLE = 0.5 + 1e-6;
    /** Half of the report's display precision for shares printed to 1%. */
    private static final double PERCENT = 0.005 + 1e-9;

    private static CompiledScenario compiled;

    @BeforeAll
    static void load() throws Exception {
        Scenario s = ScenarioFiles.load(Path.of("sample-scenarios/raptorflow.json"));
        compiled = CompiledScenario.compile(s);
    }

    private static Results with(String... leversOn) {
        Evaluator e = compiled.newEvaluator();
        for (String l : leversOn) e.setLever(l, true);
        return e.evaluateWithSavings();
    }

    private static void assertWithin(double low, double high, double actual, String what) {
        assertTrue(actual >= low - 1e-9 && actual <= high + 1e-9,
                what + ": expected within [" + low + ", " + high + "], was " + actual);
    }

    // ---------------------------------------------------------------- current setup

    @Test
    void fargateTaskAt004048PerHourIs2915PerMonthOver720Hours() {
        Results r = with();
        assertEquals(29.15, r.eval("fargate"), CENT);
        assertEquals(0.04048, r.eval("unitPrice(fargate)"), 1e-12);
        assertEquals(1, r.eval("quantity(fargate)"), 0);
        // the report's $29.15 holds at 720 billable hours (730 h would give $29.55)
        assertEquals(0.04048 * 720, r.eval("fargate"), 1e-9);
    }

    @Test
    void rdsAndRedisT3MicroAt0018PerHourAreAbout13PerMonth() {
        Results r = with();
        assertEquals(13, r.eval("rds"), WHOLE);
        assertEquals(13, r.eval("redis"), WHOLE);
        assertEquals(0.018, r.eval("unitPrice(rds)"), 1e-12);
        assertEquals(0.018, r.eval("unitPrice(redis)"), 1e-12);
        assertEquals(20, r.eval("quantity(rds_storage)"), 0);
    }

    @Test
    void sqsAndServerlessItemsCostNothingBeforeTheMigration() {
        Results r = with();
        assertEquals(0, r.eval("sqs"), CENT);
        assertEquals(0, r.eval("lambda_compute + lambda_requests + api_gateway"), CENT);
    }

    // ---------------------------------------------------------------- optimizations

    @Test
    void rightsizingTo256CpuAnd512MbSavesAbout15PerMonthAndExactlyHalfOfFargate() {
        Results off = with();
        assertEquals(15, off.eval("saving(rightsize)"), WHOLE);
        assertEquals(0.50, off.eval("saving(rightsize) / fargate"), PERCENT);
        Results on = with("rightsize");
        assertEquals(256, on.eval("task_cpu"), 0);
        assertEquals(512, on.eval("task_memory"), 0);
        assertEquals(29.15 / 2, on.eval("fargate"), CENT);
    }

    @Test
    void fargateSpotSeventyThirtyAppliesTheDiscountToSeventyPercentOfTheTask() {
        Results on = with("fargate_spot");
        // 70% of capacity at a 70% discount: the task costs 1 - 0.7 x 0.7 = 51% of on-demand
        assertEquals(29.15 * 0.51, on.eval("fargate"), CENT);
        assertEquals(0.7, on.eval("spot_share_in_use"), 1e-12);
    }

    @Test
    void phaseOneSaves20To25PerMonthAFortyPercentReduction() {
        Results r = with();
        assertWithin(20, 25, r.eval("saving(phase1)"), "Phase 1 saving");
        assertEquals(0.40, r.eval("saving(phase1) / total"), PERCENT);
    }

    @Test
    void phaseLeverEqualsItsOptimizationsAndDoesNotDoubleCount() {
        double phase = with("phase1").monthlyTotal();
        double parts = with("rightsize", "fargate_spot", "rds_t4g").monthlyTotal();
        double both = with("phase1", "rightsize", "fargate_spot", "rds_t4g").monthlyTotal();
        assertEquals(parts, phase, 1e-9);
        assertEquals(phase, both, 1e-9);
        double all = with("all_phases").monthlyTotal();
        assertEquals(with("phase1", "redis_t4g", "serverless").monthlyTotal(), all, 1e-9);
    }

    @Test
    void serverlessMigrationStopsTheFargateTaskAndServesRequestsFromLambda() {
        Results r = with("serverless");
        assertEquals(0, r.eval("fargate"), 0);
        assertEquals(100000, r.eval("quantity(api_gateway)"), 1e-9);
        assertTrue(r.eval("lambda_gb_seconds") > 0);
    }

    @Test
    void optimizedStateMeetsTheSuccessMetricsReductionAndCostPerRequestTargets() {
        Results r = with();
        assertWithin(0.50, 0.70, r.eval("saving(all_phases) / total"), "cost reduction target 50-70%");
        assertTrue(with("all_phases").eval("costPer_request") < 0.03, "cost per request target < $0.03");
    }

    @Test
    void leversStartOffAndNoneIncreasesCost() {
        Results r = with();
        for (Lever l : compiled.scenario().levers()) {
            assertFalse(l.enabled(), l.id());
            assertTrue(r.eval("saving(" + l.id() + ")") >= 0, l.id());
        }
    }

    @Test
    void apiRequestsDriverIsALogSliderAndTrafficRaisesTheServerlessBill() {
        var d = compiled.scenario().driver("api_requests");
        assertNotNull(d);
        Evaluator e = compiled.newEvaluator();
        e.setLever("all_phases", true);
        e.setDriver("api_requests", 1e9);
        double big = e.evaluate().monthlyTotal();
        e.setDriver("api_requests", 100);
        double small = e.evaluate().monthlyTotal();
        assertTrue(Double.isFinite(big) && big > small && small > 0);
    }

    // ---------------------------------------------------------------- audit

    private static final Set<String> EXPECTED_CONTRADICTIONS = new TreeSet<>(List.of(
            "Current monthly cost ~$60 (Total Projected Savings)",
            "Fargate Spot 70/30 saving 50-70% on compute costs (§2)",
            "RDS db.t4g.micro saving ~$5/month (§4)",
            "Phase 2 additional saving ~$10-15/month",
            "Phase 3 saving 60-80% on compute costs",
            "Optimized monthly cost ~$15-25 (Total Projected Savings)",
            "Annual savings $420-4200 (Total Projected Savings)"));

    @Test
    void auditFlagsExactlyTheReportsContradictions() {
        List<Audit.Line> lines = Audit.run(compiled);
        assertEquals(16, lines.size(), "every stated figure is audited");
        Set<String> flagged = lines.stream().filter(l -> !l.agrees()).map(Audit.Line::label)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(EXPECTED_CONTRADICTIONS, flagged);
        assertEquals(lines.size(), lines.stream().map(Audit.Line::label).distinct().count(), "labels are unique");
    }

    @Test
    void auditShowsTheContradictionsWithTheReportsAndTheModelsNumbers() {
        Map<String, Audit.Line> byLabel = Audit.run(compiled).stream()
                .collect(Collectors.toMap(Audit.Line::label, Function.identity()));
        Audit.Line current = byLabel.get("Current monthly cost ~$60 (Total Projected Savings)");
        assertEquals(60, current.stated(), 0);
        // $0.04048 + $0.018 + $0.018 per hour over 720 h, plus 20 GB at $0.115
        assertEquals((0.04048 + 0.018 + 0.018) * 720 + 20 * 0.115, current.computed(), 1e-9);
        Audit.Line spot = byLabel.get("Fargate Spot 70/30 saving 50-70% on compute costs (§2)");
        assertEquals(0.49, spot.computed(), 1e-9);
        Audit.Line rds = byLabel.get("RDS db.t4g.micro saving ~$5/month (§4)");
        assertEquals(5, rds.stated(), 0);
        assertEquals((0.018 - 0.016) * 720, rds.computed(), 1e-9);
        Audit.Line phase2 = byLabel.get("Phase 2 additional saving ~$10-15/month");
        assertEquals((0.018 - 0.016) * 720, phase2.computed(), 1e-9);
        Audit.Line optimized = byLabel.get("Optimized monthly cost ~$15-25 (Total Projected Savings)");
        assertEquals(25.44, optimized.computed(), CENT);
        Audit.Line annual = byLabel.get("Annual savings $420-4200 (Total Projected Savings)");
        assertTrue(annual.computed() < 420, "the model's annual saving is below even the report's low end");
        assertEquals(12 * (current.computed() - optimized.computed()), annual.computed(), 1e-6);
    }

    @Test
    void everyStatedFigureOutsideTheContradictionsAgrees() {
        for (Audit.Line l : Audit.run(compiled)) {
            if (!EXPECTED_CONTRADICTIONS.contains(l.label())) {
                assertTrue(l.agrees(), l.label() + ": stated " + l.stated() + ", computed " + l.computed());
            }
        }
    }
}
