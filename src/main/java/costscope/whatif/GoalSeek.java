package costscope.whatif;

import costscope.engine.Evaluator;
import costscope.formula.Fn;
import costscope.model.Driver;
import costscope.model.InputException;
import costscope.model.SliderScale;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Solves for one driver so that an output hits a target, on models full of steps and tiers. The driver's range is
 * scanned on a grid (log-spaced for log drivers and ranges over three decades); every interval where the output
 * crosses the target is narrowed by bisection, which needs only a sign change and so works across steps, where
 * secant-type methods stall. Bisection halves the doubles between the ends rather than the distance, so it always ends
 * at two adjacent doubles (at most 64 halvings, however wide the range), and only there is a crossing called a jump.
 * Every crossing is reported, so "several answers" and "no answer" are shown as they are.
 *
 * @param lo, hi       the range searched
 * @param outMin       the smallest output seen on the grid (for "no solution: the output only goes from .. to ..")
 * @param outMax       the largest
 * @param evaluations  how many model evaluations the search took
 */
public record GoalSeek(String driver, Output output, double target, double lo, double hi, double current,
                       List<Solution> solutions, double outMin, double outMax, int gridPoints, int evaluations) {
    public static final int DEFAULT_GRID = 400;
    /** Two sides closer than this (relative to the values, and at least this much absolutely) are the same value. */
    private static final double ROUNDING = 1e-9;
    /**
     * A change between adjacent doubles is a jump when it is this many times larger than the change over the next step
     * of x on either side.
     */
    private static final double STEEPNESS = 16;

    public GoalSeek {
        solutions = List.copyOf(solutions);
    }

    public enum Kind {
        /** The output equals the target here (to within rounding of the bisection). */
        EXACT,
        /** The output jumps past the target here (a step or tier boundary): below it on one side, above on the other. */
        JUMP,
        /** The output equals the target on a whole interval, from {@code x} to {@code xTo}. */
        PLATEAU
    }

    /**
     * One answer.
     *
     * @param x         the driver value
     * @param xTo       the end of the interval for {@link Kind#PLATEAU}, else {@code x}
     * @param outBefore the output just below {@code x}
     * @param outAfter  the output just above {@code x} (for a jump, the value it jumps to)
     * @param rising    whether the output rises through the target here
     */
    public record Solution(double x, double xTo, Kind kind, double outBefore, double outAfter, boolean rising) {
    }

    public boolean solved() {
        return !solutions.isEmpty();
    }

    /**
     * Searches the driver's whole slider range (its min and max, or their defaults).
     */
    public static GoalSeek solve(Evaluator ev, String driver, Output output, double target) {
        Driver d = ev.compiled().scenario().driver(driver);
        if (d == null) throw new InputException("'" + driver + "' is not a driver");
        return solve(ev, driver, output, target, d.effectiveMin(), d.effectiveMax(), DEFAULT_GRID);
    }

    /**
     * Searches {@code [lo, hi]}. {@code ev} holds the other drivers' values and is not changed.
     */
    public static GoalSeek solve(Evaluator ev, String driver, Output output, double target, double lo, double hi, int grid) {
        Driver d = ev.compiled().scenario().driver(driver);
        if (d == null) throw new InputException("'" + driver + "' is not a driver");
        if (!Double.isFinite(target)) throw new InputException("target " + target + ": expected a finite number");
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new InputException("range " + lo + " to " + hi + ": expected two finite numbers, the first below the second");
        }
        if (grid < 2) throw new IllegalArgumentException("grid " + grid + ": expected at least 2 points");
        Evaluator e = ev.copy();
        Fn f = output.compile(e.compiled());
        double current = e.driverValue(driver);
        boolean log = lo > 0 && (d.scale() == SliderScale.LOG || hi / lo > 1000);
        double[] xs = new double[grid];
        double span = hi - lo; // infinite for a range wider than the largest double (-1e308 to 1e308)
        for (int i = 0; i < grid; i++) {
            double t = (double) i / (grid - 1);
            xs[i] = log ? Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo)))
                    : Double.isFinite(span) ? lo + t * span : Math.min(hi, Math.max(lo, (1 - t) * lo + t * hi));
        }
        xs[0] = lo;
        xs[grid - 1] = hi;
        int[] count = {0};
        DoubleUnaryOperator g = x -> {
            count[0]++;
            e.setDriver(driver, x);
            return e.value(f) - target;
        };
        double[] gs = new double[grid];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < grid; i++) {
            gs[i] = g.applyAsDouble(xs[i]);
            if (!Double.isNaN(gs[i])) {
                min = Math.min(min, gs[i] + target);
                max = Math.max(max, gs[i] + target);
            }
        }
        List<Solution> out = new ArrayList<>();
        int i = 0;
        while (i < grid) {
            if (gs[i] == 0) {
                int j = i;
                while (j + 1 < grid && gs[j + 1] == 0) j++;
                // the exact edge where the output reaches the target, when it comes from the other side
                double start = xs[i];
                if (i > 0 && !Double.isNaN(gs[i - 1])) start = bisect(g, xs[i - 1], xs[i], true);
                double end = xs[j];
                if (j + 1 < grid && !Double.isNaN(gs[j + 1])) end = bisect(g, xs[j], xs[j + 1], false);
                boolean rising = i > 0 ? gs[i - 1] < 0 : j + 1 < grid && gs[j + 1] > 0;
                out.add(new Solution(start, end, end > start ? Kind.PLATEAU : Kind.EXACT, target, target, rising));
                i = j + 1;
                continue;
            }
            if (i + 1 < grid && !Double.isNaN(gs[i]) && !Double.isNaN(gs[i + 1]) && gs[i + 1] != 0
                    && Math.signum(gs[i]) != Math.signum(gs[i + 1])) {
                out.add(crossing(g, xs[i], xs[i + 1], gs[i], gs[i + 1], target));
            }
            i++;
        }
        e.setDriver(driver, current);
        return new GoalSeek(driver, output, target, lo, hi, current, out, min, max, grid, count[0]);
    }

    /**
     * Narrows a sign change of g between a and b (g(a) = ga, g(b) = gb, both non-zero and neither NaN) to adjacent
     * doubles and says what happens there: the output meets the target (EXACT), or jumps past it (JUMP) when the two
     * sides still differ materially: by more than rounding, and by much more than the output changes over the
     * neighbouring steps of x (a steep but continuous output changes about as much over each).
     */
    private static Solution crossing(DoubleUnaryOperator g, double a, double b, double ga, double gb, double target) {
        double lo = a;
        double hi = b;
        double glo = ga;
        double ghi = gb;
        while (key(lo) + 1 < key(hi)) {
            double mid = between(lo, hi);
            double gm = g.applyAsDouble(mid);
            if (gm == 0) {
                return new Solution(mid, mid, Kind.EXACT, target, target, ga < 0);
            }
            if (Double.isNaN(gm)) {
                // the output is not defined here: it passes the target without taking its value, so never an answer
                return new Solution(mid, mid, Kind.JUMP, glo + target, ghi + target, ga < 0);
            }
            if (Math.signum(gm) == Math.signum(glo)) {
                lo = mid;
                glo = gm;
            } else {
                hi = mid;
                ghi = gm;
            }
        }
        double before = glo + target;
        double after = ghi + target;
        // a side that is infinite, as at a division by zero, is a jump, never an answer
        boolean continuous = Double.isFinite(before) && Double.isFinite(after);
        if (continuous) {
            double step = Math.abs(after - before);
            double scale = Math.max(Math.abs(target), Math.max(Math.abs(before), Math.abs(after)));
            if (step > ROUNDING * Math.max(1, scale)) {
                double left = Math.abs(glo - g.applyAsDouble(Math.nextDown(lo)));
                double right = Math.abs(g.applyAsDouble(Math.nextUp(hi)) - ghi);
                continuous = step <= STEEPNESS * Math.max(left, right);
            }
        }
        double x = continuous ? (Math.abs(glo) <= Math.abs(ghi) ? lo : hi) : hi;
        return new Solution(x, x, continuous ? Kind.EXACT : Kind.JUMP, before, after, ga < 0);
    }

    /** The boundary between g != 0 (at a) and g == 0 (at b) when {@code toZero}, or between g == 0 (at a) and g != 0 (at b). */
    private static double bisect(DoubleUnaryOperator g, double a, double b, boolean toZero) {
        double lo = a;
        double hi = b;
        while (key(lo) + 1 < key(hi)) {
            double mid = between(lo, hi);
            boolean zero = g.applyAsDouble(mid) == 0;
            if (zero == toZero) hi = mid;
            else lo = mid;
        }
        return toZero ? hi : lo;
    }

    /**
     * The doubles in their order as longs: {@code a < b} exactly when {@code key(a) < key(b)}, and adjacent doubles
     * (-0.0 and 0.0 included) have adjacent keys. Finite doubles have keys between about -2^62.9 and 2^62.9, so
     * {@code key(a) + 1} never overflows.
     */
    static long key(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    /**
     * The double halfway between {@code lo < hi} in their order (not in value): each halving halves the number of doubles
     * left between them, so any interval of finite doubles narrows to adjacent ones in at most 64 halvings, whatever its
     * width (0 to 1e300, -1e308 to 1e308), where halving the value would take up to 2,100.
     */
    static double between(double lo, double hi) {
        long a = key(lo);
        long b = key(hi);
        long mid = (a & b) + ((a ^ b) >> 1); // the floor of the mean, without overflow
        return Double.longBitsToDouble(mid >= 0 ? mid : mid ^ Long.MAX_VALUE);
    }
}
