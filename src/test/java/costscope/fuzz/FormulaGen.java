package costscope.fuzz;

import costscope.formula.Functions;
import costscope.formula.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Grammar-based generator of formula text (the grammar of {@link Parser}, the functions of {@link Functions} with
 * their arities), over the names of one sample: its ids, the built-in metric names, the stated-figure functions and a
 * few unknown names. Most formulas are well formed; some nest beyond {@link Parser#MAX_DEPTH} or run beyond
 * {@link Parser#MAX_LENGTH}, call a function with the wrong arity or an unknown function, and {@link #mutate} breaks
 * well-formed text (unbalanced parentheses, a stray character, a truncation).
 */
final class FormulaGen {
    /** Literals, including the edges: zero, huge, tiny, a literal too large for a double. */
    private static final String[] LITERALS = {"0", "1", "2", "3", "10", "0.5", ".25", "100", "1000", "1e9", "2.5E-6",
        "1e308", "1.7976931348623157e308", "1e-320", "4.9e-324", "1e400", "0.0", "12345678901234567890", "7", "0.1"};
    /** What is not a finite number, constant or from a name (x): NaN, infinities, an overflow. */
    private static final String[] NOT_FINITE = {"(0/0)", "(1/0)", "(-1/0)", "sqrt(-1)", "log(0)", "(1e308*10)", "(x*0/0)",
        "(x/0)", "(-x/0)", "exp(x*1000)", "(x-x)", "(0*x)"};
    private static final String[] COMPARISONS = {"<", "<=", ">", ">=", "==", "!="};
    private static final String[] UNKNOWN = {"userz", "foo", "x1", "_", "Total", "costperuser", "nan", "inf", "e", "E"};
    private static final String[] STATED_FUNCTIONS = {"quantity", "unitPrice", "basis", "saving"};

    private final Random r;
    private final List<String> names;
    private final List<String> items;
    private final List<String> levers;
    private final List<Functions.Signature> functions = new ArrayList<>(Functions.all().values());

    /**
     * @param names  the names a formula may use (ids and built-in names)
     * @param items  item ids (arguments of quantity(), unitPrice(), basis())
     * @param levers lever ids (arguments of saving())
     */
    FormulaGen(Random r, List<String> names, List<String> items, List<String> levers) {
        this.r = r;
        this.names = names.isEmpty() ? List.of("x") : names;
        this.items = items;
        this.levers = levers;
    }

    /** A formula: mostly small and well formed, sometimes too deep, too long, or mutated. */
    String formula() {
        int k = r.nextInt(100);
        String f;
        if (k < 4) f = deep(Parser.MAX_DEPTH - 2 + r.nextInt(6));
        else if (k < 6) f = longFormula();
        else f = expr(1 + r.nextInt(r.nextInt(10) == 0 ? 12 : 5));
        if (r.nextInt(5) == 0) f = mutate(f);
        return f;
    }

    /** An expression of at most {@code depth} levels. */
    String expr(int depth) {
        if (depth <= 0 || r.nextInt(4) == 0) return atom();
        switch (r.nextInt(9)) {
            case 0, 1: {   // an additive or multiplicative chain
                int n = 2 + r.nextInt(3);
                StringBuilder b = new StringBuilder(expr(depth - 1));
                for (int i = 1; i < n; i++) b.append(space()).append("+-*/".charAt(r.nextInt(4))).append(space()).append(expr(depth - 1));
                return b.toString();
            }
            case 2:
                return expr(depth - 1) + space() + COMPARISONS[r.nextInt(COMPARISONS.length)] + space() + expr(depth - 1);
            case 3:
                return (r.nextBoolean() ? "-" : "+") + expr(depth - 1);
            case 4:
                return atom() + "^" + (r.nextInt(3) == 0 ? "-" : "") + atom();
            case 5:
                return "(" + expr(depth - 1) + ")";
            case 6:
                return statedCall();
            default:
                return call(depth);
        }
    }

    private String space() {
        return r.nextInt(3) == 0 ? " " : "";
    }

    private String atom() {
        int k = r.nextInt(12);
        if (k < 4) return LITERALS[r.nextInt(LITERALS.length)];
        if (k < 9) return names.get(r.nextInt(names.size()));
        if (k < 11) return NOT_FINITE[r.nextInt(NOT_FINITE.length)].replace("x", names.get(r.nextInt(names.size())));
        return UNKNOWN[r.nextInt(UNKNOWN.length)];
    }

    /** A call of a registered function, with its arity most of the time, or an unknown function. */
    private String call(int depth) {
        if (r.nextInt(25) == 0) return "nosuch(" + expr(depth - 1) + ")";
        Functions.Signature s = functions.get(r.nextInt(functions.size()));
        int n;
        if (r.nextInt(10) == 0) {
            n = r.nextInt(5);   // any arity, often wrong
        } else if (s.pairs()) {
            n = 1 + 2 * (1 + r.nextInt(3));
        } else {
            int max = s.max() < 0 ? s.min() + 3 : s.max();
            n = s.min() + r.nextInt(max - s.min() + 1);
        }
        StringBuilder b = new StringBuilder(s.name()).append('(');
        boolean table = s.pairs() && r.nextBoolean();
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(',').append(space());
            // step() and interp() with constant ascending thresholds, the usual shape
            if (table && i > 0 && i % 2 == 1) b.append(i * 10);
            else b.append(expr(depth - 1));
        }
        return b.append(')').toString();
    }

    /** quantity(ITEM), unitPrice(ITEM), basis(ITEM), saving(LEVER): stated-figure functions, refused elsewhere. */
    private String statedCall() {
        String f = STATED_FUNCTIONS[r.nextInt(STATED_FUNCTIONS.length)];
        List<String> of = f.equals("saving") ? levers : items;
        String arg = of.isEmpty() || r.nextInt(8) == 0 ? atom() : of.get(r.nextInt(of.size()));
        return f + "(" + arg + ")";
    }

    /** Nesting of about {@code levels} levels: parentheses, unary minus, calls or powers. */
    String deep(int levels) {
        String leaf = atom();
        return switch (r.nextInt(4)) {
            case 0 -> "(".repeat(levels) + leaf + ")".repeat(levels);
            case 1 -> "-".repeat(levels) + leaf;
            case 2 -> "max(".repeat(levels) + leaf + ")".repeat(levels);
            default -> (leaf + "^").repeat(levels) + leaf;
        };
    }

    /** A flat formula around {@link Parser#MAX_LENGTH} characters. */
    String longFormula() {
        int target = Parser.MAX_LENGTH - 20 + r.nextInt(40);
        StringBuilder b = new StringBuilder(atom());
        while (b.length() < target) b.append('+').append(atom());
        return b.substring(0, Math.min(b.length(), target + r.nextInt(3)));
    }

    private static final String STRAY = "()(),,+-*/^<>=!.#$'\"\\e E1 9";

    /** Breaks formula text: a parenthesis more or less, a stray character, a cut, a function renamed, an argument more. */
    String mutate(String f) {
        if (f.isEmpty()) return f;
        StringBuilder b = new StringBuilder(f);
        int i = r.nextInt(b.length() + 1);
        switch (r.nextInt(7)) {
            case 0 -> b.insert(i, '(');
            case 1 -> b.insert(i, ')');
            case 2 -> b.insert(i, STRAY.charAt(r.nextInt(STRAY.length())));
            case 3 -> {
                if (i < b.length()) b.deleteCharAt(i);
            }
            case 4 -> b.setLength(i);
            case 5 -> {
                int open = b.indexOf("(");
                if (open > 0) b.insert(open, "x");   // min( -> minx(: an unknown function
                else b.insert(0, "f(").append(')');
            }
            default -> {
                int open = b.indexOf("(");
                if (open >= 0) b.insert(open + 1, "1, ");   // one argument more
                else b.append(", 1");
            }
        }
        return b.toString();
    }
}
