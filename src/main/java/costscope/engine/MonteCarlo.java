package costscope.engine;

import costscope.formula.Block;
import costscope.formula.Columnar;
import costscope.formula.Compiler;
import costscope.formula.Expr;
import costscope.formula.Fn;
import costscope.formula.FormulaException;
import costscope.formula.Parser;
import costscope.model.Correlation;
import costscope.model.Driver;
import costscope.model.FigureFormat;
import costscope.model.StatedFigure;
import costscope.model.InputException;
import costscope.model.Scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Monte Carlo through the compiled program: every driver with a {@code range} is sampled ({@link Sampler}, truncated
 * to its min and max), the samples are reordered to the scenario's rank correlations ({@link RankCorrelation}), and
 * the program is run once per sample, so tiers, free allowances, steps and levers apply per sample. Reproducible: the
 * samples depend only on the seed (one stream per uncertain driver, in file order, split into one stream per
 * {@link #CHUNK} samples), and each sample's outputs are written at its index, so one thread or several give the same
 * numbers.
 */
public final class MonteCarlo {
    /** Samples unless the user chooses. */
    public static final int DEFAULT_SAMPLES = 10_000;
    /** Samples at most (each output holds one double per sample). */
    public static final int MAX_SAMPLES = 10_000_000;
    /** The seed unless the user chooses. */
    public static final long DEFAULT_SEED = 1;
    static final int BINS = 40;
    /** Samples drawn from one random stream: the unit of sampling work a thread takes (independent of the threads). */
    static final int CHUNK = 4096;
    /** Samples evaluated together ({@link costscope.formula.Block}): their columns stay in the cache. */
    static final int BLOCK = 256;

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

        /** Every core (at most 8): the CLI and the benchmark. */
        public static Options of(int samples, long seed) {
            return new Options(samples, seed, cores(0));
        }

        /** Every core but one (at least one thread, at most 8): the app's, whose FX thread keeps a core of its own. */
        public static Options leavingACore(int samples, long seed) {
            return new Options(samples, seed, cores(1));
        }

        /** The cores less {@code spare}: at least one, at most 8. */
        private static int cores(int spare) {
            return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() - spare, 8));
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

    /** What the range charts' bands show: the monthly total, and cost per user when the model has users. */
    public static List<String> bandOutputs(Scenario sc) {
        List<String> out = new ArrayList<>(List.of(Metric.TOTAL.formulaName()));
        if (sc.business() != null && sc.business().users() != null) out.add(Metric.COST_PER_USER.formulaName());
        return out;
    }

    /** What is simulated unless the user names outputs: the {@link #bandOutputs} and each category. */
    public static List<String> defaultOutputs(Scenario sc) {
        List<String> out = bandOutputs(sc);
        sc.categories().forEach(c -> out.add(c.id()));
        return out;
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
        return run(base, outputs, Set.of(), o, cancelled);
    }

    /**
     * As {@link #run(Evaluator, List, Options, BooleanSupplier)}, with the drivers in {@code held} kept at their value
     * in {@code base} although they have a range (a stated figure's "at 10K users", a sweep's point).
     */
    public static Result run(Evaluator base, List<String> outputs, Set<String> held, Options o, BooleanSupplier cancelled) {
        return run(base, outputs, held, o, cancelled, true);
    }

    /** As {@link #run(Evaluator, List, Set, Options, BooleanSupplier)}; without {@code blocks}, sample by sample. */
    static Result run(Evaluator base, List<String> outputs, Set<String> held, Options o, BooleanSupplier cancelled,
                      boolean blocks) {
        long t0 = System.nanoTime();
        Plan plan = new Plan(base, outputs, held, blocks);
        int n = o.samples();
        try (Workers workers = new Workers(o.threads())) {
            return evaluate(plan, new Draws(plan.c, plan.drivers, n, o.seed()), o, workers, cancelled, t0);
        }
    }

    /**
     * Runs the plan on every sample and measures each output's spread and each driver's influence on it. Without
     * correlations each chunk's samples are drawn and evaluated by the same task, while they are in the cache; with
     * them every sample is drawn first, since the reordering needs them all.
     */
    private static Result evaluate(Plan plan, Draws draws, Options o, Workers workers, BooleanSupplier cancelled,
                                   long t0) {
        int n = o.samples();
        double[][] inputs = draws.values;
        double[][] values = new double[plan.fns.length][n];
        if (draws.correlated()) {
            if (!workers.run(draws.fillAll(), cancelled)) return null;
            draws.correlate();
        }
        List<Runnable> work = new ArrayList<>();
        for (int chunk = 0; chunk < draws.chunks(); chunk++) {
            int from = chunk * CHUNK;
            int to = Math.min(n, from + CHUNK);
            int k = chunk;
            work.add(() -> {
                if (!draws.correlated()) draws.fill(k);
                Evaluator e = plan.start();
                plan.samples(e, plan.block(e), inputs, from, to, values);
            });
        }
        if (!workers.run(work, cancelled)) return null;
        // the statistics as one list of tasks: each driver's ranks, each output's spread and ranks
        double[][] inputRanks = new double[plan.drivers.size()][];
        Spread[] spreads = new Spread[plan.fns.length];
        double[][] outRanks = new double[plan.fns.length][];
        List<Runnable> stats = new ArrayList<>();
        for (int d = 0; d < inputRanks.length; d++) {
            int dd = d;
            stats.add(() -> inputRanks[dd] = RankCorrelation.ranks(thin(inputs[dd])));
        }
        for (int j = 0; j < plan.fns.length; j++) {
            int jj = j;
            stats.add(() -> spreads[jj] = spread(plan.outputs.get(jj), values[jj]));
            stats.add(() -> outRanks[jj] = ranksOfNumbers(thin(values[jj])));
        }
        if (!workers.run(stats, cancelled)) return null;
        List<List<Influence>> influence = new ArrayList<>();
        for (int j = 0; j < plan.fns.length; j++) influence.add(influence(plan.drivers, inputs, inputRanks, values[j], outRanks[j]));
        return new Result(n, o.seed(), (System.nanoTime() - t0) / 1e6, plan.drivers.stream().map(Driver::id).toList(),
                List.of(spreads), influence);
    }

    /** Whether a simulation of these outputs from this state runs over blocks of samples (every step has a columnar form). */
    static boolean inBlocks(Evaluator base, List<String> outputs, Set<String> held) {
        return new Plan(base, outputs, held, true).blocks;
    }

    /**
     * A range the report states beside the model's: the stated low and high, and the simulated P5, P50 and P95 of the
     * figure's formula at its context. {@code inside}: the model's P5-P95 lies within the stated range;
     * {@code overlaps}: the two ranges share some values.
     */
    public record StatedRange(String label, String of, double low, double high, double p5, double p50, double p95,
                              FigureFormat format, boolean inside, boolean overlaps) {
    }

    /**
     * Every stated figure given as a range ({@code low} to {@code high}), simulated at its own context (its scale point,
     * levers and drivers; the drivers it sets are held there, not sampled). Null when cancelled.
     */
    public static List<StatedRange> statedRanges(Evaluator base, Options o, BooleanSupplier cancelled) {
        Scenario sc = base.compiled().scenario();
        List<StatedRange> out = new ArrayList<>();
        for (StatedFigure f : sc.statedFigures()) {
            if (!f.givenAsRange()) continue;
            Evaluator e = base.copy();
            Set<String> held = new HashSet<>(f.set().keySet());
            if (f.at() != null) {
                e.applyScalePoint(f.at());
                held.addAll(sc.scalePoint(f.at()).values().keySet());
            }
            f.levers().forEach(e::setLever);
            f.set().forEach(e::setDriver);
            Result r = run(e, List.of(f.of()), held, o, cancelled);
            if (r == null) return null;
            Spread sp = r.outputs().get(0);
            double tol = 1e-9 * Math.max(1, Math.max(Math.abs(f.low()), Math.abs(f.high())));
            boolean inside = sp.p5() >= f.low() - tol && sp.p95() <= f.high() + tol;
            boolean overlaps = sp.p5() <= f.high() + tol && sp.p95() >= f.low() - tol;
            out.add(new StatedRange(f.label(), f.of(), f.low(), f.high(), sp.p5(), sp.p50(), sp.p95(), f.effectiveFormat(),
                    inside, overlaps));
        }
        return out;
    }

    /** One output's bands over a sweep: at each point, the mean and percentiles of its samples. */
    public record Band(String id, double[] mean, double[] p5, double[] p10, double[] p50, double[] p90, double[] p95) {
    }

    /** A banded sweep: the points of the swept driver and, per output, its bands; the sweep's own time in milliseconds. */
    public record Bands(int samples, long seed, double millis, String driver, double[] points, List<String> uncertain,
                        List<Band> bands) {
    }

    /**
     * Monte Carlo at every point of a sweep of {@code driver}: at each point the driver is held there (its own range,
     * if any, set aside) and the other uncertain drivers are sampled. The same samples serve every point (common random
     * numbers), so the bands are smooth curves, not noise. Null when cancelled.
     */
    public static Bands sweep(Evaluator base, String driver, double[] points, List<String> outputs, Options o,
                              BooleanSupplier cancelled) {
        return sweep(base, driver, points, outputs, o, cancelled, true);
    }

    /** As {@link #sweep(Evaluator, String, double[], List, Options, BooleanSupplier)}; without {@code blocks}, sample by sample. */
    static Bands sweep(Evaluator base, String driver, double[] points, List<String> outputs, Options o,
                       BooleanSupplier cancelled, boolean blocks) {
        long t0 = System.nanoTime();
        Plan plan = new Plan(base, outputs, Set.of(driver), blocks);
        try (Workers workers = new Workers(o.threads())) {
            Draws draws = new Draws(plan.c, plan.drivers, o.samples(), o.seed());
            if (!workers.run(draws.fillAll(), cancelled)) return null;
            if (draws.correlated()) draws.correlate();
            return sweep(plan, driver, points, draws.values, o, workers, cancelled, t0);
        }
    }

    private static Bands sweep(Plan plan, String driver, double[] points, double[][] inputs, Options o, Workers workers,
                               BooleanSupplier cancelled, long t0) {
        int n = o.samples();
        int sweepIndex = plan.c.driverIndex.get(driver);
        int m = points.length;
        double[][][] q = new double[plan.fns.length][6][m];
        List<Runnable> work = new ArrayList<>();
        for (int[] b : blocks(m, workers.threads * 4, 1)) {
            work.add(() -> {
                Evaluator e = plan.start();
                Block block = plan.block(e);
                double[][] values = new double[plan.fns.length][n];
                for (int p = b[0]; p < b[1]; p++) {
                    e.setDriverInput(sweepIndex, points[p]);
                    plan.samples(e, block, inputs, 0, n, values);
                    for (int j = 0; j < values.length; j++) {
                        Spread sp = spread(null, values[j], false);
                        q[j][0][p] = sp.mean();
                        q[j][1][p] = sp.p5();
                        q[j][2][p] = sp.p10();
                        q[j][3][p] = sp.p50();
                        q[j][4][p] = sp.p90();
                        q[j][5][p] = sp.p95();
                    }
                    if (cancelled.getAsBoolean()) return;
                }
            });
        }
        if (!workers.run(work, cancelled)) return null;
        List<Band> bands = new ArrayList<>();
        for (int j = 0; j < plan.fns.length; j++) {
            bands.add(new Band(plan.outputs.get(j), q[j][0], q[j][1], q[j][2], q[j][3], q[j][4], q[j][5]));
        }
        return new Bands(n, o.seed(), (System.nanoTime() - t0) / 1e6, driver, points.clone(),
                plan.drivers.stream().map(Driver::id).toList(), bands);
    }

    /**
     * What one simulation runs: the compiled outputs, the drivers sampled (the uncertain ones not held) and the part
     * of the program they move. When an output reads a lever's saving the whole program runs with the savings, since a
     * saving is the model evaluated again with the lever switched.
     */
    private static final class Plan {
        final Evaluator base;
        final CompiledScenario c;
        final Scenario sc;
        final List<String> outputs;
        final Fn[] fns;
        final List<Driver> drivers;
        final int[] index;
        /** An output reads a lever's saving: every sample runs the whole program with the savings, one at a time. */
        final boolean savings;
        /** The part of the program a sample runs one at a time (null with savings, or when blocks are used). */
        final CompiledScenario.Step program;
        /** The program's columnar forms (null when a step has none), the outputs', and whether blocks are used. */
        final CompiledScenario.ColumnStep[] columns;
        final Columnar[] outputColumns;
        final boolean blocks;
        /** The sampled drivers' input slots. */
        final int[] inputSlots;

        Plan(Evaluator base, List<String> outputs, Set<String> held, boolean allowBlocks) {
            this.base = base;
            this.c = base.compiled();
            this.sc = c.scenario();
            this.outputs = List.copyOf(outputs);
            fns = new Fn[outputs.size()];
            boolean withSavings = false;
            Set<String> read = new HashSet<>();
            for (int j = 0; j < fns.length; j++) {
                try {
                    Expr x = Parser.parse(outputs.get(j));
                    withSavings |= costscope.formula.Compiler.calls(x, "saving");
                    costscope.formula.Compiler.names(x).forEach(name -> read.add(name.name()));
                    fns[j] = c.compileResultFormula(outputs.get(j));
                } catch (FormulaException e) {
                    throw new InputException("output '" + outputs.get(j) + "': " + e.getMessage());
                }
            }
            drivers = uncertain(sc).stream().filter(d -> !held.contains(d.id())).toList();
            index = drivers.stream().mapToInt(d -> c.driverIndex.get(d.id())).toArray();
            Set<String> moved = new HashSet<>(held);
            drivers.forEach(d -> moved.add(d.id()));
            savings = withSavings;
            CompiledScenario.Step[] steps = savings ? null : c.stepsDependingOn(moved, read);
            columns = savings ? null : columns(steps, base.slots());
            outputColumns = new Columnar[fns.length];
            for (int j = 0; j < fns.length; j++) outputColumns[j] = Compiler.columnar(fns[j]);
            blocks = allowBlocks && columns != null && Arrays.stream(outputColumns).allMatch(java.util.Objects::nonNull);
            // the fixed program (hidden classes) only when samples run one at a time
            program = savings || blocks ? null : c.fixed(steps);
            inputSlots = Arrays.stream(index).map(d -> c.slots.driverInput[d]).toArray();
        }

        /** The steps' columnar forms at the base's lever states, or null when one has none. */
        private static CompiledScenario.ColumnStep[] columns(CompiledScenario.Step[] steps, double[] base) {
            CompiledScenario.ColumnStep[] out = new CompiledScenario.ColumnStep[steps.length];
            for (int k = 0; k < steps.length; k++) {
                out[k] = steps[k].columns(base);
                if (out[k] == null) return null;
            }
            return out;
        }

        /** A block over the state of {@code e} for {@link #samples}, or null when the plan runs sample by sample. */
        Block block(Evaluator e) {
            return blocks ? new Block(e.slots(), BLOCK) : null;
        }

        /**
         * Samples {@code from} to {@code to} on {@code e} (recalculated at the base state, but for held drivers set
         * since): over blocks of {@link #BLOCK} samples ({@code b}, from {@link #block}) when every step and output has
         * a columnar form, else one by one. The same values either way.
         */
        void samples(Evaluator e, Block b, double[][] inputs, int from, int to, double[][] values) {
            if (b == null) {
                for (int i = from; i < to; i++) sample(e, inputs, i, values);
                return;
            }
            for (int start = from; start < to; start += BLOCK) {
                int n = Math.min(BLOCK, to - start);
                b.size(n);
                for (int d = 0; d < inputSlots.length; d++) System.arraycopy(inputs[d], start, b.write(inputSlots[d]), 0, n);
                for (CompiledScenario.ColumnStep step : columns) step.run(b);
                for (int j = 0; j < outputColumns.length; j++) {
                    int m = b.mark();
                    System.arraycopy(outputColumns[j].eval(b), 0, values[j], start, n);
                    b.release(m);
                }
            }
        }

        /** An evaluator of its own, fully recalculated at the base state, for one block of samples. */
        Evaluator start() {
            Evaluator e = base.copy();
            e.recalc();
            return e;
        }

        /** Sets sample {@code i} of every sampled driver, recalculates, and writes each output's value at {@code i}. */
        void sample(Evaluator e, double[][] inputs, int i, double[][] values) {
            for (int d = 0; d < index.length; d++) e.setDriverInput(index[d], inputs[d][i]);
            if (savings) e.recalcWithSavings();
            else e.run(program);
            for (int j = 0; j < fns.length; j++) values[j][i] = e.valueNow(fns[j]);
        }

    }

    /** Samples the influence is measured on, at most: a rank correlation over 10,000 samples has a standard error of about 0.01. */
    static final int INFLUENCE_SAMPLES = 10_000;

    /**
     * Each driver's rank correlation with the output, largest first, over at most {@link #INFLUENCE_SAMPLES} samples
     * (evenly spaced, the same ones for every output), from the ranks computed once per driver and per output.
     */
    private static List<Influence> influence(List<Driver> drivers, double[][] inputs, double[][] inputRanks, double[] out,
                                             double[] outRanks) {
        List<Influence> inf = new ArrayList<>();
        for (int d = 0; d < drivers.size(); d++) {
            double rank = outRanks != null ? RankCorrelation.ofRanks(inputRanks[d], outRanks)
                    : RankCorrelation.spearman(thin(inputs[d]), thin(out));
            inf.add(new Influence(drivers.get(d).id(), drivers.get(d).label(), rank));
        }
        inf.sort(Comparator.comparingDouble((Influence x) -> Double.isNaN(x.rank()) ? -1 : Math.abs(x.rank())).reversed());
        return inf;
    }

    /** The ranks of values that are all numbers; null when some are not (their influence takes the slow path). */
    private static double[] ranksOfNumbers(double[] v) {
        for (double x : v) if (x != x) return null;
        return RankCorrelation.ranks(v);
    }

    /** At most {@link #INFLUENCE_SAMPLES} of the values, evenly spaced (all of them when there are no more). */
    static double[] thin(double[] v) {
        if (v.length <= INFLUENCE_SAMPLES) return v;
        double[] out = new double[INFLUENCE_SAMPLES];
        for (int i = 0; i < out.length; i++) out[i] = v[(int) ((long) i * v.length / INFLUENCE_SAMPLES)];
        return out;
    }

    /** Ranges {from, to} over n: about four per thread, at least {@code least} each. */
    private static List<int[]> blocks(int n, int count, int least) {
        int block = Math.max(least, (n + count - 1) / count);
        List<int[]> out = new ArrayList<>();
        for (int from = 0; from < n; from += block) out.add(new int[]{from, Math.min(n, from + block)});
        return out;
    }

    /**
     * Each uncertain driver's samples, correlated: one random stream per driver, split from the seed in file order, and
     * from it one stream per {@link #CHUNK} samples in order (so the chunks can be drawn on any thread, same numbers).
     */
    static double[][] samples(CompiledScenario c, List<Driver> drivers, int n, long seed) {
        Draws draws = new Draws(c, drivers, n, seed);
        draws.fillAll().forEach(Runnable::run);
        if (draws.correlated()) draws.correlate();
        return draws.values;
    }

    /**
     * The samples of one simulation, drawn chunk by chunk: one random stream per uncertain driver, split from the seed
     * in file order, and from it one stream per {@link #CHUNK} samples in order; then, with correlations, the
     * reordering's seed from the root. Each chunk is drawn once, on whichever thread; the numbers are the same.
     */
    private static final class Draws {
        final double[][] values;
        private final int n;
        private final Sampler[] samplers;
        private final SplittableRandom[][] streams;
        private final double[][] target;
        private final long correlationSeed;

        Draws(CompiledScenario c, List<Driver> drivers, int n, long seed) {
            this.n = n;
            SplittableRandom root = new SplittableRandom(seed);
            values = new double[drivers.size()][n];
            samplers = new Sampler[drivers.size()];
            streams = new SplittableRandom[drivers.size()][chunks()];
            for (int d = 0; d < drivers.size(); d++) {
                samplers[d] = c.sampler(c.driverIndex.get(drivers.get(d).id()));
                SplittableRandom stream = root.split();
                for (int k = 0; k < chunks(); k++) streams[d][k] = stream.split();
            }
            target = correlations(c.scenario(), drivers);
            correlationSeed = target == null ? 0 : root.nextLong();
        }

        int chunks() {
            return (n + CHUNK - 1) / CHUNK;
        }

        boolean correlated() {
            return target != null;
        }

        /** Draws chunk k of every driver (once). */
        void fill(int k) {
            int from = k * CHUNK;
            int to = Math.min(n, from + CHUNK);
            for (int d = 0; d < samplers.length; d++) samplers[d].fill(values[d], from, to, streams[d][k]);
        }

        /** One task per chunk. */
        List<Runnable> fillAll() {
            List<Runnable> work = new ArrayList<>();
            for (int k = 0; k < chunks(); k++) {
                int kk = k;
                work.add(() -> fill(kk));
            }
            return work;
        }

        /** Reorders the drawn samples to the scenario's rank correlations. */
        void correlate() {
            RankCorrelation.apply(values, target, correlationSeed);
        }
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

    /**
     * The threads of one simulation: the caller alone, or a pool of its own for the whole run (sampling, evaluation,
     * statistics), shut down when the run ends. Work is a list of blocks; each waits for the previous list to finish.
     */
    private static final class Workers implements AutoCloseable {
        final int threads;
        private final ExecutorService pool;

        Workers(int threads) {
            this.threads = threads;
            this.pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
                Thread th = new Thread(r, "costscope-monte-carlo");
                th.setDaemon(true);
                return th;
            });
        }

        /** Runs the blocks; false when cancelled (polled before each block). */
        boolean run(List<Runnable> work, BooleanSupplier cancelled) {
            java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
            List<Runnable> guarded = work.stream().<Runnable>map(r -> () -> {
                if (stopped.get() || cancelled.getAsBoolean()) {
                    stopped.set(true);
                    return;
                }
                r.run();
            }).toList();
            if (pool == null || guarded.size() <= 1) {
                guarded.forEach(Runnable::run);
            } else {
                try {
                    List<Future<?>> fs = new ArrayList<>();
                    for (Runnable r : guarded) fs.add(pool.submit(r));
                    for (Future<?> f : fs) f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                }
            }
            return !stopped.get() && !cancelled.getAsBoolean();
        }

        @Override
        public void close() {
            if (pool != null) pool.shutdownNow();
        }
    }

    /** The percentiles a spread reports. */
    private static final double[] PERCENTILES = {0.05, 0.10, 0.50, 0.90, 0.95};

    /**
     * Mean, percentiles (linear between order statistics), extremes and histogram of the values that are numbers. The
     * order statistics are found without sorting ({@link #orderStatistics}): linear time, the same numbers.
     */
    static Spread spread(String id, double[] v) {
        return spread(id, v, true);
    }

    /** As {@link #spread(String, double[])}; without {@code histogram} its histogram is null (a sweep's points). */
    private static Spread spread(String id, double[] v, boolean histogram) {
        int m = 0;
        double sum = 0;   // in sample order: the same on any thread count
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (x != x) continue;
            m++;
            sum += x;
            if (x < lo) lo = x;
            if (x > hi) hi = x;
        }
        int nan = v.length - m;
        if (m == 0) {
            double x = Double.NaN;
            return new Spread(id, x, x, x, x, x, x, x, x, new Histogram(new double[0], new long[0]), nan);
        }
        int[] wanted = new int[2 * PERCENTILES.length];
        for (int i = 0; i < PERCENTILES.length; i++) {
            int k = (int) Math.floor((m - 1) * PERCENTILES[i]);
            wanted[2 * i] = k;
            wanted[2 * i + 1] = Math.min(m - 1, k + 1);
        }
        double[] at = orderStatistics(v, m, lo, hi, wanted);
        double[] q = new double[PERCENTILES.length];
        for (int i = 0; i < q.length; i++) {
            double h = (m - 1) * PERCENTILES[i];
            double lower = at[2 * i];
            double upper = at[2 * i + 1];
            q[i] = lower == upper ? lower : lower + (h - Math.floor(h)) * (upper - lower);   // as quantile()
        }
        return new Spread(id, sum / m, q[0], q[1], q[2], q[3], q[4], lo, hi, histogram ? histogram(v, m, lo, hi) : null, nan);
    }

    /** Buckets {@link #orderStatistics} counts the values into. */
    private static final int BUCKETS = 4096;

    /**
     * The order statistics at positions {@code wanted} (0-based, among the {@code m} values of v that are numbers,
     * whose extremes are lo and hi): the values a full sort would put there. Counts the values into equal buckets from
     * lo to hi (a bucket's index rises with the value, so the buckets are in order), then sorts only the few buckets
     * that hold a wanted position: three passes over the values, however many there are. Values that do not spread
     * over a finite width fall back to selection on a copy.
     */
    static double[] orderStatistics(double[] v, int m, double lo, double hi, int[] wanted) {
        double[] out = new double[wanted.length];
        double scale = BUCKETS / (hi - lo);
        if (!(hi > lo) || !Double.isFinite(hi - lo) || !Double.isFinite(scale)) {
            double[] s = new double[m];
            int j = 0;
            for (double x : v) if (x == x) s[j++] = x;
            int[] ks = wanted.clone();
            Arrays.sort(ks);
            select(s, 0, m, ks, 0, ks.length);
            for (int i = 0; i < wanted.length; i++) out[i] = s[wanted[i]];
            return out;
        }
        int[] counts = new int[BUCKETS];
        for (double x : v) if (x == x) counts[Math.min(BUCKETS - 1, (int) ((x - lo) * scale))]++;
        // the bucket of each wanted position and its rank there
        int[] starts = new int[BUCKETS + 1];
        for (int b = 0; b < BUCKETS; b++) starts[b + 1] = starts[b] + counts[b];
        int[] bucketOf = new int[wanted.length];
        int[] gathered = new int[BUCKETS];
        Arrays.fill(gathered, -1);
        List<double[]> buffers = new ArrayList<>();
        for (int i = 0; i < wanted.length; i++) {
            int b = upperBound(starts, wanted[i]) - 1;
            bucketOf[i] = b;
            if (gathered[b] < 0) {
                gathered[b] = buffers.size();
                buffers.add(new double[counts[b]]);
            }
        }
        int[] filled = new int[buffers.size()];
        for (double x : v) {
            if (x != x) continue;
            int t = gathered[Math.min(BUCKETS - 1, (int) ((x - lo) * scale))];
            if (t >= 0) buffers.get(t)[filled[t]++] = x;
        }
        for (double[] b : buffers) Arrays.sort(b);
        for (int i = 0; i < wanted.length; i++) {
            int b = bucketOf[i];
            out[i] = buffers.get(gathered[b])[wanted[i] - starts[b]];
        }
        return out;
    }

    /** The first index whose value is above k, in an ascending array. */
    private static int upperBound(int[] a, int k) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= k) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * Puts the order statistics {@code wanted[wFrom..wTo)} (ascending positions within [from, to)) of a in place:
     * afterwards a[k] is the value a full sort would put at k, for each wanted k. Quickselect on several positions at
     * once (partition, then only the sides that hold wanted positions); small ranges are insertion-sorted.
     */
    private static void select(double[] a, int from, int to, int[] wanted, int wFrom, int wTo) {
        while (wFrom < wTo) {
            if (to - from <= 32) {
                for (int i = from + 1; i < to; i++) {
                    double x = a[i];
                    int j = i - 1;
                    while (j >= from && Double.compare(a[j], x) > 0) {
                        a[j + 1] = a[j];
                        j--;
                    }
                    a[j + 1] = x;
                }
                return;
            }
            int mid = (from + to) >>> 1;
            double pivot = median(a[from], a[mid], a[to - 1]);
            // three-way partition: [from, lt) below, [lt, gt) equal, [gt, to) above
            int lt = from;
            int gt = to;
            int i = from;
            while (i < gt) {
                int c = Double.compare(a[i], pivot);
                if (c < 0) swap(a, lt++, i++);
                else if (c > 0) swap(a, i, --gt);
                else i++;
            }
            int wLt = wFrom;
            while (wLt < wTo && wanted[wLt] < lt) wLt++;
            int wGt = wLt;
            while (wGt < wTo && wanted[wGt] < gt) wGt++;
            // the left side recursively, the right side in this loop
            if (wLt > wFrom) select(a, from, lt, wanted, wFrom, wLt);
            from = gt;
            wFrom = wGt;
        }
    }

    private static double median(double a, double b, double c) {
        if (Double.compare(a, b) > 0) {
            double t = a;
            a = b;
            b = t;
        }
        if (Double.compare(b, c) > 0) b = c;
        return Double.compare(a, b) > 0 ? a : b;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /**
     * The p-quantile: linear between the order statistics at (n - 1) p (type 7, as R and NumPy); {@code sorted} holds
     * those two order statistics in place (a sorted array, or one {@link #select}ed at them).
     */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        double lower = sorted[lo];
        double upper = sorted[hi];
        return lower == upper ? lower : lower + (h - lo) * (upper - lower);
    }

    /**
     * {@link #BINS} equal bins from lo to hi (the last includes hi) over the m values of v that are numbers; one bin when
     * all are equal.
     */
    static Histogram histogram(double[] v, int m, double lo, double hi) {
        if (!(hi > lo) || !Double.isFinite(hi - lo)) {
            return new Histogram(new double[]{lo, hi}, new long[]{m});
        }
        double[] edges = new double[BINS + 1];
        for (int b = 0; b <= BINS; b++) edges[b] = lo + (hi - lo) * b / BINS;
        edges[BINS] = hi;
        long[] counts = new long[BINS];
        double scale = BINS / (hi - lo);
        for (double x : v) {
            if (x != x) continue;
            int b = (int) ((x - lo) * scale);
            counts[Math.min(BINS - 1, Math.max(0, b))]++;
        }
        return new Histogram(edges, counts);
    }
}
