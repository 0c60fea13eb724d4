package costscope.engine;

import costscope.formula.Fn;
import costscope.formula.FormulaException;
import costscope.model.Correlation;
import costscope.model.Driver;
import costscope.model.InputException;
import costscope.model.Scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Monte Carlo through the compiled program: every driver with a {@code range} is sampled ({@link Sampler}, truncated
 * to its min and max), the samples are reordered to the scenario's rank correlations ({@link RankCorrelation}), and
 * the program is run once per sample, so tiers, free allowances, steps and levers apply per sample. Reproducible: the
 * samples depend only on the seed (one stream per uncertain driver, in file order), and each sample's outputs are
 * written at its index, so one thread or several give the same numbers.
 */
public final class MonteCarlo {
    /** Samples unless the user chooses. */
    public static final int DEFAULT_SAMPLES = 10_000;
    /** Samples at most (each output holds one double per sample). */
    public static final int MAX_SAMPLES = 10_000_000;
    /** The seed unless the user chooses. */
    public static final long DEFAULT_SEED = 1;
    static final int BINS = 40;

    private MonteCarlo() {
    }

    /** What to simulate: how many samples, the seed, the threads to use (1 or more). */
    public record Options(int samples, long seed, int threads) {
        public Options {
            if (samples < 1 || samples > MAX_SAMPLES) {
                throw new InputException("samples: " + samples + " is not from 1 to " + String.format("%,d", MAX_SAMPLES));
            }
            if (threads < 1) throw new IllegalArgumentException("threads " + threads);
        }

        public static Options of(int samples, long seed) {
            return new Options(samples, seed, Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8)));
        }
    }

    /** A histogram: {@code edges} (bins + 1, ascending) and the count in each bin (the last bin includes its top). */
    public record Histogram(double[] edges, long[] counts) {
    }

    /**
     * One output's spread: mean, percentiles, extremes and histogram, over the samples that are numbers
     * ({@code notANumber} counts the others).
     */
    public record Spread(String id, double mean, double p5, double p10, double p50, double p90, double p95, double min,
                         double max, Histogram histogram, int notANumber) {
    }

    /** How much an uncertain driver moves an output: the rank correlation of its samples with the output's. */
    public record Influence(String driver, String label, double rank) {
    }

    /**
     * The simulation: per output (in the order asked) its spread and the drivers by influence (largest first); the
     * simulation's own time in milliseconds.
     */
    public record Result(int samples, long seed, double millis, List<String> uncertain, List<Spread> outputs,
                         List<List<Influence>> influence) {
    }

    /** The drivers with a range, in file order. */
    public static List<Driver> uncertain(Scenario sc) {
        return sc.drivers().stream().filter(d -> d.range() != null).toList();
    }

    /**
     * Simulates the outputs (names or formulas over the model's names) from the state of {@code base} (its other
     * drivers and levers as they are). {@code cancelled} is polled between blocks: a run whose answer is no longer
     * wanted stops early and returns null.
     */
    public static Result run(Evaluator base, List<String> outputs, Options o, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        CompiledScenario c = base.compiled();
        Scenario sc = c.scenario();
        Fn[] fns = new Fn[outputs.size()];
        for (int j = 0; j < fns.length; j++) {
            try {
                fns[j] = c.compileResultFormula(outputs.get(j));
            } catch (FormulaException e) {
                throw new InputException("output '" + outputs.get(j) + "': " + e.getMessage());
            }
        }
        List<Driver> drivers = uncertain(sc);
        int n = o.samples();
        int k = drivers.size();
        double[][] inputs = samples(sc, drivers, n, o.seed());
        int[] index = new int[k];
        for (int d = 0; d < k; d++) index[d] = c.driverIndex.get(drivers.get(d).id());
        double[][] values = new double[fns.length][n];
        int threads = Math.min(o.threads(), Math.max(1, n / 1000));
        int block = Math.max(1000, (n + threads * 4 - 1) / (threads * 4));
        List<int[]> blocks = new ArrayList<>();
        for (int from = 0; from < n; from += block) blocks.add(new int[]{from, Math.min(n, from + block)});
        boolean[] stopped = new boolean[1];
        Runnable[] work = new Runnable[blocks.size()];
        for (int b = 0; b < work.length; b++) {
            int[] range = blocks.get(b);
            work[b] = () -> {
                if (cancelled.getAsBoolean()) {
                    stopped[0] = true;
                    return;
                }
                Evaluator e = base.copy();
                for (int i = range[0]; i < range[1]; i++) {
                    for (int d = 0; d < k; d++) e.setDriverInput(index[d], inputs[d][i]);
                    e.recalc();
                    for (int j = 0; j < fns.length; j++) values[j][i] = e.valueNow(fns[j]);
                }
            };
        }
        runAll(work, threads);
        if (stopped[0] || cancelled.getAsBoolean()) return null;
        List<Spread> spreads = new ArrayList<>();
        List<List<Influence>> influence = new ArrayList<>();
        for (int j = 0; j < fns.length; j++) {
            spreads.add(spread(outputs.get(j), values[j]));
            List<Influence> inf = new ArrayList<>();
            for (int d = 0; d < k; d++) {
                inf.add(new Influence(drivers.get(d).id(), drivers.get(d).label(), RankCorrelation.spearman(inputs[d], values[j])));
            }
            inf.sort(Comparator.comparingDouble((Influence x) -> Double.isNaN(x.rank()) ? -1 : Math.abs(x.rank())).reversed());
            influence.add(inf);
        }
        double millis = (System.nanoTime() - t0) / 1e6;
        return new Result(n, o.seed(), millis, drivers.stream().map(Driver::id).toList(), spreads, influence);
    }

    /** Each uncertain driver's samples (one random stream each, split from the seed in file order), correlated. */
    static double[][] samples(Scenario sc, List<Driver> drivers, int n, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        double[][] out = new double[drivers.size()][n];
        for (int d = 0; d < drivers.size(); d++) {
            Driver dr = drivers.get(d);
            Sampler.of(dr.range(), dr.min(), dr.max()).fill(out[d], root.split());
        }
        double[][] target = correlations(sc, drivers);
        if (target != null) RankCorrelation.apply(out, target, root.nextLong());
        return out;
    }

    /** The target rank-correlation matrix over the uncertain drivers, or null when the scenario gives none. */
    static double[][] correlations(Scenario sc, List<Driver> drivers) {
        if (sc.correlations().isEmpty()) return null;
        int k = drivers.size();
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) m[i][i] = 1;
        List<String> ids = drivers.stream().map(Driver::id).toList();
        for (Correlation cor : sc.correlations()) {
            int a = ids.indexOf(cor.between().get(0));
            int b = ids.indexOf(cor.between().get(1));
            m[a][b] = cor.rank();
            m[b][a] = cor.rank();
        }
        return m;
    }

    private static void runAll(Runnable[] work, int threads) {
        if (threads == 1) {
            for (Runnable r : work) r.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "costscope-monte-carlo");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (Runnable r : work) fs.add(pool.submit(r));
            for (Future<?> f : fs) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Mean, percentiles (linear between order statistics), extremes and histogram of the values that are numbers. */
    static Spread spread(String id, double[] v) {
        double[] s = Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
        int nan = v.length - s.length;
        if (s.length == 0) {
            double x = Double.NaN;
            return new Spread(id, x, x, x, x, x, x, x, x, new Histogram(new double[0], new long[0]), nan);
        }
        Arrays.sort(s);
        double sum = 0;
        for (double x : v) if (!Double.isNaN(x)) sum += x;   // in sample order: the same on any thread count
        double mean = sum / s.length;
        return new Spread(id, mean, quantile(s, 0.05), quantile(s, 0.10), quantile(s, 0.50), quantile(s, 0.90),
                quantile(s, 0.95), s[0], s[s.length - 1], histogram(s), nan);
    }

    /** The p-quantile of sorted values: linear between the order statistics at (n - 1) p (type 7, as R and NumPy). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        double lower = sorted[lo];
        double upper = sorted[hi];
        return lower == upper ? lower : lower + (h - lo) * (upper - lower);
    }

    static Histogram histogram(double[] sorted) {
        double lo = sorted[0];
        double hi = sorted[sorted.length - 1];
        if (!(hi > lo) || !Double.isFinite(hi - lo)) {
            return new Histogram(new double[]{lo, hi}, new long[]{sorted.length});
        }
        double[] edges = new double[BINS + 1];
        for (int b = 0; b <= BINS; b++) edges[b] = lo + (hi - lo) * b / BINS;
        edges[BINS] = hi;
        long[] counts = new long[BINS];
        for (double x : sorted) {
            int b = (int) ((x - lo) / (hi - lo) * BINS);
            counts[Math.min(BINS - 1, Math.max(0, b))]++;
        }
        return new Histogram(edges, counts);
    }
}
