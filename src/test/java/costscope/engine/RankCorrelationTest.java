package costscope.engine;

import costscope.model.Distribution;
import costscope.model.RangeBuilder;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Iman-Conover reordering, the positive-definiteness check and its blamed pair, Spearman's rho. */
class RankCorrelationTest {
    static final int N = 10_000;

    /** Three independent inputs of different shapes: uniform, lognormal, PERT. */
    static double[][] inputs(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        double[][] out = new double[3][N];
        Sampler.of(RangeBuilder.builder().distribution(Distribution.UNIFORM).low(800.0).high(1200.0).build(), null, null)
                .fill(out[0], root.split());
        Sampler.of(RangeBuilder.builder().distribution(Distribution.LOGNORMAL).low(500.0).high(2000.0).build(), null, null)
                .fill(out[1], root.split());
        Sampler.of(RangeBuilder.builder().distribution(Distribution.PERT).low(3.0).high(5.0).mode(3.5).build(), 0.0, null)
                .fill(out[2], root.split());
        return out;
    }

    static double[][] target(double ab, double ac, double bc) {
        return new double[][]{{1, ab, ac}, {ab, 1, bc}, {ac, bc, 1}};
    }

    static double[][] copy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }

    @Test
    void theAchievedRankCorrelationsMatchTheTargetAndEachInputKeepsItsValues() {
        double[][] original = inputs(11);
        double[][] x = copy(original);
        // before: independent
        assertEquals(0, RankCorrelation.spearman(x[0], x[1]), 0.03);
        RankCorrelation.apply(x, target(0.6, -0.3, 0.1), 99);
        assertEquals(0.6, RankCorrelation.spearman(x[0], x[1]), 0.03);
        assertEquals(-0.3, RankCorrelation.spearman(x[0], x[2]), 0.03);
        assertEquals(0.1, RankCorrelation.spearman(x[1], x[2]), 0.03);
        for (int k = 0; k < 3; k++) {
            double[] a = original[k].clone();
            double[] b = x[k].clone();
            Arrays.sort(a);
            Arrays.sort(b);
            assertArrayEquals(a, b, 0.0, "input " + k + " is a permutation of its own samples");
            assertFalse(Arrays.equals(original[k], x[k]), "input " + k + " was reordered");
        }
    }

    /**
     * Closer than the 0.03 asked for: over 10 seeds every achieved rank correlation is within 0.01 of its target. Either
     * refinement left out breaks this: without the scores' own correlation taken out the error reaches 0.03, and
     * without the conversion to normal-score correlations (2 sin(pi rho / 6)) the 0.6 comes out 0.017 short.
     */
    @Test
    void overManySeedsTheRankCorrelationsAreWithinOneHundredth() {
        double[][] t = target(0.6, -0.3, 0.1);
        double worst = 0;
        for (long seed = 0; seed < 10; seed++) {
            double[][] x = inputs(100 + seed);
            RankCorrelation.apply(x, t, seed);
            for (int i = 0; i < 3; i++) {
                for (int j = i + 1; j < 3; j++) worst = Math.max(worst, Math.abs(RankCorrelation.spearman(x[i], x[j]) - t[i][j]));
            }
        }
        assertTrue(worst < 0.01, "worst " + worst);
    }

    @Test
    void normalScoreCorrelationsGiveTheRankCorrelations() {
        double[][] r = RankCorrelation.normalScoreCorrelations(target(0.6, -0.3, 1));
        assertEquals(2 * Math.sin(Math.PI * 0.6 / 6), r[0][1], 1e-15);
        assertEquals(0.6, 6 / Math.PI * Math.asin(r[0][1] / 2), 1e-15);
        assertEquals(-r[0][2], RankCorrelation.normalScoreCorrelations(target(0.6, 0.3, 1))[0][2], 1e-15);
        assertEquals(1.0, r[1][2], 1e-15);
        assertEquals(1.0, r[1][1], 0.0);
    }

    @Test
    void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
        double[][] a = inputs(5);
        double[][] b = inputs(5);
        double[][] c = inputs(5);
        RankCorrelation.apply(a, target(0.6, -0.3, 0.1), 1234);
        RankCorrelation.apply(b, target(0.6, -0.3, 0.1), 1234);
        RankCorrelation.apply(c, target(0.6, -0.3, 0.1), 1235);
        for (int k = 0; k < 3; k++) assertArrayEquals(a[k], b[k], 0.0);
        assertFalse(Arrays.equals(a[0], c[0]));
    }

    @Test
    void aZeroTargetLeavesTheRanksUncorrelated() {
        double[][] x = inputs(8);
        RankCorrelation.apply(x, target(0, 0, 0), 3);
        assertTrue(Math.abs(RankCorrelation.spearman(x[0], x[1])) < 0.03);
        assertTrue(Math.abs(RankCorrelation.spearman(x[0], x[2])) < 0.03);
        assertTrue(Math.abs(RankCorrelation.spearman(x[1], x[2])) < 0.03);
    }

    @Test
    void strongCorrelationsAreReachedToo() {
        double[][] x = inputs(21);
        RankCorrelation.apply(x, target(0.95, 0.9, 0.9), 4);
        assertEquals(0.95, RankCorrelation.spearman(x[0], x[1]), 0.03);
        assertEquals(0.9, RankCorrelation.spearman(x[0], x[2]), 0.03);
        assertEquals(0.9, RankCorrelation.spearman(x[1], x[2]), 0.03);
    }

    @Test
    void aTargetThatIsNotPositiveDefiniteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RankCorrelation.apply(inputs(1), target(0.9, 0.9, -0.9), 1));
        assertThrows(IllegalArgumentException.class, () -> RankCorrelation.apply(inputs(1), new double[2][2], 1));
    }

    // ------------------------------------------------------------------------------- positive definiteness

    @Test
    void aPositiveDefiniteMatrixHasNoPairToBlame() {
        assertNull(RankCorrelation.notPositiveDefinite(target(0.6, -0.3, 0.1)));
        assertNull(RankCorrelation.notPositiveDefinite(target(0, 0, 0)));
        assertNull(RankCorrelation.notPositiveDefinite(new double[][]{{1}}));
        assertNull(RankCorrelation.notPositiveDefinite(new double[0][0]));
    }

    @Test
    void theBlamedPairFollowsTheDocumentedRule() {
        // a-b 0.9, a-c 0.9, b-c -0.9: row c fails; neither removal fixes it; |0.9| ties: the smaller j, a-c
        double[][] m = target(0.9, 0.9, -0.9);
        assertNotNull(RankCorrelation.notPositiveDefinite(withZero(m, 0, 2)));
        assertNotNull(RankCorrelation.notPositiveDefinite(withZero(m, 1, 2)));
        assertArrayEquals(new int[]{0, 2}, RankCorrelation.notPositiveDefinite(m));

        // a-b 0.5, a-c 0.5, b-c -0.8: both removals fix it; the larger |b-c| is blamed
        assertArrayEquals(new int[]{1, 2}, RankCorrelation.notPositiveDefinite(target(0.5, 0.5, -0.8)));

        // two drivers at rank 1: only positive semi-definite, refused (the pivot is 0)
        assertArrayEquals(new int[]{0, 1}, RankCorrelation.notPositiveDefinite(new double[][]{{1, 1}, {1, 1}}));

        // four drivers, the first three fine, row 3 fails: 0-3 (-0.9) is the largest, but only removing 2-3 (-0.6)
        // makes the block positive definite, so 2-3 is blamed
        double[][] four = {
                {1, 0.6, 0.3, -0.9},
                {0.6, 1, -0.3, -0.6},
                {0.3, -0.3, 1, -0.6},
                {-0.9, -0.6, -0.6, 1}};
        assertNull(RankCorrelation.notPositiveDefinite(new double[][]{{1, 0.6, 0.3}, {0.6, 1, -0.3}, {0.3, -0.3, 1}}));
        assertNotNull(RankCorrelation.notPositiveDefinite(withZero(four, 0, 3)));
        assertNotNull(RankCorrelation.notPositiveDefinite(withZero(four, 1, 3)));
        assertNull(RankCorrelation.notPositiveDefinite(withZero(four, 2, 3)));
        assertArrayEquals(new int[]{2, 3}, RankCorrelation.notPositiveDefinite(four));
    }

    @Test
    void aMatrixThatIsNotACorrelationMatrixIsAnArgumentError() {
        assertThrows(IllegalArgumentException.class, () -> RankCorrelation.notPositiveDefinite(new double[][]{{1, 0.5}, {0.4, 1}}));
        assertThrows(IllegalArgumentException.class, () -> RankCorrelation.notPositiveDefinite(new double[][]{{2, 0}, {0, 1}}));
        assertThrows(IllegalArgumentException.class, () -> RankCorrelation.notPositiveDefinite(new double[][]{{1, Double.NaN}, {Double.NaN, 1}}));
        assertThrows(IllegalArgumentException.class, () -> RankCorrelation.notPositiveDefinite(new double[][]{{1, 0}}));
    }

    private static double[][] withZero(double[][] m, int i, int j) {
        double[][] out = copy(m);
        out[i][j] = 0;
        out[j][i] = 0;
        return out;
    }

    // ------------------------------------------------------------------------------------------- spearman

    @Test
    void spearmanUsesAverageRanksForTies() {
        // ranks a: 1, 2.5, 2.5, 4; b: 1, 3, 2, 4; deviations from 2.5: sxy = 4.5, sxx = 4.5, syy = 5
        double rho = RankCorrelation.spearman(new double[]{1, 2, 2, 3}, new double[]{10, 30, 20, 40});
        assertEquals(4.5 / Math.sqrt(4.5 * 5), rho, 1e-15);
        assertArrayEquals(new double[]{1, 2.5, 2.5, 4}, RankCorrelation.ranks(new double[]{1, 2, 2, 3}), 0.0);
    }

    @Test
    void spearmanIsOneForAnyRisingFunctionAndMinusOneForAFallingOne() {
        double[] x = new double[1000];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < x.length; i++) x[i] = r.nextDouble() * 10;
        double[] up = Arrays.stream(x).map(Math::exp).toArray();
        double[] down = Arrays.stream(x).map(v -> -v * v * v).toArray();
        assertEquals(1.0, RankCorrelation.spearman(x, up), 1e-12);
        assertEquals(-1.0, RankCorrelation.spearman(x, down), 1e-12);
    }

    @Test
    void spearmanLeavesOutPairsWithANaNAndIsNaNForAConstant() {
        double[] a = {1, 2, Double.NaN, 3, 4};
        double[] b = {2, 4, 5, 6, Double.NaN};
        assertEquals(1.0, RankCorrelation.spearman(a, b), 1e-15, "pairs 0, 1, 3 remain, all rising");
        assertTrue(Double.isNaN(RankCorrelation.spearman(new double[]{1, 2, 3}, new double[]{5, 5, 5})));
        assertTrue(Double.isNaN(RankCorrelation.spearman(new double[]{1}, new double[]{2})));
        assertThrows(IllegalArgumentException.class, () -> RankCorrelation.spearman(new double[2], new double[3]));
    }

    @Test
    void theOrderIsStableAndTheScoresAreSymmetric() {
        double[] key = new double[1000];
        for (int i = 0; i < key.length; i++) key[i] = (i * 7919) % 10; // many ties
        int[] o = RankCorrelation.order(key);
        for (int i = 1; i < o.length; i++) {
            assertTrue(key[o[i - 1]] < key[o[i]] || (key[o[i - 1]] == key[o[i]] && o[i - 1] < o[i]), "at " + i);
        }
        double[] s = RankCorrelation.scores(9);
        assertEquals(0.0, s[4], 0.0);
        for (int i = 0; i < 9; i++) assertEquals(-s[8 - i], s[i], 0.0);
        assertEquals(Sampler.normalQuantile(0.1), s[0], 1e-15);
    }

    @org.junit.jupiter.api.Test
    void ranksAreExactWithTiesNearTiesAndSignedZeros() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int n : new int[]{1, 2, 7, 300, 5_000}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                double base = Math.floor(rng.nextDouble() * 20) - 10;
                int kind = rng.nextInt(4);
                // exact ties, values one ulp apart (equal in the packed key's high bits), signed zeros, spread values
                v[i] = kind == 0 ? base : kind == 1 ? Math.nextUp(base) : kind == 2 ? (rng.nextBoolean() ? 0.0 : -0.0)
                        : base + rng.nextDouble();
            }
            double[] r = RankCorrelation.ranks(v);
            for (int i = 0; i < n; i++) {
                int below = 0;
                int equal = 0;
                for (double x : v) {
                    int c = Double.compare(x, v[i]);
                    if (c < 0) below++;
                    else if (c == 0) equal++;
                }
                org.junit.jupiter.api.Assertions.assertEquals(below + (equal + 1) / 2.0, r[i], 0.0, "n " + n + ", i " + i);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theRadixSortOrdersSignedKeysAsArraysSortDoes() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
        for (int n : new int[]{0, 1, 511, 512, 10_000}) {
            for (int kind = 0; kind < 3; kind++) {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    a[i] = kind == 0 ? rng.nextLong() : kind == 1 ? rng.nextLong(-3, 3) : (rng.nextLong() & 0xFF00L) - 30_000;
                }
                long[] expected = a.clone();
                java.util.Arrays.sort(expected);
                RankCorrelation.radixSort(a);
                org.junit.jupiter.api.Assertions.assertArrayEquals(expected, a, "n " + n + ", kind " + kind);
            }
        }
    }
}
