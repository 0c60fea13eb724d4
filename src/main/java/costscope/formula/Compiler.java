package costscope.formula;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles an AST into a tree of closures over the slot array. Names are resolved once, here; constant
 * sub-expressions are folded. Evaluation never parses or looks anything up by name.
 */
public final class Compiler {

    /** Resolves names (and, optionally, special name-argument functions) while compiling. */
    public interface Scope {
        /** The compiled accessor for a name; throws with the name's position when unknown. */
        Fn name(Expr.Name name) throws FormulaException;

        /** A compiled special call such as {@code quantity(item)}, or null when {@code call} is not special here. */
        default Fn special(Expr.Call call) throws FormulaException {
            return null;
        }
    }

    private record Const(double value) implements Fn {
        @Override
        public double eval(double[] slots) {
            return value;
        }
    }

    /** A read of one slot; binary operators on slots and constants are specialised so they cost one call. */
    private record Slot(int index) implements Fn {
        @Override
        public double eval(double[] slots) {
            return slots[index];
        }
    }

    /** The compiled read of slot {@code k}; scopes return this for names. */
    public static Fn slot(int k) {
        return new Slot(k);
    }

    private Compiler() {
    }

    public static Fn constant(double v) {
        return new Const(v);
    }

    public static boolean isConstant(Fn f) {
        return f instanceof Const;
    }

    /**
     * Compiles an expression: its {@link Fn}, which also has a {@link Columnar} form ({@link #columnar}) when every
     * name it reads is a slot (or a constant) and every operation and function has one.
     */
    public static Fn compile(Expr e, Scope scope) throws FormulaException {
        Fn f = build(e, scope);
        if (f instanceof Const || f instanceof Slot) return f;
        Columnar c;
        try {
            c = columns(e, scope);
        } catch (NoColumns | FormulaException x) {
            c = null;
        }
        return c == null ? f : new Shaped(f, c);
    }

    /** A compiled formula with its columnar form: evaluates as its closure. */
    private record Shaped(Fn fn, Columnar columns) implements Fn {
        @Override
        public double eval(double[] slots) {
            return fn.eval(slots);
        }
    }

    /**
     * The columnar form of a formula {@link #compile} made (or of {@link #slot} and {@link #constant}): sample by sample
     * exactly the formula's value, each operation one loop over the block. Null when it has none (a name the scope
     * compiles to something other than a slot).
     */
    public static Columnar columnar(Fn f) {
        if (f instanceof Const c) {
            double v = c.value;
            return b -> b.filled(v);
        }
        if (f instanceof Slot a) {
            int k = a.index;
            return b -> b.read(k);
        }
        return f instanceof Shaped w ? w.columns : null;
    }

    /** A formula without a columnar form. */
    private static final class NoColumns extends RuntimeException {
        NoColumns() {
            super(null, null, false, false);
        }
    }

    /**
     * The columnar form of an expression {@link #build} compiles: the same operations in the same order on each sample.
     * Arithmetic runs as loops; a function runs its own compiled closure on each sample's arguments, so every function
     * has a columnar form with no code of its own here.
     */
    private static Columnar columns(Expr e, Scope scope) throws FormulaException {
        if (e instanceof Expr.Num n) return columnar(new Const(n.value()));
        if (e instanceof Expr.Name n) return known(scope.name(n));
        if (e instanceof Expr.Unary u) {
            Columnar a = columns(u.operand(), scope);
            if (u.op() != '-') return a;
            return b -> {
                double[] out = b.temp();
                int m = b.mark();
                double[] x = a.eval(b);
                for (int i = 0, n = b.size(); i < n; i++) out[i] = -x[i];
                b.release(m);
                return out;
            };
        }
        if (e instanceof Expr.Chain ch) {
            // as chain(): v = a0, then v - ai or v + ai (v / ai or v * ai) in order; two operands are the same arithmetic
            int count = ch.operands().size();
            Columnar[] a = new Columnar[count];
            for (int i = 0; i < count; i++) a[i] = columns(ch.operands().get(i), scope);
            boolean additive = additive(ch);
            boolean[] inverse = inverse(ch);
            return b -> {
                int n = b.size();
                double[] out = b.temp();
                int m = b.mark();
                System.arraycopy(a[0].eval(b), 0, out, 0, n);
                b.release(m);
                for (int k = 1; k < count; k++) {
                    double[] x = a[k].eval(b);
                    if (additive && inverse[k]) for (int i = 0; i < n; i++) out[i] = out[i] - x[i];
                    else if (additive) for (int i = 0; i < n; i++) out[i] = out[i] + x[i];
                    else if (inverse[k]) for (int i = 0; i < n; i++) out[i] = out[i] / x[i];
                    else for (int i = 0; i < n; i++) out[i] = out[i] * x[i];
                    b.release(m);
                }
                return out;
            };
        }
        if (e instanceof Expr.Binary bin) {
            Columnar l = columns(bin.left(), scope);
            Columnar r = columns(bin.right(), scope);
            String op = bin.op();
            return b -> {
                int n = b.size();
                double[] out = b.temp();
                int m = b.mark();
                double[] x = l.eval(b);
                double[] y = r.eval(b);
                switch (op) {
                    case "+" -> {
                        for (int i = 0; i < n; i++) out[i] = x[i] + y[i];
                    }
                    case "-" -> {
                        for (int i = 0; i < n; i++) out[i] = x[i] - y[i];
                    }
                    case "*" -> {
                        for (int i = 0; i < n; i++) out[i] = x[i] * y[i];
                    }
                    case "/" -> {
                        for (int i = 0; i < n; i++) out[i] = x[i] / y[i];
                    }
                    case "^" -> {
                        for (int i = 0; i < n; i++) out[i] = Math.pow(x[i], y[i]);
                    }
                    case "<" -> {
                        for (int i = 0; i < n; i++) out[i] = truth(x[i] < y[i], x[i], y[i]);
                    }
                    case "<=" -> {
                        for (int i = 0; i < n; i++) out[i] = truth(x[i] <= y[i], x[i], y[i]);
                    }
                    case ">" -> {
                        for (int i = 0; i < n; i++) out[i] = truth(x[i] > y[i], x[i], y[i]);
                    }
                    case ">=" -> {
                        for (int i = 0; i < n; i++) out[i] = truth(x[i] >= y[i], x[i], y[i]);
                    }
                    case "==" -> {
                        for (int i = 0; i < n; i++) out[i] = truth(x[i] == y[i], x[i], y[i]);
                    }
                    case "!=" -> {
                        for (int i = 0; i < n; i++) out[i] = truth(x[i] != y[i], x[i], y[i]);
                    }
                    default -> throw new IllegalStateException("operator " + op);
                }
                b.release(m);
                return out;
            };
        }
        Expr.Call c = (Expr.Call) e;
        Fn special = scope.special(c);
        if (special != null) return known(special);
        // the function's own closure over one sample's arguments: constants as build() gives them, the rest read from a row
        Functions.Signature fn = Functions.checkArity(c);
        int count = c.args().size();
        Fn[] row = new Fn[count];
        Columnar[] a = new Columnar[count];
        for (int j = 0; j < count; j++) {
            Fn arg = build(c.args().get(j), scope);
            if (arg instanceof Const) {
                row[j] = arg;
            } else {
                row[j] = new Slot(j);
                a[j] = columns(c.args().get(j), scope);
            }
        }
        Fn g = fn.make().make(row, c);
        if (g instanceof Const k) return columnar(k);
        return b -> {
            int n = b.size();
            double[] out = b.temp();
            int m = b.mark();
            double[][] x = new double[count][];
            for (int j = 0; j < count; j++) if (a[j] != null) x[j] = a[j].eval(b);
            double[] args = new double[count];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < count; j++) if (x[j] != null) args[j] = x[j][i];
                out[i] = g.eval(args);
            }
            b.release(m);
            return out;
        };
    }

    /** The columnar form of what a scope gives for a name: a slot or a constant; anything else has none. */
    private static Columnar known(Fn f) {
        if (f instanceof Const || f instanceof Slot) return columnar(f);
        throw new NoColumns();
    }

    private static Fn build(Expr e, Scope scope) throws FormulaException {
        if (e instanceof Expr.Num n) {
            return new Const(n.value());
        }
        if (e instanceof Expr.Name n) {
            return scope.name(n);
        }
        if (e instanceof Expr.Unary u) {
            Fn a = build(u.operand(), scope);
            Fn f = u.op() == '-' ? s -> -a.eval(s) : a;
            return fold(f, a);
        }
        if (e instanceof Expr.Chain ch) {
            return chain(ch, scope);
        }
        if (e instanceof Expr.Binary b) {
            Fn l = build(b.left(), scope);
            Fn r = build(b.right(), scope);
            Fn special = l instanceof Const && r instanceof Const ? null : specialised(b.op(), l, r);
            if (special != null) {
                return special;
            }
            Fn f = switch (b.op()) {
                case "+" -> s -> l.eval(s) + r.eval(s);
                case "-" -> s -> l.eval(s) - r.eval(s);
                case "*" -> s -> l.eval(s) * r.eval(s);
                case "/" -> s -> l.eval(s) / r.eval(s);
                case "^" -> s -> Math.pow(l.eval(s), r.eval(s));
                case "<" -> s -> {
                    double x = l.eval(s), y = r.eval(s);
                    return truth(x < y, x, y);
                };
                case "<=" -> s -> {
                    double x = l.eval(s), y = r.eval(s);
                    return truth(x <= y, x, y);
                };
                case ">" -> s -> {
                    double x = l.eval(s), y = r.eval(s);
                    return truth(x > y, x, y);
                };
                case ">=" -> s -> {
                    double x = l.eval(s), y = r.eval(s);
                    return truth(x >= y, x, y);
                };
                case "==" -> s -> {
                    double x = l.eval(s), y = r.eval(s);
                    return truth(x == y, x, y);
                };
                case "!=" -> s -> {
                    double x = l.eval(s), y = r.eval(s);
                    return truth(x != y, x, y);
                };
                default -> throw new FormulaException("unknown operator '" + b.op() + "'", b.start(), b.end());
            };
            return fold(f, l, r);
        }
        Expr.Call c = (Expr.Call) e;
        Fn special = scope.special(c);
        if (special != null) {
            return special;
        }
        Functions.Signature fn = Functions.checkArity(c);
        Fn[] a = new Fn[c.args().size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = build(c.args().get(i), scope);
        }
        return fold(fn.make().make(a, c), a);
    }

    /** A chain of + - (or * /): pairs specialised like binary operators, longer chains as one loop. */
    private static Fn chain(Expr.Chain ch, Scope scope) throws FormulaException {
        int n = ch.operands().size();
        Fn[] a = new Fn[n];
        for (int i = 0; i < n; i++) a[i] = build(ch.operands().get(i), scope);
        boolean additive = additive(ch);
        if (n == 2) {
            Fn l = a[0], r = a[1];
            String op = ch.ops().get(0);
            Fn special = l instanceof Const && r instanceof Const ? null : specialised(op, l, r);
            if (special != null) return special;
            Fn f = switch (op) {
                case "+" -> s -> l.eval(s) + r.eval(s);
                case "-" -> s -> l.eval(s) - r.eval(s);
                case "*" -> s -> l.eval(s) * r.eval(s);
                default -> s -> l.eval(s) / r.eval(s);
            };
            return fold(f, l, r);
        }
        boolean[] inverse = inverse(ch);
        Fn f = additive ? s -> {
            double v = a[0].eval(s);
            for (int i = 1; i < a.length; i++) v = inverse[i] ? v - a[i].eval(s) : v + a[i].eval(s);
            return v;
        } : s -> {
            double v = a[0].eval(s);
            for (int i = 1; i < a.length; i++) v = inverse[i] ? v / a[i].eval(s) : v * a[i].eval(s);
            return v;
        };
        return fold(f, a);
    }

    /** Whether a chain adds and subtracts (else it multiplies and divides). */
    private static boolean additive(Expr.Chain ch) {
        return ch.ops().get(0).equals("+") || ch.ops().get(0).equals("-");
    }

    /** For each operand of a chain, whether it is taken away (after - or /); the first never is. */
    private static boolean[] inverse(Expr.Chain ch) {
        boolean[] inverse = new boolean[ch.operands().size()];
        for (int i = 1; i < inverse.length; i++) {
            String op = ch.ops().get(i - 1);
            inverse[i] = op.equals("-") || op.equals("/");
        }
        return inverse;
    }

    /** Arithmetic on a slot and a constant, or two slots, as one closure (the shapes most formulas have). */
    private static Fn specialised(String op, Fn l, Fn r) {
        if (l instanceof Slot a && r instanceof Const c) {
            int i = a.index;
            double v = c.value;
            return switch (op) {
                case "+" -> s -> s[i] + v;
                case "-" -> s -> s[i] - v;
                case "*" -> s -> s[i] * v;
                case "/" -> s -> s[i] / v;
                default -> null;
            };
        }
        if (l instanceof Const c && r instanceof Slot a) {
            int i = a.index;
            double v = c.value;
            return switch (op) {
                case "+" -> s -> v + s[i];
                case "-" -> s -> v - s[i];
                case "*" -> s -> v * s[i];
                case "/" -> s -> v / s[i];
                default -> null;
            };
        }
        if (l instanceof Slot a && r instanceof Slot b) {
            int i = a.index;
            int j = b.index;
            return switch (op) {
                case "+" -> s -> s[i] + s[j];
                case "-" -> s -> s[i] - s[j];
                case "*" -> s -> s[i] * s[j];
                case "/" -> s -> s[i] / s[j];
                default -> null;
            };
        }
        if (r instanceof Const c && (op.equals("*") || op.equals("/") || op.equals("+") || op.equals("-"))) {
            double v = c.value;
            return switch (op) {
                case "+" -> s -> l.eval(s) + v;
                case "-" -> s -> l.eval(s) - v;
                case "*" -> s -> l.eval(s) * v;
                default -> s -> l.eval(s) / v;
            };
        }
        return null;
    }

    private static Fn fold(Fn f, Fn... args) {
        for (Fn a : args) {
            if (!(a instanceof Const)) return f;
        }
        return new Const(f.eval(new double[0]));
    }

    /** Whether the expression calls the function {@code fn} anywhere. */
    public static boolean calls(Expr e, String fn) {
        if (e instanceof Expr.Call call && call.name().equals(fn)) return true;
        return e.children().stream().anyMatch(a -> calls(a, fn));
    }

    /** Every name the expression refers to (not function names), in source order. */
    public static List<Expr.Name> names(Expr e) {
        List<Expr.Name> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, List<Expr.Name> out) {
        if (e instanceof Expr.Name n) out.add(n);
        for (Expr c : e.children()) collect(c, out);
    }

    /** Checks every call's name and arity without resolving names; returns the first problem or null. */
    public static FormulaException checkCalls(Expr e) {
        try {
            walkCalls(e);
            return null;
        } catch (FormulaException x) {
            return x;
        }
    }

    private static void walkCalls(Expr e) throws FormulaException {
        if (e instanceof Expr.Call c) Functions.checkArity(c);
        for (Expr child : e.children()) walkCalls(child);
    }

    /**
     * A comparison's answer as 1 or 0; NaN when either side is not a number (a comparison with an unknown has no
     * answer, and an {@code if} on it must not quietly take its "else" branch).
     */
    static double truth(boolean r, double a, double b) {
        return a != a || b != b ? Double.NaN : r ? 1 : 0;
    }
}
