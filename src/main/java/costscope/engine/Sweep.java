package costscope.engine;

import costscope.model.InputException;

import java.util.List;

/** Totals, cost per user and category costs at evenly (or log-evenly) spaced values of one driver. */
public final class Sweep {
    private Sweep() {
    }

    /** x values, monthly totals, cost per user and per-category monthly costs ([category][point]). */
    public record Result(String driver, double[] x, double[] total, double[] costPerUser, List<String> categories,
                         double[][] categoryMonthly) {
    }

    /** The points of a sweep: n values from {@code from} to {@code to} inclusive, evenly spaced or log-spaced. */
    public static double[] points(double from, double to, int n, boolean log) {
        if (n < 2) throw new IllegalArgumentException("a sweep needs at least 2 points, got " + n);
        if (log && (from <= 0 || to <= 0)) throw new IllegalArgumentException("a log sweep needs from and to above 0");
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / (n - 1);
            x[i] = log ? snap(Math.exp(Math.log(from) + t * (Math.log(to) - Math.log(from)))) : from + t * (to - from);
        }
        x[0] = from;
        x[n - 1] = to;
        return x;
    }

    /**
     * Rounds a log-spaced point to 12 significant digits, so that exact decades come out exact (1e5, not
     * 99999.99999999984) and step() thresholds at round numbers are not missed.
     */
    static double snap(double v) {
        if (v == 0 || !Double.isFinite(v)) return v;
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
    }

    /** The most figures one sweep may hold (points x (categories + 3)): 10 million, 80 MB of numbers. */
    public static final long MAX_VALUES = 10_000_000;

    /**
     * Checks before any work that a sweep of {@code n} points fits the limit, with the limit named: a model of 10,000
     * categories swept over a million points would need 80 GB.
     */
    public static void checkSize(CompiledScenario c, long n) {
        long per = c.slots.categorySlot.length + 3L;
        if (n * per > MAX_VALUES) {
            throw new InputException(String.format("%,d points x (%,d categories + 3) = %,d figures: a sweep holds at most %,d"
                    + " (use at most %,d points for this model)", n, per - 3, n * per, MAX_VALUES, Math.max(2, MAX_VALUES / per)));
        }
    }

    /**
     * Sweeps {@code driver} on a copy of {@code base}; the base evaluator is not changed. A sweep over the limit is
     * refused ({@link #checkSize}) before anything is allocated.
     */
    public static Result run(Evaluator base, String driver, double from, double to, int n, boolean log) {
        CompiledScenario c = base.compiled();
        Integer di = c.driverIndex.get(driver);
        if (di == null) throw new IllegalArgumentException("'" + driver + "' is not a driver of " + c.scenario.name());
        checkSize(c, n);
        Evaluator e = base.copy();
        double[] x = points(from, to, n, log);
        double[] total = new double[n];
        double[] cpu = new double[n];
        int nc = c.slots.categorySlot.length;
        double[][] cats = new double[nc][n];
        int cpuSlot = c.slots.metricSlot.get("costPerUser");
        for (int i = 0; i < n; i++) {
            e.setDriverInput(di, x[i]);
            e.recalc();
            total[i] = e.slot(c.slots.totalSlot);
            cpu[i] = e.slot(cpuSlot);
            for (int k = 0; k < nc; k++) cats[k][i] = e.slot(c.slots.categorySlot[k]);
        }
        List<String> ids = c.scenario.categories().stream().map(costscope.model.Category::id).toList();
        return new Result(driver, x, total, cpu, ids, cats);
    }
}
