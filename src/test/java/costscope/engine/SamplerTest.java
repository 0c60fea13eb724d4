package costscope.engine;

import costscope.model.Distribution;
import costscope.model.Range;
import costscope.model.RangeBuilder;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.special.Beta;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sampler's quantiles against the analytic ones, its samples' percentiles, truncation, zero width, problems. */
class SamplerTest {
    static final double[] PS = {0.05, 0.1, 0.5, 0.9, 0.95};
    /** The standard normal's 95th percentile. */
    static final double Z95 = 1.6448536269514722;

    static Range range(Distribution d, Double low, Double high, Double mode) {
        return RangeBuilder.builder().distribution(d).low(low).high(high).mode(mode).build();
    }

    static Range normal(double mean, double sd) {
        return RangeBuilder.builder().distribution(Distribution.NORMAL).mean(mean).sd(sd).build();
    }

    /** |actual - expected| within rel x |expected|. */
    static void near(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }

    // ------------------------------------------------------------------------------------ analytic quantiles

    @Test
    void uniformQuantilesAreLowPlusPTimesTheWidth() {
        Sampler s = Sampler.of(range(Distribution.UNIFORM, 3.0, 5.0, null), null, null);
        for (double p : PS) near(3 + p * 2, s.quantile(p), 1e-12, "p = " + p);
        assertEquals(3.0, s.quantile(0), 0.0);
    }

    @Test
    void triangularQuantilesFollowTheClosedForm() {
        double a = 2;
        double c = 4;
        double b = 10;
        Sampler s = Sampler.of(range(Distribution.TRIANGULAR, a, b, c), null, null);
        double fc = (c - a) / (b - a); // 0.25: P5 and P10 below the mode, the rest above
        for (double p : PS) {
            double expected = p < fc ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c));
            near(expected, s.quantile(p), 1e-12, "p = " + p);
        }
        // the mode defaults to the midpoint: symmetric, median in the middle
        Sampler mid = Sampler.of(range(Distribution.TRIANGULAR, 2.0, 10.0, null), null, null);
        near(6, mid.quantile(0.5), 1e-12, "median of the symmetric triangle");
        near(2 + Math.sqrt(0.1 * 8 * 4), mid.quantile(0.1), 1e-12, "P10 of the symmetric triangle");
    }

    @Test
    void pertQuantilesAreTheScaledBetaQuantiles() {
        // low 3, high 5, mode 3.5: alpha = 1 + 4 x 0.5 / 2 = 2, beta = 1 + 4 x 1.5 / 2 = 4
        Sampler s = Sampler.of(range(Distribution.PERT, 3.0, 5.0, 3.5), null, null);
        BetaDistribution beta = new BetaDistribution(null, 2, 4, 1e-15);
        for (double p : PS) near(3 + 2 * beta.inverseCumulativeProbability(p), s.quantile(p), 1e-9, "p = " + p);
        // without a mode: the midpoint, alpha = beta = 3, median exactly in the middle
        Sampler mid = Sampler.of(range(Distribution.PERT, 3.0, 5.0, null), null, null);
        BetaDistribution b33 = new BetaDistribution(null, 3, 3, 1e-15);
        for (double p : PS) near(3 + 2 * b33.inverseCumulativeProbability(p), mid.quantile(p), 1e-9, "p = " + p);
        assertEquals(4.0, mid.quantile(0.5), 1e-11);
        // the mode at an end: alpha = 1, beta = 5, whose quantile is 1 - (1 - p)^(1/5)
        Sampler edge = Sampler.of(range(Distribution.PERT, 0.0, 1.0, 0.0), null, null);
        for (double p : PS) near(1 - Math.pow(1 - p, 0.2), edge.quantile(p), 1e-9, "mode at low, p = " + p);
    }

    @Test
    void normalLowAndHighAreTheFifthAndNinetyFifthPercentiles() {
        assertEquals(Z95, Sampler.Z95, 1e-15);
        Sampler s = Sampler.of(range(Distribution.NORMAL, 80.0, 120.0, null), null, null);
        near(80, s.quantile(0.05), 1e-9, "P5 is low");
        near(120, s.quantile(0.95), 1e-9, "P95 is high");
        NormalDistribution n = new NormalDistribution(null, 100, 40 / (2 * Z95));
        for (double p : PS) near(n.inverseCumulativeProbability(p), s.quantile(p), 1e-12, "p = " + p);

        Sampler m = Sampler.of(normal(50, 5), null, null);
        NormalDistribution n2 = new NormalDistribution(null, 50, 5);
        for (double p : PS) near(n2.inverseCumulativeProbability(p), m.quantile(p), 1e-12, "mean and sd, p = " + p);
        near(50 - 5 * Z95, m.quantile(0.05), 1e-12, "mean and sd: P5");
    }

    @Test
    void lognormalLowAndHighAreTheFifthAndNinetyFifthPercentiles() {
        Sampler s = Sampler.of(range(Distribution.LOGNORMAL, 500.0, 2000.0, null), null, null);
        near(500, s.quantile(0.05), 1e-9, "P5 is low");
        near(2000, s.quantile(0.95), 1e-9, "P95 is high");
        near(1000, s.quantile(0.5), 1e-12, "the median is the geometric mean");
        double mu = (Math.log(500) + Math.log(2000)) / 2;
        double sigma = (Math.log(2000) - Math.log(500)) / (2 * Z95);
        NormalDistribution z = new NormalDistribution(null, 0, 1);
        for (double p : PS) near(Math.exp(mu + sigma * z.inverseCumulativeProbability(p)), s.quantile(p), 1e-12, "p = " + p);
    }

    @Test
    void theNormalQuantileIsTheInverseOfTheCdfFromTheCentreToTheFarTail() {
        // AS 241 against erfc: a mistyped coefficient would show here (each branch: centre, tail, far tail)
        for (double p = 0.5; p > 1e-300; p *= 0.37) {
            double z = Sampler.normalLower(p);
            assertEquals(p, Sampler.normalCdf(z), 1e-12 * p, "p = " + p);
        }
        for (double p : new double[]{0.075, 0.0751, 0.0749, 0.3, 0.425, 1.3888e-11, 1.39e-11, 1.38e-11}) {
            assertEquals(p, Sampler.normalCdf(Sampler.normalLower(p)), 1e-13 * p, "p = " + p);
        }
        assertEquals(0.0, Sampler.normalLower(0.5), 0.0);
        assertTrue(Double.isFinite(Sampler.normalLower(0)), "p = 0 is taken as the smallest double");
        assertEquals(-Sampler.normalQuantile(0.3), Sampler.normalQuantile(0.7), 1e-15);
    }

    @Test
    void theCdfInvertsTheQuantileForEveryShape() {
        Sampler[] all = {
                Sampler.of(range(Distribution.UNIFORM, 3.0, 5.0, null), null, null),
                Sampler.of(range(Distribution.TRIANGULAR, 2.0, 10.0, 4.0), null, null),
                Sampler.of(range(Distribution.PERT, 3.0, 5.0, 3.5), null, null),
                Sampler.of(range(Distribution.PERT, 3.0, 5.0, 5.0), 3.2, 4.9),
                Sampler.of(range(Distribution.NORMAL, 80.0, 120.0, null), 85.0, null),
                Sampler.of(range(Distribution.LOGNORMAL, 500.0, 2000.0, null), null, 3000.0)};
        for (Sampler s : all) {
            for (int i = 1; i < 1000; i++) {
                double u = i / 1000.0;
                assertEquals(u, s.cdf(s.quantile(u)), 1e-9, "u = " + u);
            }
        }
    }

    // --------------------------------------------------------------------------------------- the PERT table

    /**
     * The PERT table's error bound, shown where cubic Hermite interpolation is worst: inside each interval. For shapes
     * from the mode at low (alpha = 1, beta = 5) to the mode at high, at 3 points in each of the table's intervals of
     * both halves (those a u in [0, 1) can reach), the quantile is compared with the exact inverse of the regularized incomplete beta function (one
     * Newton step from the table's value, whose own error is second order): within 1e-11 of the range's width.
     */
    @Test
    void thePertTableIsWithinOneInTenToTheElevenOfTheWidthInEveryInterval() {
        double low = 3;
        double high = 5;
        double w = high - low;
        double worst = 0;
        for (double m : new double[]{0, 0.02, 0.25, 0.5, 0.8, 0.97, 1}) {
            double mode = low + m * w;
            double alpha = 1 + 4 * m;
            double beta = 1 + 4 * (1 - m);
            double logB = Beta.logBeta(alpha, beta);
            Sampler s = Sampler.of(range(Distribution.PERT, low, high, mode), null, null);
            double v = Sampler.pertHandOver(alpha, beta);
            double tLow = Math.pow(v, 1 / alpha);
            double tHigh = Math.pow(1 - v, 1 / beta);
            assertTrue(tLow > 0.7 && tLow < 0.8 && Math.abs(tLow - tHigh) < 1e-12, "both tables span the same t, below 0.8");
            int n = Sampler.TABLE_INTERVALS;
            for (int i = 0; i < n; i++) {
                for (double f : new double[]{0.25, 0.5, 0.75}) {
                    // lower table: u = t^alpha
                    double u = Math.pow((i + f) * tLow / n, alpha);
                    double y = (s.quantile(u) - low) / w;
                    double err = (Beta.regularizedBeta(y, alpha, beta, 1e-15, Integer.MAX_VALUE) - u) / density(y, alpha, beta, logB);
                    worst = Math.max(worst, Math.abs(err));
                    // upper table: 1 - u = t^beta
                    double q = Math.pow((i + f) * tHigh / n, beta);
                    double u2 = 1 - q;
                    if (u2 == 1) continue; // q below 2^-53: no u in [0, 1) reaches it
                    double y2 = (s.quantile(u2) - low) / w;
                    double err2 = ((1 - u2) - Beta.regularizedBeta(1 - y2, beta, alpha, 1e-15, Integer.MAX_VALUE))
                            / density(y2, alpha, beta, logB);
                    worst = Math.max(worst, Math.abs(err2));
                }
            }
        }
        assertTrue(worst < 1e-11, "worst error " + worst + " of the width");
        assertTrue(worst > 1e-14, "the check measures something (" + worst + ")");
    }

    /**
     * The tables in p (what nearly every sample reads): at 3 points inside each of the 256 intervals of each of the 16
     * octaves of both halves, over the same shapes, the quantile against the exact inverse: within 1e-11 of the width.
     */
    @Test
    void thePertTablesInPAreWithinOneInTenToTheElevenOfTheWidthInEveryInterval() {
        double low = 3;
        double high = 5;
        double w = high - low;
        double worst = 0;
        int checked = 0;
        for (double m : new double[]{0, 0.02, 0.25, 0.5, 0.8, 0.97, 1}) {
            double alpha = 1 + 4 * m;
            double beta = 1 + 4 * (1 - m);
            double logB = Beta.logBeta(alpha, beta);
            Sampler s = Sampler.of(range(Distribution.PERT, low, high, low + m * w), null, null);
            double v = Sampler.pertHandOver(alpha, beta);
            for (int k = 0; k < Sampler.BetaHalf.OCTAVES; k++) {
                for (int i = 0; i < Sampler.BetaHalf.PER_OCTAVE; i++) {
                    for (double f : new double[]{0.25, 0.5, 0.75}) {
                        double x = Math.scalb(1 + (i + f) / Sampler.BetaHalf.PER_OCTAVE, -(k + 1));
                        if (x <= v) {   // the lower half at u = x
                            double y = (s.quantile(x) - low) / w;
                            double err = (Beta.regularizedBeta(y, alpha, beta, 1e-15, Integer.MAX_VALUE) - x) / density(y, alpha, beta, logB);
                            worst = Math.max(worst, Math.abs(err));
                            checked++;
                        }
                        double u2 = 1 - x;   // the upper half at 1 - u = x
                        if (x <= 1 - v && u2 < 1) {
                            double y2 = (s.quantile(u2) - low) / w;
                            double err2 = ((1 - u2) - Beta.regularizedBeta(1 - y2, beta, alpha, 1e-15, Integer.MAX_VALUE))
                                    / density(y2, alpha, beta, logB);
                            worst = Math.max(worst, Math.abs(err2));
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 100_000, checked + " points");
        assertTrue(worst < 1e-11, "worst error " + worst + " of the width");
        assertTrue(worst > 1e-15, "the check measures something (" + worst + ")");
    }

    private static double density(double y, double alpha, double beta, double logB) {
        double up = alpha == 1 ? 0 : (alpha - 1) * Math.log(y);
        double down = beta == 1 ? 0 : (beta - 1) * Math.log1p(-y);
        return Math.exp(up + down - logB);
    }

    @Test
    void quantilesRiseWithUAndStayFiniteAtTheEnds() {
        Sampler[] all = {
                Sampler.of(range(Distribution.PERT, 3.0, 5.0, 3.2), null, null),
                Sampler.of(range(Distribution.PERT, 3.0, 5.0, 3.0), null, null),
                Sampler.of(range(Distribution.TRIANGULAR, 3.0, 5.0, 5.0), null, null),
                Sampler.of(range(Distribution.NORMAL, 80.0, 120.0, null), null, null),
                Sampler.of(range(Distribution.LOGNORMAL, 0.001, 1e6, null), null, null)};
        for (Sampler s : all) {
            double prev = s.quantile(0);
            assertTrue(Double.isFinite(prev));
            assertTrue(Double.isFinite(s.quantile(Math.nextDown(1.0))));
            for (int i = 1; i <= 200_000; i++) {
                double x = s.quantile(i / 200_001.0);
                assertTrue(x >= prev, "non-decreasing at " + i);
                prev = x;
            }
        }
        Sampler pert = all[0];
        assertEquals(3.0, pert.quantile(0), 0.0);
        assertEquals(5.0, pert.quantile(1), 1e-15);
    }

    // ------------------------------------------------------------------------------------------- sampling

    @Test
    void sampledPercentilesAreWithinThreeStandardErrorsOfTheAnalyticOnes() {
        double mu = (Math.log(500) + Math.log(2000)) / 2;
        double sigma = (Math.log(2000) - Math.log(500)) / (2 * Z95);
        Object[][] cases = {
                {range(Distribution.UNIFORM, 3.0, 5.0, null), new UniformRealDistribution(null, 3, 5), 1.0},
                {range(Distribution.TRIANGULAR, 2.0, 10.0, 4.0), new TriangularDistribution(null, 2, 4, 10), 1.0},
                {range(Distribution.PERT, 3.0, 5.0, 3.5), new BetaDistribution(null, 2, 4, 1e-15), 2.0},
                {range(Distribution.NORMAL, 80.0, 120.0, null), new NormalDistribution(null, 100, 40 / (2 * Z95)), 1.0},
                {normal(50, 5), new NormalDistribution(null, 50, 5), 1.0},
                {range(Distribution.LOGNORMAL, 500.0, 2000.0, null), new LogNormalDistribution(null, mu, sigma), 1.0}};
        int n = 200_000;
        long seed = 20_240_601;
        for (Object[] c : cases) {
            Range r = (Range) c[0];
            RealDistribution d = (RealDistribution) c[1];
            double scale = (double) c[2]; // PERT: Beta on [0, 1], scaled to [3, 5]
            double shift = r.distribution() == Distribution.PERT ? 3 : 0;
            double[] x = new double[n];
            Sampler.of(r, null, null).fill(x, new SplittableRandom(seed++));
            Arrays.sort(x);
            for (double p : new double[]{0.1, 0.5, 0.9}) {
                double q = shift + scale * d.inverseCumulativeProbability(p);
                double density = d.density((q - shift) / scale) / scale;
                // the sample p-quantile's standard error: sqrt(p (1 - p) / n) / f(q)
                double se = Math.sqrt(p * (1 - p) / n) / density;
                double empirical = x[(int) Math.ceil(n * p) - 1];
                assertEquals(q, empirical, 3 * se, r.distribution() + " P" + Math.round(100 * p) + " (se " + se + ")");
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSamplesAndAnotherSeedOthers() {
        for (Range r : new Range[]{range(Distribution.PERT, 3.0, 5.0, 4.0), range(Distribution.LOGNORMAL, 1.0, 9.0, null)}) {
            Sampler s = Sampler.of(r, null, null);
            double[] a = new double[10_000];
            double[] b = new double[10_000];
            double[] c = new double[10_000];
            s.fill(a, new SplittableRandom(42));
            Sampler.of(r, null, null).fill(b, new SplittableRandom(42));
            s.fill(c, new SplittableRandom(43));
            assertArrayEquals(a, b, 0.0);
            assertFalse(Arrays.equals(a, c));
        }
    }

    // ------------------------------------------------------------------------------------------ truncation

    @Test
    void aTruncatedNormalStaysInsideItsBoundsWithoutPilingUpThere() {
        // mean 100, sd 20, cut at 90 and 150 (z from -0.5 to 2.5)
        Sampler s = Sampler.of(normal(100, 20), 90.0, 150.0);
        assertEquals(0.0, s.cdf(90), 0.0);
        assertEquals(1.0, s.cdf(150), 0.0);
        assertEquals(0.0, s.cdf(89), 0.0);
        NormalDistribution z = new NormalDistribution(null, 0, 1);
        double kept = z.cumulativeProbability(2.5) - z.cumulativeProbability(-0.5);
        double belowMedian = (0.5 - z.cumulativeProbability(-0.5)) / kept;
        assertEquals(belowMedian, s.cdf(100), 1e-12, "truncated cdf at the untruncated median");

        int n = 200_000;
        double[] x = new double[n];
        s.fill(x, new SplittableRandom(7));
        int below = 0;
        int atBounds = 0;
        double sum = 0;
        double sumSq = 0;
        for (double v : x) {
            assertTrue(v >= 90 && v <= 150, "inside min and max: " + v);
            if (v < 100) below++;
            if (v == 90 || v == 150) atBounds++;
            sum += v;
            sumSq += v * v;
        }
        assertEquals(0, atBounds, "truncated, not clipped: nothing piles up at a bound");
        double share = below / (double) n;
        assertEquals(belowMedian, share, 3 * Math.sqrt(belowMedian * (1 - belowMedian) / n), "share below 100");
        // the truncated normal's mean: mu + sd (phi(a) - phi(b)) / (Phi(b) - Phi(a))
        double mean = 100 + 20 * (z.density(-0.5) - z.density(2.5)) / kept;
        double sd = Math.sqrt(sumSq / n - (sum / n) * (sum / n));
        assertEquals(mean, sum / n, 3 * sd / Math.sqrt(n), "mean of the truncated normal");
    }

    @Test
    void truncationDeepInATailKeepsItsPrecision() {
        // a normal(0, 1) above 8 (Phi(-8) = 6e-16 of it) and a lognormal far above its P95: the survival side carries it
        Sampler s = Sampler.of(normal(0, 1), 8.0, null);
        for (int i = 0; i < 100; i++) {
            double u = i / 100.0;
            double x = s.quantile(u);
            assertTrue(x >= 8 && Double.isFinite(x));
            assertEquals(u, s.cdf(x), 1e-9, "u = " + u);
        }
        // the median of the normal above 8: where the tail beyond is half of the tail beyond 8
        double tail = Sampler.normalCdf(-8);
        assertEquals(-Sampler.normalLower(tail / 2), s.quantile(0.5), 1e-12);
        assertTrue(s.quantile(0.5) > 8.05 && s.quantile(0.5) < 8.1);
        Sampler high = Sampler.of(range(Distribution.LOGNORMAL, 1.0, 10.0, null), 1000.0, 2000.0);
        assertEquals(0.5, high.cdf(high.quantile(0.5)), 1e-9);
        assertTrue(high.quantile(0) >= 1000 && high.quantile(Math.nextDown(1.0)) <= 2000);
    }

    @Test
    void aTruncatedPertIsTheBetaRenormalisedBetweenTheBounds() {
        // PERT 3..5 mode 4 (Beta(3, 3)) cut at 4.5: u in [0, I_0.75(3, 3)]
        Sampler s = Sampler.of(range(Distribution.PERT, 3.0, 5.0, 4.0), null, 4.5);
        BetaDistribution b = new BetaDistribution(null, 3, 3, 1e-15);
        double top = b.cumulativeProbability(0.75);
        for (double p : PS) near(3 + 2 * b.inverseCumulativeProbability(p * top), s.quantile(p), 1e-9, "p = " + p);
        assertEquals(1.0, s.cdf(4.5), 0.0);
        double[] x = new double[50_000];
        s.fill(x, new SplittableRandom(1));
        assertTrue(Arrays.stream(x).allMatch(v -> v >= 3 && v <= 4.5));
        // bounds outside the range change nothing
        Sampler wide = Sampler.of(range(Distribution.PERT, 3.0, 5.0, 4.0), 0.0, 100.0);
        Sampler free = Sampler.of(range(Distribution.PERT, 3.0, 5.0, 4.0), null, null);
        for (double p : PS) assertEquals(free.quantile(p), wide.quantile(p), 0.0);
        // a lognormal's min at or below 0 cuts nothing
        Sampler ln = Sampler.of(range(Distribution.LOGNORMAL, 500.0, 2000.0, null), 0.0, null);
        near(500, ln.quantile(0.05), 1e-9, "min 0 leaves the lognormal as it was");
    }

    // ------------------------------------------------------------------------------------------ zero width

    @Test
    void aZeroWidthRangeGivesExactlyItsValue() {
        Object[][] cases = {
                {range(Distribution.UNIFORM, 5.0, 5.0, null), 5.0},
                {range(Distribution.TRIANGULAR, 2.5, 2.5, null), 2.5},
                {range(Distribution.PERT, 4.0, 4.0, 4.0), 4.0},
                {range(Distribution.NORMAL, 7.0, 7.0, null), 7.0},
                {normal(1000, 0), 1000.0},
                {range(Distribution.LOGNORMAL, 0.3, 0.3, null), 0.3}};
        for (Object[] c : cases) {
            Sampler s = Sampler.of((Range) c[0], 0.0, 1000.0);
            double[] x = new double[1000];
            s.fill(x, new SplittableRandom(3));
            for (double v : x) assertEquals((double) c[1], v, 0.0);
            assertEquals((double) c[1], s.quantile(0.99), 0.0);
            assertEquals(0.0, s.cdf(Math.nextDown((double) c[1])), 0.0);
            assertEquals(1.0, s.cdf((double) c[1]), 0.0);
        }
        assertEquals("the range lies outside the driver's min and max",
                Sampler.problem(range(Distribution.UNIFORM, 5.0, 5.0, null), 6.0, 10.0));
    }

    // -------------------------------------------------------------------------------------------- problems

    @Test
    void problemsNameTheFieldAndOfRefusesTheSameRanges() {
        Object[][] cases = {
                {range(Distribution.UNIFORM, 5.0, 1.0, null), null, null, "high must be above low"},
                {range(Distribution.PERT, 3.0, 5.0, 6.0), null, null, "mode must be between low and high"},
                {range(Distribution.TRIANGULAR, 3.0, 5.0, 2.0), null, null, "mode must be between low and high"},
                {range(Distribution.LOGNORMAL, 0.0, 5.0, null), null, null, "lognormal needs low above 0"},
                {range(Distribution.LOGNORMAL, -2.0, 5.0, null), null, null, "lognormal needs low above 0"},
                {range(Distribution.NORMAL, 1.0, null, null), null, null, "give low and high, or mean and sd"},
                {RangeBuilder.builder().distribution(Distribution.NORMAL).low(1.0).high(2.0).mean(1.5).build(), null, null,
                        "give low and high, or mean and sd"},
                {RangeBuilder.builder().distribution(Distribution.NORMAL).mean(1.5).build(), null, null,
                        "give low and high, or mean and sd"},
                {RangeBuilder.builder().distribution(Distribution.NORMAL).build(), null, null, "give low and high, or mean and sd"},
                {normal(10, -1), null, null, "sd must be 0 or more"},
                {range(Distribution.PERT, 3.0, null, null), null, null, "give low and high"},
                {RangeBuilder.builder().distribution(Distribution.PERT).low(1.0).high(2.0).sd(1.0).build(), null, null,
                        "a pert range takes low and high, not mean and sd"},
                {RangeBuilder.builder().distribution(Distribution.LOGNORMAL).mean(1.0).sd(1.0).build(), null, null,
                        "a lognormal range takes low and high (its 5th and 95th percentiles), not mean and sd"},
                {range(Distribution.UNIFORM, 1.0, 2.0, 1.5), null, null, "a uniform range has no mode (triangular and pert have one)"},
                {range(Distribution.NORMAL, 1.0, 2.0, 1.5), null, null, "a normal range has no mode"},
                {range(Distribution.UNIFORM, 1.0, Double.NaN, null), null, null, "high must be a finite number"},
                {range(Distribution.UNIFORM, -1e308, 1e308, null), null, null, "the range is too wide: high - low must be a finite number"},
                {normal(0, 1e307), null, null, "the range is too wide: its samples would not be finite numbers"},
                {range(Distribution.UNIFORM, 1.0, 2.0, null), 3.0, 10.0, "the range lies outside the driver's min and max"},
                {range(Distribution.UNIFORM, 1.0, 2.0, null), 2.0, 10.0, "the range lies outside the driver's min and max"},
                {range(Distribution.LOGNORMAL, 1.0, 2.0, null), null, 0.0, "the range lies outside the driver's min and max"},
                {normal(0, 1), 40.0, null, "the range lies outside the driver's min and max"},
                {range(Distribution.UNIFORM, 1.0, 2.0, null), 5.0, 3.0, "the driver's min must be below its max"},
                {RangeBuilder.builder().low(1.0).high(2.0).build(), null, null,
                        "give a distribution: uniform, triangular, pert, normal or lognormal"}};
        for (Object[] c : cases) {
            Range r = (Range) c[0];
            String expected = (String) c[3];
            assertEquals(expected, Sampler.problem(r, (Double) c[1], (Double) c[2]), r.toString());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sampler.of(r, (Double) c[1], (Double) c[2]));
            assertEquals(expected, e.getMessage());
        }
        // valid: a normal(0, 1) above 37 still has mass (the survival side keeps it), the mode at an end, low = high
        assertNull(Sampler.problem(normal(0, 1), 37.0, null));
        assertNull(Sampler.problem(range(Distribution.PERT, 3.0, 5.0, 5.0), null, null));
        assertNull(Sampler.problem(range(Distribution.NORMAL, 3.0, 3.0, null), 3.0, 4.0));
        assertNull(Sampler.problem(range(Distribution.UNIFORM, 1.0, 2.0, null), 1.5, 1.7));
        double farTail = Sampler.of(normal(0, 1), 37.0, null).quantile(0.5);
        assertTrue(farTail > 37 && farTail < 37.1, "the median above 37: " + farTail);
    }
    @Test
    void fillGivesEachUniformsQuantileToTheLastBit() {
        // fill's own loop (PERT's written out in Pert.fill) against quantile(u) of the same uniforms, one per sample:
        // plain and skewed shapes, truncated to the driver's min and max, and a truncation deep in the lower tail
        // (every p below 2^-16: the tables in t) and in the upper tail
        Object[][] cases = {
                {range(Distribution.PERT, 15.0, 30.0, 20.0), null, null},
                {range(Distribution.PERT, 200e6, 250e6, 200e6), 1e6, 1e11},
                {range(Distribution.PERT, 1.42, 1.52, 1.5), 1.0, 10.0},
                {range(Distribution.PERT, 0.0, 100.0, 50.0), null, 2.0},
                {range(Distribution.PERT, 0.0, 100.0, 50.0), 98.5, null},
                {range(Distribution.PERT, 0.0, 100.0, 50.0), 20.0, 70.0},
                {range(Distribution.TRIANGULAR, 0.2, 0.4, 0.28), null, 0.3},
                {range(Distribution.UNIFORM, 500.0, 600.0, null), null, null},
                {range(Distribution.LOGNORMAL, 35.0, 70.0, null), 40.0, null},
                {normal(10, 1.2), 8.0, 12.0},
        };
        for (Object[] c : cases) {
            Sampler s = Sampler.of((Range) c[0], (Double) c[1], (Double) c[2]);
            double[] x = new double[70_000];
            s.fill(x, 1_000, 69_000, new SplittableRandom(11));
            SplittableRandom rng = new SplittableRandom(11);
            for (int i = 1_000; i < 69_000; i++) {
                double u = rng.nextDouble();
                double want = s.quantile(u);
                if (Double.doubleToRawLongBits(want) != Double.doubleToRawLongBits(x[i])) {
                    throw new AssertionError(c[0] + " " + c[1] + " " + c[2] + ": sample " + i + " (u " + u + ") is " + x[i]
                            + ", quantile " + want);
                }
            }
            assertEquals(0.0, x[999], 0.0);
            assertEquals(0.0, x[69_000], 0.0);
        }
    }
}
