package costscope.engine;

import costscope.files.ScenarioFiles;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Monte Carlo through the compiled program: percentiles, tiers per sample, reproducibility, zero width, correlation. */
class MonteCarloTest {
    static final String MODEL = """
            {"format": "costscope-scenario", "version": 1, "name": "mc", "currency": "USD",
             "drivers": [
               {"id": "listeners", "label": "Listeners", "value": 1000, "range": %s},
               {"id": "minutes", "label": "Minutes per track", "value": 4, "min": 0,
                "range": {"distribution": "pert", "low": 3, "high": 5, "mode": 4}},
               {"id": "fixed", "label": "Fixed", "value": 2}]%s,
             "categories": [{"id": "compute", "label": "Compute"}, {"id": "gpu", "label": "GPU"}],
             "items": [
               {"id": "api", "label": "API", "category": "compute", "quantity": "listeners", "unitPrice": 0.5},
               {"id": "render", "label": "Render", "category": "gpu", "quantity": "listeners * minutes", "freeAllowance": 2000,
                "unitPrice": 0.01}]}
            """;

    static CompiledScenario model(String usersRange, String more) throws ScenarioException {
        Scenario s = ScenarioFiles.parse(MODEL.formatted(usersRange, more), "mc.json");
        return CompiledScenario.compile(s);
    }

    static MonteCarlo.Result run(CompiledScenario c, int n, long seed, int threads, String... outputs) {
        return MonteCarlo.run(c.newEvaluator(), List.of(outputs), new MonteCarlo.Options(n, seed, threads), () -> false);
    }

    @Test
    void aLinearOutputHasItsInputsPercentiles() throws ScenarioException {
        // api = 0.5 x users with users uniform on [800, 1200]: its P10 is 0.5 x 840 = 420, exactly in the limit
        CompiledScenario c = model("{\"distribution\": \"uniform\", \"low\": 800, \"high\": 1200}", "");
        MonteCarlo.Result r = run(c, 200_000, 7, 2, "api");
        MonteCarlo.Spread s = r.outputs().get(0);
        // a uniform's sample quantile has standard error sqrt(p(1-p)/n) x range; 4 standard errors of 400 x 0.5
        double se = Math.sqrt(0.1 * 0.9 / 200_000) * 200;
        assertEquals(420, s.p10(), 4 * se);
        assertEquals(500, s.p50(), 4 * Math.sqrt(0.25 / 200_000) * 200);
        assertEquals(580, s.p90(), 4 * se);
        assertEquals(500, s.mean(), 4 * 200 / Math.sqrt(12) / Math.sqrt(200_000));
        assertTrue(s.min() >= 400 && s.max() <= 600);
        assertEquals(200_000, java.util.Arrays.stream(s.histogram().counts()).sum());
        assertEquals(MonteCarlo.BINS + 1, s.histogram().edges().length);
    }

    @Test
    void theFreeAllowanceAppliesPerSample() throws ScenarioException {
        // render = max(0, users x minutes - 2000) x 0.01 with users fixed at 400: 400 x [3, 5] = 1,200 to 2,000, all free
        CompiledScenario c = model("{\"distribution\": \"uniform\", \"low\": 400, \"high\": 400}", "");
        MonteCarlo.Spread s = run(c, 5_000, 1, 1, "render").outputs().get(0);
        assertEquals(0.0, s.max(), "under the allowance in every sample; an average of the inputs could not show it");
    }

    @Test
    void theSameSeedGivesTheSameNumbersOnOneThreadOrSeveral() throws ScenarioException {
        CompiledScenario c = model("{\"distribution\": \"lognormal\", \"low\": 500, \"high\": 2000}", "");
        MonteCarlo.Result one = run(c, 30_000, 42, 1, "total", "gpu");
        MonteCarlo.Result four = run(c, 30_000, 42, 4, "total", "gpu");
        for (int j = 0; j < 2; j++) {
            MonteCarlo.Spread a = one.outputs().get(j);
            MonteCarlo.Spread b = four.outputs().get(j);
            assertEquals(a.mean(), b.mean(), 0.0);
            assertArrayEquals(new double[]{a.p5(), a.p10(), a.p50(), a.p90(), a.p95(), a.min(), a.max()},
                    new double[]{b.p5(), b.p10(), b.p50(), b.p90(), b.p95(), b.min(), b.max()}, 0.0);
            assertArrayEquals(a.histogram().counts(), b.histogram().counts());
        }
        MonteCarlo.Result other = run(c, 30_000, 43, 4, "total", "gpu");
        assertTrue(other.outputs().get(0).mean() != one.outputs().get(0).mean(), "another seed, other samples");
    }

    @Test
    void aZeroWidthRangeGivesExactlyTheDeterministicResult() throws ScenarioException {
        CompiledScenario c = model("{\"distribution\": \"normal\", \"mean\": 1000, \"sd\": 0}", "")
                ;
        Scenario fixed = c.scenario().withDrivers(c.scenario().drivers().stream()
                .map(d -> d.id().equals("minutes") ? d.withRange(null) : d).toList());
        CompiledScenario cf = CompiledScenario.compile(fixed);
        MonteCarlo.Spread s = run(cf, 1_000, 3, 2, "total").outputs().get(0);
        double exact = cf.newEvaluator().total();
        assertEquals(exact, s.min(), 0.0);
        assertEquals(exact, s.max(), 0.0);
        assertEquals(exact, s.p50(), 0.0);
        assertEquals(exact, s.mean(), 0.0);
    }

    @Test
    void correlatedDriversMoveTogetherAndTheInfluenceSaysWhichDrivesTheSpread() throws ScenarioException {
        CompiledScenario c = model("{\"distribution\": \"uniform\", \"low\": 800, \"high\": 1200}",
                ",\n \"correlations\": [{\"between\": [\"listeners\", \"minutes\"], \"rank\": 0.7}]");
        double[][] in = MonteCarlo.samples(c, MonteCarlo.uncertain(c.scenario()), 20_000, 5);
        assertEquals(0.7, RankCorrelation.spearman(in[0], in[1]), 0.03);
        MonteCarlo.Result r = run(c, 20_000, 5, 2, "api");
        assertEquals("listeners", r.influence().get(0).get(0).driver(), "api depends on users alone");
        assertEquals(1.0, r.influence().get(0).get(0).rank(), 1e-9);
        assertEquals(0.7, r.influence().get(0).get(1).rank(), 0.03, "minutes moves api only through the correlation");
    }

    @Test
    void badRangesAndCorrelationsAreProblemsAtTheirPlaces() {
        assertEquals(List.of("drivers[0] 'listeners', range: high must be above low"),
                problems("{\"distribution\": \"uniform\", \"low\": 5, \"high\": 1}", ""));
        assertEquals(List.of("correlations[0].between: 'fixed' has no range: only uncertain drivers correlate"),
                problems("{\"distribution\": \"uniform\", \"low\": 1, \"high\": 5}",
                        ",\n \"correlations\": [{\"between\": [\"listeners\", \"fixed\"], \"rank\": 0.5}]"));
        assertEquals(List.of("correlations[0].rank: rank must be between -1 and 1 (not either end: drivers that move as one"
                        + " are one driver, so give one as a formula of the other)"),
                problems("{\"distribution\": \"uniform\", \"low\": 1, \"high\": 5}",
                        ",\n \"correlations\": [{\"between\": [\"listeners\", \"minutes\"], \"rank\": 1.5}]"));
    }

    @Test
    void aRunThatIsNoLongerWantedStops() throws ScenarioException {
        CompiledScenario c = model("{\"distribution\": \"uniform\", \"low\": 800, \"high\": 1200}", "");
        assertNull(MonteCarlo.run(c.newEvaluator(), List.of("total"), new MonteCarlo.Options(100_000, 1, 2), () -> true));
    }

    @Test
    void eachPointOfABandedSweepIsTheSimulationAtThatPoint() throws ScenarioException {
        // listeners is uncertain but swept: at each point it is held there and only minutes is sampled
        CompiledScenario c = model("{\"distribution\": \"uniform\", \"low\": 800, \"high\": 1200}", "");
        double[] points = {100, 1_000, 10_000};
        MonteCarlo.Bands b = MonteCarlo.sweep(c.newEvaluator(), "listeners", points, List.of("total", "gpu"),
                new MonteCarlo.Options(4_000, 9, 2), () -> false);
        assertEquals(List.of("minutes"), b.uncertain());
        for (int p = 0; p < points.length; p++) {
            Evaluator at = c.newEvaluator();
            at.setDriver("listeners", points[p]);
            MonteCarlo.Result r = MonteCarlo.run(at, List.of("total", "gpu"), java.util.Set.of("listeners"),
                    new MonteCarlo.Options(4_000, 9, 1), () -> false);
            for (int j = 0; j < 2; j++) {
                MonteCarlo.Spread s = r.outputs().get(j);
                MonteCarlo.Band band = b.bands().get(j);
                assertArrayEquals(new double[]{s.mean(), s.p5(), s.p10(), s.p50(), s.p90(), s.p95()},
                        new double[]{band.mean()[p], band.p5()[p], band.p10()[p], band.p50()[p], band.p90()[p], band.p95()[p]},
                        0.0, "point " + points[p] + ", output " + j);
            }
        }
        // at 100 listeners every render minute is free (100 x 5 < 2,000): the GPU band is 0 throughout
        assertEquals(0.0, b.bands().get(1).p95()[0]);
        // at 10,000 listeners: gpu = (10,000 x minutes - 2,000) x 0.01, minutes PERT(3, 4, 5): the median is 380
        assertEquals(380, b.bands().get(1).p50()[2], 4);
    }

    @Test
    void percentilesBySelectionEqualThoseOfAFullSortWithTiesAndNaN() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int n : new int[]{1, 2, 3, 31, 33, 100, 1_001, 50_000}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = i % 17 == 5 ? Double.NaN : Math.floor(rng.nextDouble() * (n % 2 == 0 ? 7 : 1e6));
            double[] sorted = java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
            MonteCarlo.Spread s = MonteCarlo.spread("x", v.clone());
            if (sorted.length == 0) continue;
            assertArrayEquals(new double[]{MonteCarlo.quantile(sorted, 0.05), MonteCarlo.quantile(sorted, 0.10),
                            MonteCarlo.quantile(sorted, 0.5), MonteCarlo.quantile(sorted, 0.9), MonteCarlo.quantile(sorted, 0.95),
                            sorted[0], sorted[sorted.length - 1]},
                    new double[]{s.p5(), s.p10(), s.p50(), s.p90(), s.p95(), s.min(), s.max()}, 0.0, "n = " + n);
            assertEquals(v.length - sorted.length, s.notANumber());
        }
        // type 7 on 1..5: P10 = 1 + 0.4 x (2 - 1) = 1.4, P50 = 3, P95 = 4 + 0.8 = 4.8
        MonteCarlo.Spread s = MonteCarlo.spread("x", new double[]{5, 3, 1, 4, 2});
        assertEquals(1.4, s.p10(), 1e-12);
        assertEquals(3, s.p50(), 0.0);
        assertEquals(4.8, s.p95(), 1e-12);
    }

    @Test
    void orderStatisticsByBucketsEqualAFullSortOnSkewedTiedAndInfiniteValues() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
        int n = 20_000;
        for (int shape = 0; shape < 6; shape++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                double g = rng.nextGaussian();
                v[i] = switch (shape) {
                    case 0 -> Math.exp(12 * g);                        // nearly all in the first bucket
                    case 1 -> i == 7 ? 1e300 : g;                      // one far outlier
                    case 2 -> i % 2 == 0 ? -0.0 : 0.0;                 // signed zeros only
                    case 3 -> i == 3 ? Double.POSITIVE_INFINITY : g;   // not a finite width: selection
                    case 4 -> i % 3 == 0 ? Double.NaN : Math.rint(g * 3);
                    default -> -Math.exp(g) * 1e-300;                  // a width too small to scale
                };
            }
            double[] sorted = java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
            int m = sorted.length;
            int[] wanted = {0, 1, m / 20, m / 10, m / 2, m / 2 + 1, m - 2, m - 1};
            double[] at = MonteCarlo.orderStatistics(v, m, sorted[0], sorted[m - 1], wanted);
            for (int i = 0; i < wanted.length; i++) {
                assertEquals(Double.doubleToRawLongBits(sorted[wanted[i]]), Double.doubleToRawLongBits(at[i]),
                        "shape " + shape + ", position " + wanted[i]);
            }
            MonteCarlo.Spread s = MonteCarlo.spread("x", v);
            assertEquals(MonteCarlo.quantile(sorted, 0.9), s.p90(), 0.0, "shape " + shape);
            assertEquals(m, java.util.Arrays.stream(s.histogram().counts()).sum(), "shape " + shape);
        }
    }

    private static List<String> problems(String range, String more) {
        try {
            return CompiledScenario.validate(ScenarioFiles.parse(MODEL.formatted(range, more), "mc.json"))
                    .stream().map(Problem::describe).toList();
        } catch (ScenarioException e) {
            return e.problems().stream().map(Problem::describe).toList();
        }
    }
}
