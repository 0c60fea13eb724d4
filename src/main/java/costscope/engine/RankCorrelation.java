package costscope.engine;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Rank correlation between uncertain inputs: Iman-Conover reordering ({@link #apply}), the positive-definiteness check
 * of a target matrix ({@link #notPositiveDefinite}) and Spearman's rho ({@link #spearman}).
 */
final class RankCorrelation {
    /** A Cholesky pivot at or below this fails: the matrix is not (numerically) positive definite. */
    static final double POSITIVITY = 1e-10;
    /** Off-diagonal entries i, j and j, i may differ by this much, relatively. */
    private static final double SYMMETRY = 1e-12;
    /** Runs of this many are insertion-sorted before merging ({@link #order}). */
    private static final int RUN = 32;

    private RankCorrelation() {
    }

    /**
     * Iman-Conover (1982): reorders each {@code samples[k]} (the k-th input's n independent samples) in place, a
     * permutation of its own values, so that the inputs' Spearman rank correlations come close to {@code target}
     * (k x k, symmetric, 1 on the diagonal, positive definite). Each input keeps its distribution; only the pairing of
     * the samples changes.
     * <ol>
     * <li>Scores: van der Waerden scores Phi^-1(i / (n + 1)), i = 1..n, one column per input, each shuffled (Fisher-Yates)
     * with one {@link SplittableRandom} made from {@code seed}, column after column: deterministic.</li>
     * <li>The target's rank correlations rho are turned into the Pearson correlations of normal scores that give them,
     * 2 sin(pi rho / 6) (for normal variables Spearman's rho is (6 / pi) asin(r / 2)): without it the achieved ranks
     * fall short, by 0.017 at a target of 0.6. When the converted matrix is not positive definite (it can be, rarely,
     * where the target is), the target is used as given.</li>
     * <li>The scores' own correlation E is not exactly the identity; with the matrix above = P P' and E = Q Q'
     * (Cholesky), the columns become R (P Q^-1)', whose correlation is exactly that matrix. (When E is singular, n too
     * small for k inputs, this correction is left out.) Without it, random correlation between the shuffled scores
     * adds an error of about 1 / sqrt(n).</li>
     * <li>Each input's sorted values are placed in the rank order of its column.</li>
     * </ol>
     *
     * @throws IllegalArgumentException when the arrays differ in length, the target is not k x k and symmetric, or it
     *                                  is not positive definite
     */
    static void apply(double[][] samples, double[][] target, long seed) {
        int k = samples.length;
        square(target, k);
        if (k == 0) return;
        int n = samples[0].length;
        for (double[] s : samples) {
            if (s.length != n) throw new IllegalArgumentException("inputs have different numbers of samples");
        }
        RealMatrix p;
        try {
            p = cholesky(target);
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new IllegalArgumentException("the target correlation matrix is not positive definite", e);
        }
        if (k < 2 || n < 2) return;
        try {
            p = cholesky(normalScoreCorrelations(target));
        } catch (NonPositiveDefiniteMatrixException e) {
            // the converted matrix can (rarely) fail where the target does not: then the target as given
        }
        double[] scores = scores(n);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] r = new double[k][];
        for (int j = 0; j < k; j++) {
            r[j] = scores.clone();
            shuffle(r[j], rng);
        }
        double ss = 0;
        for (double s : scores) ss += s * s;
        double[][] e = new double[k][k];
        for (int j = 0; j < k; j++) {
            e[j][j] = 1;
            for (int m = 0; m < j; m++) {
                double dot = 0;
                double[] a = r[j];
                double[] b = r[m];
                for (int i = 0; i < n; i++) dot += a[i] * b[i];
                e[j][m] = dot / ss;
                e[m][j] = e[j][m];
            }
        }
        RealMatrix q;
        try {
            q = cholesky(e);
        } catch (NonPositiveDefiniteMatrixException ex) {
            q = MatrixUtils.createRealIdentityMatrix(k);
        }
        double[][] l = p.multiply(MatrixUtils.inverse(q)).getData();
        // column j of R (P Q^-1)' is sum over m <= j of l[j][m] r[m]: from the last column down, in place
        for (int j = k - 1; j >= 0; j--) {
            double[] out = r[j];
            double[] w = l[j];
            for (int i = 0; i < n; i++) {
                double acc = 0;
                for (int m = 0; m <= j; m++) acc += w[m] * r[m][i];
                out[i] = acc;
            }
        }
        for (int j = 0; j < k; j++) {
            int[] ord = order(r[j]);
            double[] sorted = samples[j].clone();
            Arrays.sort(sorted);
            double[] s = samples[j];
            for (int rank = 0; rank < n; rank++) s[ord[rank]] = sorted[rank];
        }
    }

    /**
     * Null when {@code target} (symmetric, 1 on the diagonal) is positive definite; otherwise the pair {i, j}, i &lt; j,
     * whose correlation to change. The rule: Cholesky runs row by row, and row k is the first whose pivot is not above
     * {@link #POSITIVITY} (so the leading k+1 by k+1 block is the first that is not positive definite, while the block
     * before it is). The pair is (j, k) with j &lt; k, chosen among row k's correlations: first those whose removal
     * (setting target[j][k] to 0) makes that leading block positive definite, if any; among them (or among all j &lt; k
     * when none does) the one with the largest |target[j][k]|, the smallest j on ties. For example a-b 0.9, a-c 0.9,
     * b-c -0.9 fails at row c, no single removal fixes it, and a-c (0.9) and b-c (-0.9) tie: the pair is a-c, {0, 2}.
     *
     * @throws IllegalArgumentException when the matrix is not square and symmetric with 1 on the diagonal, or holds a
     *                                  value that is not a finite number
     */
    static int[] notPositiveDefinite(double[][] target) {
        int k = target.length;
        square(target, k);
        for (int i = 0; i < k; i++) {
            if (target[i][i] != 1) throw new IllegalArgumentException("the diagonal must be 1 (row " + i + ")");
        }
        if (k < 2) return null;
        int row = failingRow(target, k);
        if (row < 0) return null;
        int best = -1;
        boolean bestFixes = false;
        for (int j = 0; j < row; j++) {
            double[][] without = leading(target, row + 1);
            without[j][row] = 0;
            without[row][j] = 0;
            boolean fixes = failingRow(without, row + 1) < 0;
            if (best < 0 || (fixes && !bestFixes)
                    || (fixes == bestFixes && Math.abs(target[j][row]) > Math.abs(target[best][row]))) {
                best = j;
                bestFixes = fixes;
            }
        }
        return new int[]{best, row};
    }

    /**
     * Spearman's rank correlation of a and b: Pearson's correlation of their ranks, ties given their average rank.
     * Pairs where either value is NaN are left out. NaN when fewer than two pairs remain or either side is constant
     * (a correlation with a constant is not defined).
     */
    static double spearman(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("a and b differ in length");
        int m = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) m++;
        }
        double[] x = a;
        double[] y = b;
        if (m < a.length) {
            x = new double[m];
            y = new double[m];
            int at = 0;
            for (int i = 0; i < a.length; i++) {
                if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                    x[at] = a[i];
                    y[at++] = b[i];
                }
            }
        }
        if (m < 2) return Double.NaN;
        return ofRanks(ranks(x), ranks(y));
    }

    /** Pearson's correlation of two rank vectors (1..n, ties averaged: their mean is (n + 1) / 2); NaN when either is constant. */
    static double ofRanks(double[] rx, double[] ry) {
        int m = rx.length;
        double mean = (m + 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < m; i++) {
            double dx = rx[i] - mean;
            double dy = ry[i] - mean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) return Double.NaN;
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The normal scores' Pearson correlations that give these rank correlations: 2 sin(pi rho / 6), 1 on the diagonal. */
    static double[][] normalScoreCorrelations(double[][] rank) {
        int k = rank.length;
        double[][] r = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) r[i][j] = i == j ? 1 : 2 * Math.sin(Math.PI * rank[i][j] / 6);
        }
        return r;
    }

    /** Van der Waerden scores Phi^-1(i / (n + 1)), i = 1..n: ascending and exactly antisymmetric (mean 0). */
    static double[] scores(int n) {
        double[] s = new double[n];
        for (int i = 1; 2 * i <= n + 1; i++) {
            double z = Sampler.normalLower(i / (n + 1.0));
            s[i - 1] = z;
            s[n - i] = -z;
        }
        return s;
    }

    /**
     * 1-based ranks, ties given their average rank ({@link Double#compare} order). One sort of longs: each value's
     * order-preserving bits with its low bits replaced by its index; values whose high bits agree (equal, or equal to
     * within the dropped bits) are put in exact order among themselves, so the ranks are exact.
     */
    static double[] ranks(double[] v) {
        int n = v.length;
        double[] rank = new double[n];
        if (n == 0) return rank;
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
        long low = (1L << bits) - 1;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[i] = (sortable(v[i]) & ~low) | i;
        radixSort(keys);
        int[] group = new int[16];
        int i = 0;
        while (i < n) {
            long high = keys[i] & ~low;
            int j = i + 1;
            while (j < n && (keys[j] & ~low) == high) j++;
            if (j - i == 1) {
                rank[(int) (keys[i] & low)] = i + 1;
            } else {
                if (group.length < j - i) group = new int[j - i];
                int m = j - i;
                for (int t = 0; t < m; t++) group[t] = (int) (keys[i + t] & low);
                for (int t = 1; t < m; t++) {   // insertion sort by exact value (groups are small)
                    int x = group[t];
                    int u = t - 1;
                    while (u >= 0 && Double.compare(v[group[u]], v[x]) > 0) {
                        group[u + 1] = group[u];
                        u--;
                    }
                    group[u + 1] = x;
                }
                int a = 0;
                while (a < m) {
                    int b = a + 1;
                    while (b < m && Double.compare(v[group[b]], v[group[a]]) == 0) b++;
                    double avg = (i + a + 1 + i + b) / 2.0;   // positions i+a .. i+b-1: ranks i+a+1 .. i+b
                    for (int t = a; t < b; t++) rank[group[t]] = avg;
                    a = b;
                }
            }
            i = j;
        }
        return rank;
    }

    /**
     * Sorts longs ascending (signed): least significant digit first, 8 bits a pass, a pass skipped when every key has
     * the same digit there. Linear in the keys: about three times faster than {@link Arrays#sort} on 10,000 of them.
     */
    static void radixSort(long[] a) {
        int n = a.length;
        if (n < 512) {
            Arrays.sort(a);
            return;
        }
        int[][] counts = new int[8][256];
        for (long k : a) {
            long u = k ^ Long.MIN_VALUE;   // signed order as unsigned digits
            for (int d = 0; d < 8; d++) counts[d][(int) (u >>> (d << 3)) & 0xFF]++;
        }
        long[] src = a;
        long[] dst = new long[n];
        for (int d = 0; d < 8; d++) {
            int shift = d << 3;
            int[] c = counts[d];
            if (c[(int) ((src[0] ^ Long.MIN_VALUE) >>> shift) & 0xFF] == n) continue;
            int sum = 0;
            for (int i = 0; i < 256; i++) {
                int t = c[i];
                c[i] = sum;
                sum += t;
            }
            for (long k : src) dst[c[(int) ((k ^ Long.MIN_VALUE) >>> shift) & 0xFF]++] = k;
            long[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) System.arraycopy(src, 0, a, 0, n);
    }

    /** The double's bits as a long that orders as {@link Double#compare} does (-0.0 below 0.0, NaN last). */
    private static long sortable(double x) {
        long b = Double.doubleToLongBits(x);
        return b ^ ((b >> 63) & Long.MAX_VALUE);
    }

    /**
     * The indices of {@code key} in ascending order of their values ({@link Double#compare}), stable: a merge sort that
     * carries the keys along with the indices, so that it reads memory in order.
     */
    static int[] order(double[] key) {
        int n = key.length;
        int[] ia = new int[n];
        double[] ka = key.clone();
        for (int i = 0; i < n; i++) ia[i] = i;
        for (int from = 0; from < n; from += RUN) {
            int to = Math.min(n, from + RUN);
            for (int i = from + 1; i < to; i++) {
                int x = ia[i];
                double kx = ka[i];
                int j = i - 1;
                while (j >= from && Double.compare(ka[j], kx) > 0) {
                    ia[j + 1] = ia[j];
                    ka[j + 1] = ka[j];
                    j--;
                }
                ia[j + 1] = x;
                ka[j + 1] = kx;
            }
        }
        if (n <= RUN) return ia;
        int[] ib = new int[n];
        double[] kb = new double[n];
        for (int width = RUN; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(n, lo + width);
                int hi = Math.min(n, lo + 2 * width);
                if (mid >= hi || Double.compare(ka[mid - 1], ka[mid]) <= 0) {
                    System.arraycopy(ia, lo, ib, lo, hi - lo);
                    System.arraycopy(ka, lo, kb, lo, hi - lo);
                    continue;
                }
                int i = lo;
                int j = mid;
                int o = lo;
                while (i < mid && j < hi) {
                    if (Double.compare(ka[j], ka[i]) < 0) {
                        ib[o] = ia[j];
                        kb[o++] = ka[j++];
                    } else {
                        ib[o] = ia[i];
                        kb[o++] = ka[i++];
                    }
                }
                System.arraycopy(ia, i, ib, o, mid - i);
                System.arraycopy(ka, i, kb, o, mid - i);
                o += mid - i;
                System.arraycopy(ia, j, ib, o, hi - j);
                System.arraycopy(ka, j, kb, o, hi - j);
            }
            int[] ti = ia;
            ia = ib;
            ib = ti;
            double[] tk = ka;
            ka = kb;
            kb = tk;
        }
        return ia;
    }

    private static void shuffle(double[] v, SplittableRandom rng) {
        for (int i = v.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }

    private static void square(double[][] m, int k) {
        if (m.length != k) throw new IllegalArgumentException("the matrix must be " + k + " x " + k);
        for (double[] row : m) {
            if (row.length != k) throw new IllegalArgumentException("the matrix must be " + k + " x " + k);
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(m[i][j])) throw new IllegalArgumentException("entry " + i + ", " + j + " is not a finite number");
                if (Math.abs(m[i][j] - m[j][i]) > SYMMETRY * Math.max(Math.abs(m[i][j]), Math.abs(m[j][i]))) {
                    throw new IllegalArgumentException("the matrix is not symmetric at " + i + ", " + j);
                }
            }
        }
    }

    private static RealMatrix cholesky(double[][] m) {
        return new CholeskyDecomposition(MatrixUtils.createRealMatrix(m), SYMMETRY, POSITIVITY).getL();
    }

    /** The first Cholesky row whose pivot fails, or -1 when the leading {@code size} block is positive definite. */
    private static int failingRow(double[][] m, int size) {
        try {
            cholesky(leading(m, size));
            return -1;
        } catch (NonPositiveDefiniteMatrixException e) {
            return e.getRow();
        }
    }

    private static double[][] leading(double[][] m, int size) {
        double[][] out = new double[size][];
        for (int i = 0; i < size; i++) out[i] = Arrays.copyOf(m[i], size);
        return out;
    }
}
