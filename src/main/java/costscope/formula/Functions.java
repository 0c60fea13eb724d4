package costscope.formula;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registry of built-in functions: name, arity, help and how a call compiles. The only place that knows the
 * function names; a new function is one entry here (and a line in docs/scenario-format.md).
 */
public final class Functions {
    /**
     * A function: its arity ({@code max} -1 is variadic; {@code pairs} requires (args - 1) to be even and at least 2),
     * its help, and how a call compiles from its compiled arguments.
     */
    public record Signature(String name, int min, int max, boolean pairs, String help, Make make) {
    }

    /** Compiles a call from its compiled arguments (the call is given for positions in errors). */
    @FunctionalInterface
    public interface Make {
        Fn make(Fn[] a, Expr.Call call) throws FormulaException;
    }

    private static final Map<String, Signature> ALL;
    /** spend(category, ...): the only function whose arguments must be ids of one kind (the engine checks the kind). */
    public static final String SPEND = "spend";

    static {
        Map<String, Signature> m = new TreeMap<>();
        add(m, "if", 3, 3, false, "if(cond, a, b): a when cond is non-zero, else b", (a, c) -> {
            Fn cond = a[0], x = a[1], y = a[2];
            if (Compiler.isConstant(cond)) {
                double k = cond.eval(null);
                return k != k ? Compiler.constant(Double.NaN) : k != 0 ? x : y;
            }
            return s -> {
                double k = cond.eval(s);
                return k == 0 ? y.eval(s) : k == k ? x.eval(s) : Double.NaN;
            };
        });
        add(m, "min", 1, -1, false, "min(a, b, ...): the smallest argument", (a, c) -> a.length == 2
                ? s -> Math.min(a[0].eval(s), a[1].eval(s)) : s -> {
                    double v = a[0].eval(s);
                    for (int i = 1; i < a.length; i++) v = Math.min(v, a[i].eval(s));
                    return v;
                });
        add(m, "max", 1, -1, false, "max(a, b, ...): the largest argument", (a, c) -> a.length == 2
                ? s -> Math.max(a[0].eval(s), a[1].eval(s)) : s -> {
                    double v = a[0].eval(s);
                    for (int i = 1; i < a.length; i++) v = Math.max(v, a[i].eval(s));
                    return v;
                });
        add(m, "ceil", 1, 1, false, "ceil(x): the smallest integer >= x", (a, c) -> s -> Math.ceil(a[0].eval(s)));
        add(m, "floor", 1, 1, false, "floor(x): the largest integer <= x", (a, c) -> s -> Math.floor(a[0].eval(s)));
        add(m, "round", 1, 2, false, "round(x[, digits]): half away from zero", (a, c) -> a.length == 1
                ? s -> round(a[0].eval(s), 0) : s -> round(a[0].eval(s), a[1].eval(s)));
        add(m, "abs", 1, 1, false, "abs(x)", (a, c) -> s -> Math.abs(a[0].eval(s)));
        add(m, "sqrt", 1, 1, false, "sqrt(x)", (a, c) -> s -> Math.sqrt(a[0].eval(s)));
        add(m, "log", 1, 2, false, "log(x[, base]): natural log, or log in a base", (a, c) -> a.length == 1
                ? s -> Math.log(a[0].eval(s)) : s -> Math.log(a[0].eval(s)) / Math.log(a[1].eval(s)));
        add(m, "exp", 1, 1, false, "exp(x)", (a, c) -> s -> Math.exp(a[0].eval(s)));
        add(m, "and", 1, -1, false, "and(a, b, ...): 1 when all are non-zero", (a, c) -> s -> {
            double out = 1;
            for (Fn x : a) {
                double v = x.eval(s);
                if (v != v) out = Double.NaN;
                else if (v == 0 && out == 1) out = 0;
            }
            return out;
        });
        add(m, "or", 1, -1, false, "or(a, b, ...): 1 when any is non-zero", (a, c) -> s -> {
            double out = 0;
            for (Fn x : a) {
                double v = x.eval(s);
                if (v != v) out = Double.NaN;
                else if (v != 0 && out == 0) out = 1;
            }
            return out;
        });
        add(m, "not", 1, 1, false, "not(a): 1 when a is zero", (a, c) -> s -> {
            double v = a[0].eval(s);
            return v != v ? Double.NaN : v == 0 ? 1 : 0;
        });
        add(m, "step", 3, -1, true, "step(x, t1, v1, t2, v2, ...): v of the last threshold t <= x; v1 below t1",
                (a, c) -> table(c, a, false));
        add(m, "interp", 3, -1, true, "interp(x, x1, y1, x2, y2, ...): linear interpolation, flat beyond the ends",
                (a, c) -> table(c, a, true));
        add(m, SPEND, 1, -1, false, "spend(category, ...): the monthly cost of the named categories", (a, c) -> {
            for (Expr arg : c.args()) {
                if (!(arg instanceof Expr.Name)) throw new FormulaException("spend() takes category ids", arg.start(), arg.end());
            }
            return a.length == 1 ? a[0] : s -> {
                double sum = 0;
                for (Fn x : a) sum += x.eval(s);
                return sum;
            };
        });
        ALL = Collections.unmodifiableMap(m);
    }

    private Functions() {
    }

    private static void add(Map<String, Signature> m, String name, int min, int max, boolean pairs, String help, Make make) {
        m.put(name, new Signature(name, min, max, pairs, help, make));
    }

    public static Map<String, Signature> all() {
        return ALL;
    }

    public static boolean isFunction(String name) {
        return ALL.containsKey(name);
    }

    /** The call's function, its arity checked; throws with the call's position. */
    static Signature checkArity(Expr.Call c) throws FormulaException {
        Signature s = ALL.get(c.name());
        if (s == null) {
            throw new FormulaException("unknown function '" + c.name() + "'", c.start(), c.start() + c.name().length());
        }
        int n = c.args().size();
        boolean ok = n >= s.min() && (s.max() < 0 || n <= s.max());
        if (s.pairs() && ok && (n - 1) % 2 != 0) ok = false;
        if (!ok) {
            String want;
            if (s.pairs()) want = "x followed by pairs of values (an odd count, at least 3)";
            else if (s.min() == s.max()) want = s.min() + (s.min() == 1 ? " argument" : " arguments");
            else if (s.max() < 0) want = "at least " + s.min() + " argument" + (s.min() == 1 ? "" : "s");
            else want = s.min() + " to " + s.max() + " arguments";
            throw new FormulaException(c.name() + "() takes " + want + ", got " + n, c.start(), c.end());
        }
        return s;
    }

    /** step() and interp() with constant tables compile to array lookups; otherwise the table is evaluated each time. */
    private static Fn table(Expr.Call c, Fn[] a, boolean interp) throws FormulaException {
        int pairs = (a.length - 1) / 2;
        boolean constant = true;
        for (int i = 1; i < a.length; i++) constant &= Compiler.isConstant(a[i]);
        Fn x = a[0];
        if (constant) {
            double[] ts = new double[pairs];
            double[] vs = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                ts[i] = a[1 + 2 * i].eval(null);
                vs[i] = a[2 + 2 * i].eval(null);
                if (i > 0 && ts[i] < ts[i - 1]) {
                    Expr at = c.args().get(1 + 2 * i);
                    throw new FormulaException(c.name() + "() thresholds must ascend: " + fmt(ts[i]) + " comes after "
                            + fmt(ts[i - 1]), at.start(), at.end());
                }
            }
            return interp ? s -> interp(x.eval(s), ts, vs) : s -> step(x.eval(s), ts, vs);
        }
        // thresholds from names: they must ascend at evaluation too, or the lookup is NaN (not a row picked at random)
        return s -> {
            double[] ts = new double[pairs];
            double[] vs = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                ts[i] = a[1 + 2 * i].eval(s);
                vs[i] = a[2 + 2 * i].eval(s);
                if (i > 0 && !(ts[i] >= ts[i - 1])) return Double.NaN;
            }
            return interp ? interp(x.eval(s), ts, vs) : step(x.eval(s), ts, vs);
        };
    }

    private static boolean hasNaN(double[] a) {
        for (double d : a) if (Double.isNaN(d)) return true;
        return false;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /**
     * x rounded half away from zero to {@code digits} decimals (negative: to tens, hundreds...). Digits beyond what
     * the double holds leave x as it is; a unit beyond the largest double rounds everything to 0.
     */
    static double round(double x, double digits) {
        if (Double.isNaN(x) || Double.isNaN(digits)) return Double.NaN;
        if (Double.isInfinite(x)) return x;
        double f = Math.pow(10, Math.rint(digits));
        if (f == 0) return Math.copySign(0.0, x);
        double v = Math.abs(x) * f;
        // from 2^52 on a double has no fraction left at this scale (and x * f / f would only add error): x as it is
        if (!(v < 0x1p52)) return x;
        double r = Math.floor(v + 0.5);
        // guard against binary representation (2.675 * 100 = 267.49999...)
        if (r - v < 0.5 - 1e-9 || Math.abs(v - Math.floor(v) - 0.5) > 1e-9) {
            r = Math.floor(v + 0.5 + 1e-9);
        }
        return Math.copySign(r / f, x);
    }

    /** The value of the last threshold at or below x (v[0] below the first); NaN for NaN x or a NaN threshold. */
    static double step(double x, double[] t, double[] v) {
        if (Double.isNaN(x) || hasNaN(t)) return Double.NaN;
        double out = v[0];
        for (int i = 0; i < t.length; i++) {
            if (t[i] <= x) out = v[i];
            else break;
        }
        return out;
    }

    /**
     * Linear interpolation in an ascending table, flat beyond the ends; NaN for NaN x or a NaN threshold (which
     * would otherwise sort after every number and send the search past the table's end).
     */
    static double interp(double x, double[] xs, double[] ys) {
        int n = xs.length;
        if (Double.isNaN(x) || hasNaN(xs)) return Double.NaN;
        if (x <= xs[0]) return ys[0];
        if (x >= xs[n - 1]) return ys[n - 1];
        int i = Arrays.binarySearch(xs, x);
        if (i >= 0) return ys[i];
        int hi = Math.min(Math.max(-i - 1, 1), n - 1);
        int lo = hi - 1;
        double span = xs[hi] - xs[lo];
        if (span == 0) return ys[hi];
        return ys[lo] + (ys[hi] - ys[lo]) * (x - xs[lo]) / span;
    }
}
