package costscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.engine.Results;
import costscope.engine.Sweep;
import costscope.model.InputException;
import costscope.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Measures, on the calling thread (one core), full evaluations per second of each scenario after warm-up, and the
 * time of a 1,000-point sweep. Reports medians over several rounds; prints one JSON line per scenario.
 */
@Command(name = "bench", description = "Measure evaluations per second and 1,000-point sweep time (median of rounds).")
final class Bench implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..*", description = "scenarios (default: sample-scenarios/*.json)")
    List<Path> files = new ArrayList<>();
    @Option(names = "--rounds", defaultValue = "7", description = "measured rounds (default ${DEFAULT-VALUE})")
    int rounds;
    @Option(names = "--round-millis", defaultValue = "300", description = "length of one round (default ${DEFAULT-VALUE} ms)")
    long roundMillis;
    @Option(names = "--warmup-millis", defaultValue = "1500", description = "warm-up per scenario (default ${DEFAULT-VALUE} ms)")
    long warmupMillis;
    @Option(names = "--squiggle", description = "also time Squiggle on the same model, for scenarios with ranges"
            + " (bench/squiggle: needs node, and npm ci there)")
    boolean squiggle;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Defeats dead-code elimination. */
    private volatile double sink;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || rounds > 1000) throw new InputException("bench: --rounds " + rounds + ": expected 1 to 1,000");
        if (roundMillis < 1 || roundMillis > 3_600_000) {
            throw new InputException("bench: --round-millis " + roundMillis + ": expected 1 to 3,600,000 (an hour)");
        }
        if (warmupMillis < 0 || warmupMillis > 3_600_000) {
            throw new InputException("bench: --warmup-millis " + warmupMillis + ": expected 0 to 3,600,000 (an hour)");
        }
        if (files.isEmpty()) files = defaultFiles();
        if (files.isEmpty()) throw new InputException("bench: no FILE given and no sample-scenarios/*.json here");
        PrintWriter out = spec.commandLine().getOut();
        var oneLine = Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        for (Path f : files) {
            CompiledScenario c = FileCommand.load(f);
            out.println(oneLine.writeValueAsString(measure(f, c)));
            out.flush();
        }
        out.flush();
        return 0;
    }

    static List<Path> defaultFiles() throws IOException {
        Path dir = Path.of("sample-scenarios");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    ObjectNode measure(Path file, CompiledScenario c) {
        Scenario sc = c.scenario();
        String driver = sc.sweep() != null ? sc.sweep().driver() : sc.drivers().get(0).id();
        double base = c.newEvaluator().driverValue(driver);
        double from = sc.sweep() != null ? sc.sweep().from() : Math.max(1, base / 100);
        double to = sc.sweep() != null ? sc.sweep().to() : Math.max(2, base * 100);
        boolean log = sc.sweep() == null || sc.sweep().log();
        Evaluator e = c.newEvaluator();
        double[] values = Sweep.points(from, to, 64, log);

        // warm-up: all three workloads, so the JIT has compiled them before any round is timed
        long until = System.nanoTime() + warmupMillis * 1_000_000;
        int k = 0;
        while (System.nanoTime() < until) {
            e.setDriver(driver, values[k++ & 63]);
            sink += e.evaluate().monthlyTotal();
            if ((k & 255) == 0) {
                sink += e.evaluateWithSavings().monthlyTotal();
                sink += Sweep.run(e, driver, from, to, 1000, log).total()[999];
            }
        }
        double[] recalcRates = new double[rounds];
        double[] evalRates = new double[rounds];
        double[] savingRates = new double[rounds];
        double[] sweepMillis = new double[rounds];
        double[] liveMillis = new double[rounds];
        double[] tornadoMillis = new double[rounds];
        double[] goalSeekMillis = new double[rounds];
        double[] waterfallMillis = new double[rounds];
        Evaluator at = c.newEvaluator(sc);
        costscope.whatif.Output total = costscope.whatif.Output.of(sc, "total");
        double target = 2 * at.total();
        Scenario wFrom = sc.variants().size() >= 2 ? sc.withVariant(sc.variants().get(0).id()) : null;
        Scenario wTo = sc.variants().size() >= 2 ? sc.withVariant(sc.variants().get(1).id()) : null;
        for (int r = 0; r < rounds; r++) {
            // what-if: a tornado of the total over every driver; a goal seek over the sweep driver's range; a waterfall
            // between the first two variants (compiling each state it passes through)
            tornadoMillis[r] = millis(() -> sink += costscope.whatif.Sensitivity.run(at, total, 0.2).base());
            goalSeekMillis[r] = millis(() -> sink += costscope.whatif.GoalSeek.solve(at, driver, total, target).evaluations());
            if (wFrom != null) {
                waterfallMillis[r] = millis(() -> {
                    try {
                        sink += costscope.whatif.Waterfall.run(wFrom, wTo, null).toTotal();
                    } catch (costscope.model.ScenarioException x) {
                        throw new IllegalStateException(x);
                    }
                });
            }
            // the engine's recalculation alone, values left in the evaluator (what a slider drag costs before any view reads them)
            recalcRates[r] = rate(() -> sink += e.total(), e, driver, values);
            evalRates[r] = rate(() -> {
                // a full evaluation: every node recomputed and an immutable snapshot of every value
                Results res = e.evaluate();
                sink += res.monthlyTotal();
            }, e, driver, values);
            savingRates[r] = rate(() -> sink += e.evaluateWithSavings().monthlyTotal(), e, driver, values);
            int reps = 0;
            long t0 = System.nanoTime();
            long end = t0 + roundMillis * 1_000_000;
            long t;
            do {
                sink += Sweep.run(e, driver, from, to, 1000, log).total()[500];
                reps++;
                t = System.nanoTime();
            } while (t < end);
            sweepMillis[r] = (t - t0) / 1e6 / reps;
            // what the explorer's engine does per frame of a slider drag: results with lever savings + a 240-point chart sweep
            reps = 0;
            t0 = System.nanoTime();
            end = t0 + roundMillis * 1_000_000;
            do {
                e.setDriver(driver, values[reps & 63]);
                sink += e.evaluateWithSavings().monthlyTotal();
                sink += Sweep.run(e, driver, from, to, 240, log).total()[120];
                reps++;
                t = System.nanoTime();
            } while (t < end);
            liveMillis[r] = (t - t0) / 1e6 / reps;
        }
        ObjectNode o = Json.object();
        o.put("scenario", file.toString());
        o.put("items", sc.items().size());
        o.put("nodes", c.evaluationOrder().size());
        o.put("steps", c.stepCount());
        o.put("levers", sc.levers().size());
        o.put("evaluationsPerSecond", Math.round(median(evalRates)));
        o.put("recalculationsPerSecond", Math.round(median(recalcRates)));
        o.put("evaluationsWithLeverSavingsPerSecond", Math.round(median(savingRates)));
        o.put("sweep1000Millis", Math.round(median(sweepMillis) * 10000) / 10000.0);
        o.put("liveUpdateMillis", Math.round(median(liveMillis) * 10000) / 10000.0);
        o.put("tornadoMillis", Math.round(median(tornadoMillis) * 10000) / 10000.0);
        o.put("goalSeekMillis", Math.round(median(goalSeekMillis) * 10000) / 10000.0);
        if (wFrom != null) o.put("waterfallMillis", Math.round(median(waterfallMillis) * 10000) / 10000.0);
        o.put("sweepDriver", driver);
        monteCarlo(o, c, sc, driver, from, to, log);
        timeline(o, c, sc);
        o.put("rounds", rounds);
        o.put("evaluationsPerSecondMin", Math.round(Arrays.stream(evalRates).min().orElse(0)));
        o.put("evaluationsPerSecondMax", Math.round(Arrays.stream(evalRates).max().orElse(0)));
        return o;
    }

    /**
     * When the scenario has a timeline: the median time of its first 60 months (paths, events, cash, paybacks), through
     * the compiled model, over seven rounds of 100 ms.
     */
    private void timeline(ObjectNode o, CompiledScenario c, Scenario sc) {
        if (sc.timeline() == null) return;
        Evaluator e = c.newEvaluator(sc);
        for (int i = 0; i < 300; i++) sink += costscope.engine.Months.run(e, 60).months().get(59).cash();
        double[] ms = new double[7];
        for (int r = 0; r < ms.length; r++) {
            int reps = 0;
            long t0 = System.nanoTime();
            long end = t0 + 100_000_000L;
            long t;
            do {
                sink += costscope.engine.Months.run(e, 60).months().get(59).cash();
                reps++;
                t = System.nanoTime();
            } while (t < end);
            ms[r] = (t - t0) / 1e6 / reps;
        }
        o.put("timeline60Millis", Math.round(median(ms) * 10000) / 10000.0);
    }

    /** Samples of the Monte Carlo measurement. */
    static final int MC_SAMPLES = 100_000;

    /**
     * When the scenario has drivers with ranges: the median time of a 100,000-sample simulation of the monthly total
     * on every core the run may use and on one, and of a banded sweep (100 points x 10,000 samples) of the total and
     * cost per user over the sweep driver's range.
     */
    private void monteCarlo(ObjectNode o, CompiledScenario c, Scenario sc, String driver, double from, double to, boolean log) {
        int k = costscope.engine.MonteCarlo.uncertain(sc).size();
        if (k == 0) return;
        Evaluator at = c.newEvaluator(sc);
        List<String> total = List.of("total");
        List<String> bandOutputs = costscope.engine.MonteCarlo.bandOutputs(sc);
        var all = costscope.engine.MonteCarlo.Options.of(MC_SAMPLES, 1);
        var one = new costscope.engine.MonteCarlo.Options(MC_SAMPLES, 1, 1);
        var band = costscope.engine.MonteCarlo.Options.of(10_000, 1);
        double[] points = Sweep.points(from, to, 100, log);
        long until = System.nanoTime() + warmupMillis * 1_000_000;
        do {
            sink += costscope.engine.MonteCarlo.run(at, total, all, () -> false).outputs().get(0).mean();
            sink += costscope.engine.MonteCarlo.sweep(at, driver, points, bandOutputs, band, () -> false).bands().get(0).p50()[50];
        } while (System.nanoTime() < until);
        double[] mcAll = new double[rounds];
        double[] mcOne = new double[rounds];
        double[] bands = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            mcAll[r] = millis(() -> sink += costscope.engine.MonteCarlo.run(at, total, all, () -> false).outputs().get(0).mean());
            mcOne[r] = millis(() -> sink += costscope.engine.MonteCarlo.run(at, total, one, () -> false).outputs().get(0).mean());
            bands[r] = millis(() -> sink += costscope.engine.MonteCarlo.sweep(at, driver, points, bandOutputs, band, () -> false)
                    .bands().get(0).p50()[50]);
        }
        o.put("uncertainDrivers", k);
        o.put("monteCarloThreads", all.threads());
        o.put("monteCarlo100kMillis", Math.round(median(mcAll) * 100) / 100.0);
        o.put("monteCarlo100kMillisOneThread", Math.round(median(mcOne) * 100) / 100.0);
        o.put("bandedSweep100x10kMillis", Math.round(median(bands) * 100) / 100.0);
        if (squiggle) {
            ObjectNode q;
            try {
                q = SquiggleRun.measure(c, MC_SAMPLES);
            } catch (Exception x) {
                q = Json.object().put("skipped", String.valueOf(x.getMessage()));
            }
            o.set("squiggle", q);
            if (q.has("medianMillis")) {
                // the same work on both sides: 100,000 samples of the total, seed fixed, one thread each
                o.put("squiggleOverCostscopeOneThread", Math.round(q.get("medianMillis").asDouble() / median(mcOne) * 10) / 10.0);
                o.put("squiggleOverCostscope", Math.round(q.get("medianMillis").asDouble() / median(mcAll) * 10) / 10.0);
            }
        }
    }

    /** Mean milliseconds of one run of {@code body}, over one round. */
    private double millis(Runnable body) {
        int reps = 0;
        long t0 = System.nanoTime();
        long end = t0 + roundMillis * 1_000_000;
        long t;
        do {
            body.run();
            reps++;
            t = System.nanoTime();
        } while (t < end);
        return (t - t0) / 1e6 / reps;
    }

    private double rate(Runnable body, Evaluator e, String driver, double[] values) {
        long n = 0;
        long t0 = System.nanoTime();
        long end = t0 + roundMillis * 1_000_000;
        long t;
        do {
            for (int i = 0; i < 256; i++) {
                e.setDriver(driver, values[(int) (n++ & 63)]);
                body.run();
            }
            t = System.nanoTime();
        } while (t < end);
        return n / ((t - t0) / 1e9);
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
