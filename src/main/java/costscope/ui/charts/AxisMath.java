package costscope.ui.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of the chart axes, without JavaFX: where a value falls on a log or linear axis, which values get
 * major and minor ticks, nice auto ranges, and compact tick labels (1k, 10k, 1M, 1B).
 */
public final class AxisMath {
    /** Relative tolerance when deciding whether a tick lies inside a range (log sweeps snap to 12 digits). */
    private static final double EPS = 1e-9;
    /** How far outside the axis an extrapolated position may go, in axis lengths (keeps paths finite). */
    static final double MAX_OVERSHOOT = 10;
    private static final String[] SUFFIXES = {"", "k", "M", "B", "T"};

    private AxisMath() {
    }

    /**
     * The fraction (0 at {@code lo}, 1 at {@code hi}) of the way along the axis at which {@code v} lies. Values
     * outside the range extrapolate (within ten axis lengths); on a log axis a value at or below 0 lies far below
     * the lower end.
     */
    public static double fraction(double v, double lo, double hi, boolean log) {
        double f;
        if (log) {
            double a = Math.log10(lo);
            double b = Math.log10(hi);
            if (!(v > 0)) return -MAX_OVERSHOOT;
            f = b == a ? 0 : (Math.log10(v) - a) / (b - a);
        } else {
            f = hi == lo ? 0 : (v - lo) / (hi - lo);
        }
        if (Double.isNaN(f)) return -MAX_OVERSHOOT;
        return Math.max(-MAX_OVERSHOOT, Math.min(1 + MAX_OVERSHOOT, f));
    }

    /** The value at a fraction of the way along the axis (the inverse of {@link #fraction}). */
    public static double valueAt(double fraction, double lo, double hi, boolean log) {
        if (log) {
            double a = Math.log10(lo);
            double b = Math.log10(hi);
            return Math.pow(10, a + fraction * (b - a));
        }
        return lo + fraction * (hi - lo);
    }

    /**
     * Display position of {@code v} on an axis {@code length} pixels long: from the left on a horizontal axis, from
     * the top on a vertical one (so the lower bound is at the bottom).
     */
    public static double position(double v, double lo, double hi, boolean log, double length, boolean vertical) {
        double f = fraction(v, lo, hi, log);
        return vertical ? (1 - f) * length : f * length;
    }

    /** The value at a display position (the inverse of {@link #position}). */
    public static double valueAtPosition(double pos, double lo, double hi, boolean log, double length, boolean vertical) {
        if (length <= 0) return lo;
        double f = vertical ? 1 - pos / length : pos / length;
        return valueAt(f, lo, hi, log);
    }

    /** Powers of ten in [lo, hi]. */
    public static List<Double> decades(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        if (!(lo > 0) || !(hi >= lo)) return out;
        int k0 = (int) Math.floor(Math.log10(lo)) - 1;
        int k1 = (int) Math.ceil(Math.log10(hi)) + 1;
        for (int k = k0; k <= k1; k++) {
            double d = pow10(k);
            if (inside(d, lo, hi)) out.add(d);
        }
        return out;
    }

    /**
     * Major ticks of a log axis over [lo, hi], at most {@code maxTicks} of them (at least 2): the powers of ten
     * (every second or third one when there are too many); when fewer than three decades fall in the range, also 2
     * and 5 times each power of ten; when that still gives fewer than three ticks, every multiple 1..9 of a power of
     * ten.
     */
    public static List<Double> logMajorTicks(double lo, double hi, int maxTicks) {
        if (!(lo > 0) || !(hi > lo)) return List.of();
        int max = Math.max(2, maxTicks);
        List<Double> dec = decades(lo, hi);
        if (dec.size() >= 3) {
            int step = 1;
            while ((dec.size() + step - 1) / step > max) step++;
            List<Double> out = new ArrayList<>();
            // keep the decades whose exponent is a multiple of the step, so ticks stay put while the range moves
            for (double d : dec) {
                long k = Math.round(Math.log10(d));
                if (Math.floorMod(k, step) == 0) out.add(d);
            }
            if (out.size() < 2) out = everyNth(dec, step);
            return out;
        }
        List<Double> ones25 = multiples(lo, hi, new int[] {1, 2, 5});
        if (ones25.size() >= 3 && ones25.size() <= max) return ones25;
        if (ones25.size() > max) return dec.size() >= 2 ? dec : thin(ones25, max);
        List<Double> all = multiples(lo, hi, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        if (all.size() <= max) return all;
        return ones25.size() >= 2 ? ones25 : thin(all, max);
    }

    /** Minor ticks of a log axis: 2..9 times each power of ten inside [lo, hi] that is not a major tick. */
    public static List<Double> logMinorTicks(double lo, double hi, List<Double> major) {
        List<Double> out = new ArrayList<>();
        for (double v : multiples(lo, hi, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9})) {
            if (!containsClose(major, v)) out.add(v);
        }
        return out;
    }

    /** A nice log range around [min, max]: down to the next 1, 2 or 5 times a power of ten, up likewise. */
    public static double[] logAutoRange(double min, double max) {
        if (!(max > 0) || !Double.isFinite(max)) return new double[] {1, 10};
        if (!(min > 0) || !Double.isFinite(min)) min = max / 1000;
        if (min > max) min = max;
        double lo = niceBelow(min);
        double hi = niceAbove(max);
        if (hi <= lo * (1 + EPS)) {
            lo = niceBelow(min / 2);
            hi = niceAbove(max * 2);
        }
        return new double[] {lo, hi};
    }

    /** The largest 1, 2 or 5 times a power of ten at or below v (v above 0). */
    public static double niceBelow(double v) {
        int k = (int) Math.floor(Math.log10(v));
        for (int kk = k + 1; kk >= k - 1; kk--) {
            for (int m : new int[] {5, 2, 1}) {
                double c = m * pow10(kk);
                if (c <= v * (1 + EPS)) return c;
            }
        }
        return pow10(k - 1);
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above v (v above 0). */
    public static double niceAbove(double v) {
        int k = (int) Math.floor(Math.log10(v));
        for (int kk = k - 1; kk <= k + 1; kk++) {
            for (int m : new int[] {1, 2, 5}) {
                double c = m * pow10(kk);
                if (c >= v * (1 - EPS)) return c;
            }
        }
        return pow10(k + 2);
    }

    /** Major ticks of a linear axis: multiples of a nice step (1, 2 or 5 times a power of ten), at most maxTicks. */
    public static List<Double> linearTicks(double lo, double hi, int maxTicks) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) return out;
        double step = linearStep(lo, hi, maxTicks);
        double first = Math.ceil(lo / step - EPS) * step;
        for (int i = 0; ; i++) {
            double v = first + i * step;
            if (v > hi + step * EPS || i > 1000) break;
            out.add(Math.abs(v) < step * EPS ? 0.0 : round12(v));
        }
        return out;
    }

    /** A nice step for a linear axis with at most maxTicks ticks. */
    public static double linearStep(double lo, double hi, int maxTicks) {
        double raw = (hi - lo) / Math.max(1, maxTicks - 1);
        return raw > 0 ? niceAbove(raw) : 1;
    }

    /** A nice linear range around [min, max], starting at 0 for non-negative data. */
    public static double[] linearAutoRange(double min, double max, int maxTicks) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) return new double[] {0, 1};
        double lo = Math.min(0, min);
        double hi = Math.max(0, max);
        if (hi == lo) hi = lo + 1;
        double step = linearStep(lo, hi, maxTicks);
        return new double[] {Math.floor(lo / step + EPS) * step, Math.ceil(hi / step - EPS) * step};
    }

    /** Minor ticks of a linear axis: {@code divisions - 1} between each pair of major ticks. */
    public static List<Double> linearMinorTicks(List<Double> major, int divisions) {
        List<Double> out = new ArrayList<>();
        if (major.size() < 2 || divisions < 2) return out;
        for (int i = 0; i + 1 < major.size(); i++) {
            double a = major.get(i);
            double d = (major.get(i + 1) - a) / divisions;
            for (int j = 1; j < divisions; j++) out.add(a + j * d);
        }
        return out;
    }

    /** A compact label: 0, 0.02, 1.5, 10, 250, 1k, 2.5k, 10k, 1M, 1B, 1T (at most three significant digits). */
    public static String compact(double v) {
        if (Double.isNaN(v)) return "n/a";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        if (v == 0) return "0";
        double a = Math.abs(v);
        String sign = v < 0 ? "-" : "";
        BigDecimal r = new BigDecimal(a).round(new MathContext(3, RoundingMode.HALF_UP));
        double ra = r.doubleValue();
        int group = 0;
        while (group < SUFFIXES.length - 1 && ra >= 1000 * pow10(3 * group) * (1 - EPS)) group++;
        if (group == 0) return sign + r.stripTrailingZeros().toPlainString();
        BigDecimal scaled = r.movePointLeft(3 * group).stripTrailingZeros();
        return sign + scaled.toPlainString() + SUFFIXES[group];
    }

    /** A compact money label: $1.5k, $0.02, -$250. */
    public static String compactMoney(double v, String symbol) {
        String c = compact(v);
        return c.startsWith("-") ? "-" + symbol + c.substring(1) : symbol + c;
    }

    static double pow10(int k) {
        // exact for the decimal powers a double can hold: parse instead of Math.pow (10^-3 = 0.001, not 0.0010000000000000002)
        return Double.parseDouble("1e" + k);
    }

    private static boolean inside(double v, double lo, double hi) {
        return v >= lo * (1 - EPS) && v <= hi * (1 + EPS);
    }

    private static List<Double> multiples(double lo, double hi, int[] ms) {
        List<Double> out = new ArrayList<>();
        if (!(lo > 0) || !(hi >= lo)) return out;
        int k0 = (int) Math.floor(Math.log10(lo)) - 1;
        int k1 = (int) Math.ceil(Math.log10(hi)) + 1;
        for (int k = k0; k <= k1; k++) {
            for (int m : ms) {
                double v = round12(m * pow10(k));
                if (inside(v, lo, hi)) out.add(v);
            }
        }
        return out;
    }

    private static List<Double> everyNth(List<Double> l, int n) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i += n) out.add(l.get(i));
        return out;
    }

    private static List<Double> thin(List<Double> l, int max) {
        int n = 1;
        while ((l.size() + n - 1) / n > max) n++;
        return everyNth(l, n);
    }

    private static boolean containsClose(List<Double> l, double v) {
        for (double x : l) if (Math.abs(x - v) <= Math.abs(v) * EPS) return true;
        return false;
    }

    private static double round12(double v) {
        if (v == 0 || !Double.isFinite(v)) return v;
        return new BigDecimal(v).round(new MathContext(12)).doubleValue();
    }
}
