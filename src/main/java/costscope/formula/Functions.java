package costscope.formula;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The registry of built-in functions with their arities; the only place that knows the function names. */
public final class Functions {
    /** A function's arity: {@code max} -1 is variadic; {@code pairs} requires (args - 1) to be even and at least 2. */
    public record Signature(String name, int min, int max, boolean pairs, String help) {
    }

    private static final Map<String, Signature> ALL;

    static {
        Map<String, Signature> m = new TreeMap<>();
        add(m, "if", 3, 3, false, "if(cond, a, b): a when cond is non-zero, else b");
        add(m, "min", 1, -1, false, "min(a, b, ...): the smallest argument");
        add(m, "max", 1, -1, false, "max(a, b, ...): the largest argument");
        add(m, "ceil", 1, 1, false, "ceil(x): the smallest integer >= x");
        add(m, "floor", 1, 1, false, "floor(x): the largest integer <= x");
        add(m, "round", 1, 2, false, "round(x[, digits]): half away from zero");
        add(m, "abs", 1, 1, false, "abs(x)");
        add(m, "sqrt", 1, 1, false, "sqrt(x)");
        add(m, "log", 1, 2, false, "log(x[, base]): natural log, or log in a base");
        add(m, "exp", 1, 1, false, "exp(x)");
        add(m, "and", 1, -1, false, "and(a, b, ...): 1 when all are non-zero");
        add(m, "or", 1, -1, false, "or(a, b, ...): 1 when any is non-zero");
        add(m, "not", 1, 1, false, "not(a): 1 when a is zero");
        add(m, "step", 3, -1, true, "step(x, t1, v1, t2, v2, ...): v of the last threshold t <= x; v1 below t1");
        add(m, "interp", 3, -1, true, "interp(x, x1, y1, x2, y2, ...): linear interpolation, flat beyond the ends");
        ALL = Collections.unmodifiableMap(m);
    }

    private Functions() {
    }

    private static void add(Map<String, Signature> m, String name, int min, int max, boolean pairs, String help) {
        m.put(name, new Signature(name, min, max, pairs, help));
    }

    public static Map<String, Signature> all() {
        return ALL;
    }

    public static boolean isFunction(String name) {
        return ALL.containsKey(name);
    }

    /** Checks the call's arity; throws with the call's position. */
    static void checkArity(Expr.Call c) throws FormulaException {
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
    }

    static double round(double x, double digits) {
        double f = Math.pow(10, Math.rint(digits));
        double v = Math.abs(x) * f;
        double r = Math.floor(v + 0.5);
        // guard against binary representation (2.675 * 100 = 267.49999...)
        if (r - v < 0.5 - 1e-9 || Math.abs(v - Math.floor(v) - 0.5) > 1e-9) {
            r = Math.floor(v + 0.5 + 1e-9);
        }
        return Math.copySign(r / f, x);
    }

    static double step(double x, double[] t, double[] v) {
        double out = v[0];
        for (int i = 0; i < t.length; i++) {
            if (t[i] <= x) out = v[i];
            else break;
        }
        return out;
    }

    static double interp(double x, double[] xs, double[] ys) {
        int n = xs.length;
        if (x <= xs[0]) return ys[0];
        if (x >= xs[n - 1]) return ys[n - 1];
        int i = Arrays.binarySearch(xs, x);
        if (i >= 0) return ys[i];
        int hi = -i - 1;
        int lo = hi - 1;
        double span = xs[hi] - xs[lo];
        if (span == 0) return ys[hi];
        return ys[lo] + (ys[hi] - ys[lo]) * (x - xs[lo]) / span;
    }
}
