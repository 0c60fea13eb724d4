package costscope.engine;

import costscope.files.ScenarioFiles;
import costscope.model.Distribution;
import costscope.model.Driver;
import costscope.model.Range;
import costscope.model.Scenario;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The five seed samples' ranges (sample-scenarios/): which drivers are uncertain and how, each stated range's verdict
 * beside the model's P5-P95 ({@link MonteCarlo#statedRanges}), and the simulated percentiles against the ones worked
 * out by hand from the distributions (20,000 samples, seed 1: within four standard errors of a sample quantile).
 */
class SampleRangesTest {
    static final int SAMPLES = 20_000;
    static final long SEED = 1;
    static final MonteCarlo.Options OPTIONS = new MonteCarlo.Options(SAMPLES, SEED, 2);

    // ---------------------------------------------------------------- the drivers' ranges

    /** Every range by sample and driver: distribution, low, high, mode (null: none). */
    static final Map<String, Map<String, Range>> RANGES = Map.of(
            "beatsight", ordered(
                    "gpu_cost_per_run", pert(0.055 * 3 / 4, 0.055 * 5 / 4, 0.055),   // 3-5 min, $0.055 at 4 min
                    "fingerprint_cost", pert(0.000171, 0.000229, 0.0002),           // 15-20 s, $0.0002 at 17.5 s
                    "postprocess_cost", pert(0.0006 * 20 / 25, 0.0006 * 30 / 25, 0.0006), // 20-30 s, $0.0006 at 25 s
                    "client_inference_share", uniform(0.3, 0.5)),                   // 'an estimated 30-50%'
            "raptorflow", ordered("spot_discount", uniform(0.5, 0.7)),              // 'Cost Savings: 50-70%'
            "billion-users", ordered("regions", pert(5, 10, 5)),                    // 'Deploy in 5-10 regions'
            "innerworld", ordered("active_per_concurrent", pert(1.42, 1.52, 1.5)),  // '$1.22-1.30 cost per user'
            "awsomebuilder2", ordered(
                    "lambda_avg_duration_s", uniform(0.28, 0.36),                   // stated 0.28 s, inventory 0.36 s
                    "aurora_storage_gb", uniform(500, 600),                         // '500 GB with 20% annual growth'
                    "aurora_io_requests", pert(200e6, 250e6, 200e6),                // '~200-250M I/O requests/month'
                    "nat_data_gb", pert(100, 500, 100),                             // '100 GB' or 'likely 500GB'
                    "ecr_internet_gb", pert(0, 13.33, 10)));                        // 0, 10 or 13.33 GB

    @Test
    void everySampleHasTheReportsRangesOnItsDrivers() throws Exception {
        for (var sample : RANGES.entrySet()) {
            Scenario s = load(sample.getKey());
            assertTrue(CompiledScenario.validate(s).isEmpty(), sample.getKey() + ": " + CompiledScenario.validate(s));
            Map<String, Range> actual = new LinkedHashMap<>();
            for (Driver d : MonteCarlo.uncertain(s)) actual.put(d.id(), d.range());
            assertEquals(List.copyOf(sample.getValue().keySet()), List.copyOf(actual.keySet()), sample.getKey());
            for (Driver d : MonteCarlo.uncertain(s)) {
                Range want = sample.getValue().get(d.id());
                Range r = d.range();
                String where = sample.getKey() + " " + d.id();
                assertEquals(want.distribution(), r.distribution(), where);
                assertEquals(want.low(), r.low(), 1e-12 * Math.abs(want.low()), where + " low");
                assertEquals(want.high(), r.high(), 1e-12 * Math.abs(want.high()), where + " high");
                if (want.mode() == null) assertEquals(null, r.mode(), where + " mode");
                else assertEquals(want.mode(), r.mode(), 1e-12 * Math.abs(want.mode()), where + " mode");
                // the range fits the driver's slider and holds its (unchanged) value; the description quotes the report
                assertTrue(d.effectiveMin() <= r.low() && r.high() <= d.effectiveMax(), where + " within min and max");
                assertTrue(r.low() <= d.value() && d.value() <= r.high(), where + " holds the value " + d.value());
                assertTrue(d.description().contains("Range: the report"), where + ": " + d.description());
            }
        }
    }

    @Test
    void awsomeBuilder2HasExactlyFiveUncertainDrivers() throws Exception {
        Scenario s = load("awsomebuilder2");
        assertEquals(List.of("lambda_avg_duration_s", "aurora_storage_gb", "aurora_io_requests", "nat_data_gb",
                "ecr_internet_gb"), MonteCarlo.uncertain(s).stream().map(Driver::id).toList());
        assertEquals(5, MonteCarlo.run(CompiledScenario.compile(s).newEvaluator(), List.of("total"),
                new MonteCarlo.Options(100, SEED, 1), () -> false).uncertain().size());
    }

    // ---------------------------------------------------------------- the stated ranges' verdicts

    @Test
    void everyStatedRangeHasItsVerdict() throws Exception {
        assertVerdicts("beatsight", Map.of(
                "Total per new song ≈ $0.051-$0.06 (stage table)", "overlaps"));
        assertVerdicts("raptorflow", Map.of(
                "Fargate Spot 70/30 saving 50-70% on compute costs (§2)", "outside",
                "Phase 1 saving ~$20-25/month", "inside",
                "Phase 2 additional saving ~$10-15/month", "outside",
                "Phase 3 saving 60-80% on compute costs", "outside",
                "Optimized monthly cost ~$15-25 (Total Projected Savings)", "outside",
                "Annual savings $420-4200 (Total Projected Savings)", "outside",
                "Success metric: infrastructure cost reduced by 50-70%", "inside"));
        assertVerdicts("billion-users", Map.of(
                "Estimated monthly cost for 1B users, $8-15 million/month (executive summary)", "inside",
                "Estimated annual cost, $96-180 million/year (executive summary)", "inside",
                "Database infrastructure 40-50% of total (executive summary)", "outside",
                "Compute/API servers 20-25% of total (executive summary)", "outside",
                "AI/LLM processing 15-20% of total (executive summary)", "outside",
                "CDN/Bandwidth 10-15% of total (executive summary)", "outside",
                "Search/Caching 5-10% of total (executive summary)", "outside",
                "Aggressive auto-scaling savings, 60-70% on compute costs", "inside"));
        assertVerdicts("awsomebuilder2", Map.of(
                "VPC Endpoints (Potential: $15-25/month), Optimization Recommendations", "outside",
                "High-Impact total ($0-660/month), Total Potential Savings", "inside",
                "Medium-Impact total ($136-146/month), Total Potential Savings", "outside",
                "Total potential savings ($148-818/month), Total Potential Savings", "inside",
                "Total potential savings as share of total (9-49%), Total Potential Savings", "inside"));
        assertVerdicts("innerworld", Map.of());
    }

    // ---------------------------------------------------------------- percentiles worked out by hand

    @Test
    void beatSightPerSongIsTheSumOfThreePertStageCosts() throws Exception {
        // variable_cost / ai_jobs at 1K = GPU + fingerprint + post-processing + the $0.0006 email, the three stage costs
        // PERT with the mode at the midpoint: Beta(3, 3) on their ranges. Symmetric, so the median is the model's $0.0564.
        Scenario s = load("beatsight");
        MonteCarlo.StatedRange r = stated(s, "Total per new song ≈ $0.051-$0.06 (stage table)");
        Shape gpu = Shape.of(BETA_3_3, 0.04125, 0.06875);
        Shape fingerprint = Shape.of(BETA_3_3, 0.000171, 0.000229);
        Shape post = Shape.of(BETA_3_3, 0.00048, 0.00072);
        assertQuantiles(r, 0.0006, gpu, fingerprint, post);
        assertEquals(0.0564, Sum.of(0.0006, gpu, fingerprint, post).quantile(0.5), 1e-9);
        // the report's $0.051-$0.06 holds the GPU to $0.0496-$0.0586; its own 3-5 min gives $0.0465-$0.0635 (P5-P95)
        assertEquals(0.0478, r.p5(), 0.0002);
        assertEquals(0.0649, r.p95(), 0.0002);
        assertEquals(0.051, r.low(), 0);
        assertEquals(0.06, r.high(), 0);
    }

    @Test
    void raptorFlowSpotSavingIsSeventyPercentOfAUniformDiscount() throws Exception {
        Scenario s = load("raptorflow");
        // 70% of capacity on Spot at a discount d ~ U(0.5, 0.7) saves 0.7 d of compute: U(0.35, 0.49)
        MonteCarlo.StatedRange spot = stated(s, "Fargate Spot 70/30 saving 50-70% on compute costs (§2)");
        assertQuantiles(spot, 0, Shape.of(UNIFORM, 0.35, 0.49));
        assertEquals(0.357, spot.p5(), 0.001);
        assertEquals(0.483, spot.p95(), 0.001);
        // Phase 1: right-sizing halves the $0.04048 x 720 h task, Spot takes 0.7 d off the half, db.t4g saves $1.44:
        // 29.1456 x (0.5 + 0.35 d) + 1.44, linear in d
        double task = 0.04048 * 720;
        double rds = (0.018 - 0.016) * 720;
        MonteCarlo.StatedRange phase1 = stated(s, "Phase 1 saving ~$20-25/month");
        assertQuantiles(phase1, task * 0.5 + rds, Shape.of(UNIFORM, task * 0.35 * 0.5, task * 0.35 * 0.7));
        assertEquals(task * (0.5 + 0.35 * 0.51) + rds, phase1.p5(), 0.015);
        assertEquals(task * (0.5 + 0.35 * 0.69) + rds, phase1.p95(), 0.015);
        // Phase 3 (Phase 1 and Redis on): Lambda stays in its free tier, so the HTTP API's $0.10 (100,000 requests at
        // $1/M) replaces the task left after Phase 1, 14.5728 x (1 - 0.7 d): 1 - 0.10 / that, decreasing in d
        MonteCarlo.StatedRange phase3 = stated(s, "Phase 3 saving 60-80% on compute costs");
        DoubleUnaryOperator phase3At = d -> 1 - 0.10 / (task * 0.5 * (1 - 0.7 * d));
        DoubleUnaryOperator slope = d -> 0.10 * 0.7 / (task * 0.5 * Math.pow(1 - 0.7 * d, 2));
        double[][] qs = {{0.05, phase3.p5(), 0.69}, {0.5, phase3.p50(), 0.6}, {0.95, phase3.p95(), 0.51}};
        for (double[] q : qs) {
            // the discount's (1 - p) quantile, through the curve; its density is 1 / 0.2
            double tol = tolerance(q[0], 5) * slope.applyAsDouble(q[2]);
            assertEquals(phase3At.applyAsDouble(q[2]), q[1], tol, "Phase 3 P" + Math.round(q[0] * 100));
        }
        // the figures the discount does not move have no spread: exactly the audit's value
        for (String label : List.of("Phase 2 additional saving ~$10-15/month",
                "Optimized monthly cost ~$15-25 (Total Projected Savings)",
                "Annual savings $420-4200 (Total Projected Savings)",
                "Success metric: infrastructure cost reduced by 50-70%")) {
            assertNoSpread(s, stated(s, label));
        }
        double redis = (0.018 - 0.016) * 720;
        assertEquals(redis, stated(s, "Phase 2 additional saving ~$10-15/month").p50(), 1e-9);
        assertEquals(25.44, stated(s, "Optimized monthly cost ~$15-25 (Total Projected Savings)").p50(), 0.005);
    }

    @Test
    void billionUsersRangesAreAtTheScalePointThatHoldsTheRegions() throws Exception {
        Scenario s = load("billion-users");
        // every stated range is at 1B, which sets regions to 5: no spread, each exactly the audit's value
        List<MonteCarlo.StatedRange> all = statedRanges(s);
        assertEquals(8, all.size());
        for (MonteCarlo.StatedRange r : all) assertNoSpread(s, r);
        assertEquals(8_640_058, stated(s, "Estimated monthly cost for 1B users, $8-15 million/month (executive summary)")
                .p50(), 0.5);
        assertEquals(0.7, stated(s, "Aggressive auto-scaling savings, 60-70% on compute costs").p50(), 1e-12);
        // at the file's own values regions move the total: $1,000 of Cloud Armor and 2 x $73 of GKE a region, with
        // regions PERT(5, 5, 10) = 5 + 5 Beta(1, 5)
        MonteCarlo.Spread total = run(s, null, "total");
        Shape regions = Shape.of(BETA_1_5, 0, 5 * 1146);
        assertQuantiles(total, 19_955_040, regions);
        assertEquals(19_955_040 + 5 * 1146 * (1 - Math.pow(0.95, 0.2)), Sum.of(19_955_040, regions).quantile(0.05), 1e-6);
    }

    @Test
    void awsomeBuilder2SavingsMoveWithNatDataAndLambdaDuration() throws Exception {
        Scenario s = load("awsomebuilder2");
        // VPC endpoints save 40% of NAT data processing at $0.045/GB: 0.018 N, N ~ PERT(100, 100, 500) = 100 + 400 Beta(1, 5)
        MonteCarlo.StatedRange vpc = stated(s, "VPC Endpoints (Potential: $15-25/month), Optimization Recommendations");
        Shape nat = Shape.of(BETA_1_5, 0, 0.018 * 400);
        assertQuantiles(vpc, 0.018 * 100, nat);
        assertEquals(0.018 * (100 + 400 * (1 - Math.pow(0.95, 0.2))), Sum.of(0.018 * 100, nat).quantile(0.05), 1e-10);
        assertEquals(0.018 * (100 + 400 * (1 - Math.pow(0.05, 0.2))), Sum.of(0.018 * 100, nat).quantile(0.95), 1e-10);
        // medium impact = ARM64 (20% of Lambda) + VPC endpoints + pooling ($97.20): the model's $113.05 at 0.28 s and
        // 100 GB, plus 20% of 5.8M invocations x 0.35 GB x $0.0000166667 per GB-s for each second over 0.28 s
        // (uniform to 0.36 s) and 0.018 per GB over 100 (Beta(1, 5) x 400)
        MonteCarlo.StatedRange medium = stated(s, "Medium-Impact total ($136-146/month), Total Potential Savings");
        double perSecond = 0.2 * 5_800_000 * 0.35 * 0.0000166667;
        double base = auditValue(s, "Medium-Impact total ($136-146/month), Total Potential Savings");
        assertEquals(113.05, base, 0.005);
        assertQuantiles(medium, base, Shape.of(UNIFORM, 0, perSecond * 0.08), nat);
        assertTrue(medium.p5() > base && medium.p95() < medium.low(), "above the model's value, below the report's $136");
        // the total adds savings the five drivers do not move: the same samples, shifted by exactly that much
        MonteCarlo.StatedRange total = stated(s, "Total potential savings ($148-818/month), Total Potential Savings");
        double fixed = auditValue(s, "Total potential savings ($148-818/month), Total Potential Savings") - base;
        assertEquals(559.61 + 2.63, fixed, 0.01);
        assertEquals(medium.p5() + fixed, total.p5(), 1e-9);
        assertEquals(medium.p50() + fixed, total.p50(), 1e-9);
        assertEquals(medium.p95() + fixed, total.p95(), 1e-9);
        assertNoSpread(s, stated(s, "High-Impact total ($0-660/month), Total Potential Savings"));
    }

    @Test
    void innerWorldCostPerUserAtTenThousandStaysNearTheReportsRange() throws Exception {
        Scenario s = load("innerworld");
        // cost per active user at 10K = $18,504 / (10,000 x a), a ~ PERT(1.42, 1.5, 1.52) = Beta(4.2, 1.8) on the range
        MonteCarlo.Spread cpu = run(s, "10K", "costPerUser");
        BetaDistribution a = new BetaDistribution(1 + 4 * 0.08 / 0.1, 1 + 4 * 0.02 / 0.1);
        DoubleUnaryOperator at = q -> 1.8504 / (1.42 + 0.1 * a.inverseCumulativeProbability(q));
        for (double[] pq : new double[][]{{0.05, cpu.p5()}, {0.5, cpu.p50()}, {0.95, cpu.p95()}}) {
            double want = at.applyAsDouble(1 - pq[0]);        // decreasing in a
            double density = a.density((1.8504 / want - 1.42) / 0.1) / 0.1 * (1.8504 / (want * want));
            assertEquals(want, pq[1], tolerance(pq[0], density), "P" + Math.round(pq[0] * 100));
        }
        assertTrue(cpu.min() >= 1.8504 / 1.52 - 1e-12 && cpu.max() <= 1.8504 / 1.42 + 1e-12);
        // the report's $1.22-1.30 holds the model's P5-P95 (its ends, 1.8504 / 1.52 and / 1.42, are $1.2174 and $1.3031)
        assertTrue(cpu.p5() >= 1.22 && cpu.p95() <= 1.30, cpu.p5() + " to " + cpu.p95());
    }

    // ---------------------------------------------------------------- helpers

    static Scenario load(String name) throws Exception {
        return ScenarioFiles.load(Path.of("sample-scenarios", name + ".json"));
    }

    /** Each sample's stated ranges, simulated once (a scenario is loaded afresh each time, so keyed by its name). */
    static final Map<String, List<MonteCarlo.StatedRange>> STATED = new java.util.HashMap<>();
    static final Map<String, List<Audit.Line>> AUDITS = new java.util.HashMap<>();

    static synchronized List<MonteCarlo.StatedRange> statedRanges(Scenario s) throws Exception {
        List<MonteCarlo.StatedRange> all = STATED.get(s.name());
        if (all == null) {
            all = MonteCarlo.statedRanges(CompiledScenario.compile(s).newEvaluator(), OPTIONS, () -> false);
            assertNotNull(all);
            STATED.put(s.name(), all);
        }
        return all;
    }

    static MonteCarlo.StatedRange stated(Scenario s, String label) throws Exception {
        return statedRanges(s).stream().filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no stated range '" + label + "'"));
    }

    static MonteCarlo.Spread run(Scenario s, String scalePoint, String output) throws Exception {
        Evaluator e = CompiledScenario.compile(s).newEvaluator();
        if (scalePoint != null) e.applyScalePoint(scalePoint);
        return MonteCarlo.run(e, List.of(output), OPTIONS, () -> false).outputs().get(0);
    }

    /** The deterministic value of a stated figure, as the audit computes it. */
    static synchronized double auditValue(Scenario s, String label) throws Exception {
        List<Audit.Line> audit = AUDITS.get(s.name());
        if (audit == null) {
            audit = Audit.run(CompiledScenario.compile(s));
            AUDITS.put(s.name(), audit);
        }
        return audit.stream().filter(l -> l.label().equals(label)).findFirst()
                .orElseThrow().computed();
    }

    static void assertVerdicts(String sample, Map<String, String> expected) throws Exception {
        Scenario s = load(sample);
        List<MonteCarlo.StatedRange> all = statedRanges(s);
        Map<String, String> actual = new LinkedHashMap<>();
        for (MonteCarlo.StatedRange r : all) {
            String verdict = r.inside() ? "inside" : r.overlaps() ? "overlaps" : "outside";
            actual.put(r.label(), verdict);
            // the verdict is what the numbers say
            assertEquals(r.p5() >= r.low() && r.p95() <= r.high(), r.inside(), r.label());
            assertEquals(r.p5() <= r.high() && r.p95() >= r.low(), r.overlaps(), r.label());
        }
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(actual), sample);
        // a figure stated as a range is exactly one the file gives low and high
        assertEquals(s.statedFigures().stream().filter(f -> f.low() != null && f.high() != null).count(), all.size(),
                sample);
    }

    /** A range the model does not move: P5, P50 and P95 are the audit's value. */
    static void assertNoSpread(Scenario s, MonteCarlo.StatedRange r) throws Exception {
        double v = auditValue(s, r.label());
        double tol = 1e-9 * Math.max(1, Math.abs(v));
        assertEquals(v, r.p5(), tol, r.label());
        assertEquals(v, r.p50(), tol, r.label());
        assertEquals(v, r.p95(), tol, r.label());
    }

    static void assertQuantiles(MonteCarlo.StatedRange r, double shift, Shape... parts) {
        assertQuantiles(r.label(), new double[]{r.p5(), r.p50(), r.p95()}, shift, parts);
    }

    static void assertQuantiles(MonteCarlo.Spread s, double shift, Shape... parts) {
        assertQuantiles(s.id(), new double[]{s.p5(), s.p50(), s.p95()}, shift, parts);
    }

    /** P5, P50 and P95 within four standard errors of the sum's: sqrt(p (1 - p) / n) / density. */
    static void assertQuantiles(String what, double[] actual, double shift, Shape... parts) {
        Sum sum = Sum.of(shift, parts);
        double[] ps = {0.05, 0.5, 0.95};
        for (int i = 0; i < ps.length; i++) {
            double want = sum.quantile(ps[i]);
            assertEquals(want, actual[i], tolerance(ps[i], sum.density(want)),
                    what + " P" + Math.round(ps[i] * 100) + " (exact " + want + ")");
        }
    }

    static double tolerance(double p, double density) {
        return 4 * Math.sqrt(p * (1 - p) / SAMPLES) / density;
    }

    /** The CDFs of the shapes on [0, 1] the samples' ranges use. */
    static final DoubleUnaryOperator UNIFORM = y -> y;
    /** PERT with the mode at the midpoint. */
    static final DoubleUnaryOperator BETA_3_3 = y -> y * y * y * (10 - 15 * y + 6 * y * y);
    /** PERT with the mode at the low end. */
    static final DoubleUnaryOperator BETA_1_5 = y -> 1 - Math.pow(1 - y, 5);

    /** A distribution on [lo, hi]: a shape on [0, 1] stretched there. */
    record Shape(DoubleUnaryOperator unit, double lo, double hi) {
        static Shape of(DoubleUnaryOperator unit, double lo, double hi) {
            return new Shape(unit, lo, hi);
        }

        double cdf(double x) {
            if (x <= lo) return 0;
            if (x >= hi) return 1;
            return unit.applyAsDouble((x - lo) / (hi - lo));
        }
    }

    /**
     * A constant plus independent shapes: the first kept continuous, the others as 200 cells each (their mass from
     * their CDF, at the cell's midpoint), so the CDF is a sum of the first shape's CDF over the others' cells.
     */
    record Sum(double shift, Shape first, double[] values, double[] masses) {
        static final int CELLS = 200;

        static Sum of(double shift, Shape... parts) {
            double[] values = {0};
            double[] masses = {1};
            for (int k = 1; k < parts.length; k++) {
                Shape p = parts[k];
                double[] v = new double[values.length * CELLS];
                double[] m = new double[values.length * CELLS];
                for (int i = 0; i < values.length; i++) {
                    for (int c = 0; c < CELLS; c++) {
                        double a = p.lo() + (p.hi() - p.lo()) * c / CELLS;
                        double b = p.lo() + (p.hi() - p.lo()) * (c + 1) / CELLS;
                        v[i * CELLS + c] = values[i] + (a + b) / 2;
                        m[i * CELLS + c] = masses[i] * (p.cdf(b) - p.cdf(a));
                    }
                }
                values = v;
                masses = m;
            }
            return new Sum(shift, parts[0], values, masses);
        }

        double cdf(double x) {
            double f = 0;
            for (int i = 0; i < values.length; i++) f += masses[i] * first.cdf(x - shift - values[i]);
            return f;
        }

        double density(double x) {
            double h = 1e-4 * (first.hi() - first.lo());
            return (cdf(x + h) - cdf(x - h)) / (2 * h);
        }

        double quantile(double p) {
            double lo = shift + first.lo() + java.util.Arrays.stream(values).min().orElseThrow();
            double hi = shift + first.hi() + java.util.Arrays.stream(values).max().orElseThrow();
            for (int i = 0; i < 200; i++) {
                double mid = (lo + hi) / 2;
                if (cdf(mid) < p) lo = mid;
                else hi = mid;
            }
            return (lo + hi) / 2;
        }
    }

    static Range uniform(double low, double high) {
        return new Range(Distribution.UNIFORM, low, high, null, null, null);
    }

    static Range pert(double low, double high, double mode) {
        return new Range(Distribution.PERT, low, high, mode, null, null);
    }

    static <V> Map<String, V> ordered(Object... pairs) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked") V v = (V) pairs[i + 1];
            m.put((String) pairs[i], v);
        }
        return m;
    }
}
