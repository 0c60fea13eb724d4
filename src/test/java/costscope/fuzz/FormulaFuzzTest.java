package costscope.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import costscope.formula.Compiler;
import costscope.formula.Expr;
import costscope.formula.Fn;
import costscope.formula.FormulaException;
import costscope.formula.Parser;
import costscope.formula.UnknownNameException;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Generated formulas ({@link FormulaGen}) over four names, at values that include zero, -0, the edges of a double,
 * NaN and the infinities: parsing and compiling either succeed or throw a {@link FormulaException} whose position is
 * inside the text, and a compiled formula gives exactly what a plain tree-walking reading of the documented semantics
 * gives (a comparison, if(), and(), or(), not(), step() and interp() let a NaN through as NaN) (the compiler folds constants and specialises operators; this checks that it changes no number). round() is
 * checked by what it promises (within half a unit of the digits asked, NaN only from NaN) rather than bit for bit.
 * Seeded like {@link PipelineFuzzTest} ({@code fuzz.seed}; {@code fuzz.cases} scales the count).
 */
class FormulaFuzzTest {
    private static final List<String> NAMES = List.of("a", "b", "c", "d");
    private static final double[] VALUES = {0, -0.0, 1, -1, 2, 0.5, 3, 10, 1000, 1e9, -7.25, 1e308, -1e308, 1e-320,
        Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.675, 0.125};

    private static final Compiler.Scope SCOPE = n -> {
        int i = NAMES.indexOf(n.name());
        if (i < 0) throw new UnknownNameException(n);
        return Compiler.slot(i);
    };

    @Test
    void compiledFormulasComputeWhatTheirTextSays() {
        long master = Long.parseLong(System.getProperty("fuzz.seed", String.valueOf(PipelineFuzzTest.DEFAULT_SEED)).replace("random",
                String.valueOf(System.nanoTime())));
        int cases = 10 * Integer.getInteger("fuzz.cases", PipelineFuzzTest.DEFAULT_CASES);
        List<String> failures = new ArrayList<>();
        int compiled = 0;
        for (int i = 0; i < cases && failures.size() < 10; i++) {
            Random r = new Random(PipelineFuzzTest.caseSeed(master ^ 0x5EED, i));
            String f = new FormulaGen(r, NAMES, List.of(), List.of()).formula();
            double[] slots = new double[NAMES.size()];
            for (int k = 0; k < slots.length; k++) slots[k] = r.nextInt(4) == 0 ? r.nextGaussian() * 100 : VALUES[r.nextInt(VALUES.length)];
            String at = "case " + i + " of seed " + master + ": " + quote(f) + " at a, b, c, d = " + java.util.Arrays.toString(slots);
            try {
                if (check(f, slots, at, failures)) compiled++;
            } catch (Throwable t) {
                failures.add(at + ": " + Pipeline.trace(t));
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(compiled > cases / 10, "only " + compiled + " of " + cases + " formulas compiled");
    }

    /** True when the formula compiled (and then computed as it should). */
    private static boolean check(String f, double[] slots, String at, List<String> failures) {
        Expr e;
        Fn fn;
        try {
            e = Parser.parse(f);
            fn = Compiler.compile(e, SCOPE);
        } catch (FormulaException x) {
            if (x.start() < 0 || x.start() > f.length() || x.end() < x.start()) {
                failures.add(at + ": position " + x.start() + ".." + x.end() + " outside the text: " + x.getMessage());
            }
            if (x.detail() == null || x.detail().isBlank()) failures.add(at + ": no message");
            return false;
        }
        double got = fn.eval(slots);
        Double want = reference(e, slots);
        if (want != null && !same(got, want)) failures.add(at + ": compiled " + got + ", the text says " + want);
        checkRounds(e, slots, at, failures);
        return true;
    }

    private static boolean same(double a, double b) {
        return Double.isNaN(a) ? Double.isNaN(b) : a == b && (a != 0 || Math.copySign(1, a) == Math.copySign(1, b));
    }

    /** Every round() in the formula: within half a unit of its digits, and NaN only when an argument is NaN. */
    private static void checkRounds(Expr e, double[] slots, String at, List<String> failures) {
        if (e instanceof Expr.Call c && c.name().equals("round") && c.args().size() <= 2 && !c.args().isEmpty()) {
            Double x = reference(c.args().get(0), slots);
            Double d = c.args().size() == 2 ? reference(c.args().get(1), slots) : Double.valueOf(0);
            Double got = reference(c, slots);
            if (x != null && d != null && got != null && Double.isFinite(x) && Double.isFinite(d)) {
                double unit = Math.pow(10, -Math.rint(d));
                boolean ok = Double.isFinite(unit)
                        ? Math.abs(got - x) <= unit / 2 * (1 + 1e-9) + Math.ulp(x) || Double.isInfinite(got) && Math.abs(x) >= 1e307
                        : Math.abs(got) == 0;   // unit beyond the largest double: everything rounds to 0
                if (Double.isNaN(got) || !ok) failures.add(at + ": round(" + x + ", " + d + ") = " + got);
            }
        }
        for (Expr ch : e.children()) checkRounds(ch, slots, at, failures);
    }

    /**
     * The value of the expression read plainly from the documentation (left to right, no folding), or null where
     * the reading is round()'s own (checked by {@link #checkRounds}) or a special the test does not compile.
     */
    private static Double reference(Expr e, double[] s) {
        if (e instanceof Expr.Num n) return n.value();
        if (e instanceof Expr.Name n) return s[NAMES.indexOf(n.name())];
        if (e instanceof Expr.Unary u) {
            Double v = reference(u.operand(), s);
            return v == null ? null : u.op() == '-' ? -v : v;
        }
        if (e instanceof Expr.Chain c) {
            Double v = reference(c.operands().get(0), s);
            for (int i = 1; i < c.operands().size() && v != null; i++) {
                Double w = reference(c.operands().get(i), s);
                if (w == null) return null;
                v = switch (c.ops().get(i - 1)) {
                    case "+" -> v + w;
                    case "-" -> v - w;
                    case "*" -> v * w;
                    default -> v / w;
                };
            }
            return v;
        }
        if (e instanceof Expr.Binary b) {
            Double l = reference(b.left(), s);
            Double r = reference(b.right(), s);
            if (l == null || r == null) return null;
            // a rule that branches on a value lets a NaN through rather than picking a branch (docs/extending.md)
            if (!b.op().equals("^") && (Double.isNaN(l) || Double.isNaN(r))) return Double.NaN;
            return switch (b.op()) {
                case "^" -> Math.pow(l, r);
                case "<" -> l < r ? 1.0 : 0.0;
                case "<=" -> l <= r ? 1.0 : 0.0;
                case ">" -> l > r ? 1.0 : 0.0;
                case ">=" -> l >= r ? 1.0 : 0.0;
                case "==" -> l.doubleValue() == r.doubleValue() ? 1.0 : 0.0;
                default -> l.doubleValue() != r.doubleValue() ? 1.0 : 0.0;
            };
        }
        Expr.Call c = (Expr.Call) e;
        List<Double> a = new ArrayList<>();
        if (c.name().equals("if")) {   // only the chosen branch
            Double cond = reference(c.args().get(0), s);
            return cond == null ? null : Double.isNaN(cond) ? Double.NaN : reference(c.args().get(cond != 0 ? 1 : 2), s);
        }
        for (Expr x : c.args()) {
            Double v = reference(x, s);
            if (v == null) return null;
            a.add(v);
        }
        return switch (c.name()) {
            case "min" -> a.stream().reduce(Math::min).orElseThrow();
            case "max" -> a.stream().reduce(Math::max).orElseThrow();
            case "ceil" -> Math.ceil(a.get(0));
            case "floor" -> Math.floor(a.get(0));
            case "abs" -> Math.abs(a.get(0));
            case "sqrt" -> Math.sqrt(a.get(0));
            case "exp" -> Math.exp(a.get(0));
            case "log" -> a.size() == 1 ? Math.log(a.get(0)) : Math.log(a.get(0)) / Math.log(a.get(1));
            case "and" -> a.stream().anyMatch(v -> v.isNaN()) ? Double.NaN : a.stream().allMatch(v -> v != 0) ? 1.0 : 0.0;
            case "or" -> a.stream().anyMatch(v -> v.isNaN()) ? Double.NaN : a.stream().anyMatch(v -> v != 0) ? 1.0 : 0.0;
            case "not" -> a.get(0).isNaN() ? Double.NaN : a.get(0) == 0 ? 1.0 : 0.0;
            case "step", "interp" -> table(c.name().equals("interp"), a);
            case "round" -> roundReference(a);
            default -> null;
        };
    }

    /**
     * step() and interp() as documented: NaN from a NaN x or a table that does not ascend; below the first threshold
     * the first value; step takes the last threshold at or below x, interp draws a line between the two around x.
     */
    private static double table(boolean interp, List<Double> a) {
        double x = a.get(0);
        int n = (a.size() - 1) / 2;
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = a.get(1 + 2 * i);
            v[i] = a.get(2 + 2 * i);
            if (Double.isNaN(t[i]) || i > 0 && !(t[i] >= t[i - 1])) return Double.NaN;
        }
        if (Double.isNaN(x)) return Double.NaN;
        if (!interp) {
            double out = v[0];
            for (int i = 0; i < n && t[i] <= x; i++) out = v[i];
            return out;
        }
        if (x <= t[0]) return v[0];
        if (x >= t[n - 1]) return v[n - 1];
        for (int i = 0; i < n; i++) if (t[i] == x) return v[i];
        int hi = 1;
        while (t[hi] < x) hi++;
        int lo = hi - 1;
        double span = t[hi] - t[lo];
        if (span == 0) return v[hi];
        return v[lo] + (v[hi] - v[lo]) * (x - t[lo]) / span;
    }

    /** The compiled round(): what round() gives is checked by its promise in {@link #checkRounds}, not bit for bit. */
    private static Double roundReference(List<Double> a) {
        try {
            Fn f = Compiler.compile(Parser.parse(a.size() == 1 ? "round(a)" : "round(a, b)"), SCOPE);
            return f.eval(new double[] {a.get(0), a.size() > 1 ? a.get(1) : 0, 0, 0});
        } catch (FormulaException x) {
            throw new IllegalStateException(x);
        }
    }

    private static String quote(String s) {
        String t = s.length() > 300 ? s.substring(0, 300) + "...(" + s.length() + " chars)" : s;
        return "\"" + t + "\"";
    }
}
