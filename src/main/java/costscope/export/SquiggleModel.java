package costscope.export;

import costscope.engine.CompiledScenario;
import costscope.formula.Expr;
import costscope.formula.FormulaException;
import costscope.formula.Parser;
import costscope.model.Billing;
import costscope.model.Category;
import costscope.model.Distribution;
import costscope.model.Driver;
import costscope.model.Lever;
import costscope.model.LeverEffect;
import costscope.model.LineItem;
import costscope.model.Pool;
import costscope.model.Range;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import costscope.model.Tier;
import costscope.model.TierMode;
import costscope.model.Variable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A scenario as a Squiggle program (for Squiggle {@value #SQUIGGLE_VERSION}, the version {@code bench/squiggle} pins)
 * that binds {@code total} to the monthly total with the arithmetic of Costscope's engine, so the two can be timed on
 * the same model and their answers compared: the same total to the cent without ranges, the same spread within
 * sampling error with them.
 *
 * <ul>
 * <li><b>Drivers.</b> A driver with a {@code range} becomes the matching Squiggle distribution (a sample set):
 * {@code uniform(low, high)}, {@code triangular(low, mode, high)}, PERT as {@code low + (high - low) * beta(alpha,
 * beta)} with Costscope's Beta-PERT parameters (Squiggle has no PERT), normal as {@code normal({p5: low, p95: high})}
 * or {@code normal(mean, sd)}, lognormal as {@code low to high}; truncated to the driver's min and max with
 * {@code truncate} (or {@code truncateLeft}, {@code truncateRight}) where they cut the distribution. A zero-width range
 * is its value. A lever that is on and sets the driver replaces it, as in the engine.</li>
 * <li><b>Formulas</b> are parsed ({@link Parser}) and printed as Squiggle. Arithmetic on uncertain values is Squiggle's
 * own sample-wise arithmetic on sample sets; what Squiggle does not define on sample sets (comparisons, {@code if} on an
 * uncertain condition, {@code min}, {@code max}, {@code ceil}, {@code floor}, {@code round}, {@code step},
 * {@code interp}...) runs per sample through {@code SampleSet.map} (map2, map3, mapN) over the uncertain names it
 * reads, with the same arithmetic. Comparisons give 1 or 0 as in Costscope; {@code round} is half away from zero.</li>
 * <li><b>Line items</b> are priced in the engine's order ({@code Tariff}, {@code ItemPricing}): free allowance,
 * increment (rounded up as the engine does), flat price or tiers (graduated or volume) over {@code per}, hours,
 * monthly minimum, fixed figure, lever factors; pools share one charge in proportion to their items' quantities. Lever
 * states are the file's: each replacement is the last enabled lever's, as in the engine. A clamp at 0 that cannot
 * bind (a quantity that is never negative, by the signs of its inputs) is left out, so uncertain items whose pricing
 * is linear stay vectorised.</li>
 * <li>Categories, pools and {@code total} are the sums the engine makes, in the same order.</li>
 * </ul>
 *
 * Only what {@code total} depends on is written. What has no Squiggle counterpart throws
 * {@link UnsupportedOperationException} naming the construct: rank {@code correlations} between drivers, and business
 * metrics other than {@code users} used on the way to the total. Not reproduced (both only matter where the engine
 * gives "not a number"): a NaN condition gives NaN in Costscope and the else branch in Squiggle, and {@code step} or
 * {@code interp} over thresholds that do not ascend at evaluation give NaN in Costscope.
 */
public final class SquiggleModel {
    /** The Squiggle version the programs are written for (bench/squiggle/package.json pins it). */
    public static final String SQUIGGLE_VERSION = "0.10.0";

    // the precedence of a Squiggle expression's outermost operator: an operand of a tighter operator is parenthesised
    private static final int IF = 0;
    private static final int OR = 1;
    private static final int AND = 2;
    private static final int CMP = 3;
    private static final int ADD = 4;
    private static final int MUL = 5;
    private static final int UNARY = 6;
    private static final int POW = 7;
    private static final int ATOM = 8;

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][A-Za-z0-9_]*");
    private static final Pattern SIMPLE = Pattern.compile("[a-z][A-Za-z0-9_]*|[0-9][0-9.e+-]*");
    /**
     * Names a Squiggle program cannot rebind without changing what this class writes: keywords, unit words, and the
     * functions at the top level of Squiggle 0.10's standard library. A model id among them is renamed.
     */
    private static final Set<String> SQUIGGLE_RESERVED = Set.of(
            "if", "then", "else", "to", "true", "false", "import", "export", "as", "from", "function", "class",
            "minutes", "hours", "days", "years", "year",
            "abs", "add", "and", "bernoulli", "beta", "cauchy", "cdf", "ceil", "concat", "cumprod", "cumsum", "diff",
            "divide", "dotExp", "equal", "exp", "exponential", "filter", "floor", "fromDays", "fromHours", "fromMinutes",
            "fromYears", "gamma", "geomean", "inspect", "integralSum", "inv", "isNormalized", "larger", "largerEq", "log",
            "log10", "log2", "logistic", "lognormal", "map", "max", "mean", "median", "min", "mixture", "mod", "mode",
            "multiply", "mx", "normal", "normalize", "not", "or", "pdf", "pointMass", "pow", "product", "quantile",
            "reduce", "reduceReverse", "reverse", "round", "sample", "sampleN", "smaller", "smallerEq", "sort",
            "sparkline", "stdev", "subtract", "sum", "throw", "toDays", "toHours", "toMinutes", "toYears", "triangular",
            "truncate", "truncateLeft", "truncateRight", "try", "typeOf", "unaryMinus", "unequal", "uniform",
            "variance");
    private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=", "==", "!=");

    /**
     * A Squiggle expression: its text, the precedence of its outermost operator, whether it may be a sample set
     * (then it is one), and whether it is 0 or more (or not a number) on every sample.
     */
    private record Sq(String text, int prec, boolean uncertain, boolean nonneg) {
        boolean simple() {
            return SIMPLE.matcher(text).matches();
        }
    }

    private final Scenario sc;
    private final List<String> order;
    private final StringBuilder out = new StringBuilder();
    /** Model id (and "total", "users", "hoursPerMonth") to its Squiggle name. */
    private final Map<String, String> names = new HashMap<>();
    private final Set<String> taken = new HashSet<>();
    /** Squiggle names bound to sample sets, and those known to be 0 or more. */
    private final Set<String> uncertain = new HashSet<>();
    private final Set<String> nonneg = new HashSet<>();
    private final Map<String, Expr> parsed = new HashMap<>();
    private String roundUpName;
    private String roundName;
    private final String billedLocal;
    private final String pricedLocal;
    private final String listLocal;

    private SquiggleModel(CompiledScenario c) {
        this.sc = c.scenario();
        this.order = c.evaluationOrder();
        List<String> ids = new ArrayList<>();
        sc.drivers().forEach(d -> ids.add(d.id()));
        sc.variables().forEach(v -> ids.add(v.id()));
        sc.items().forEach(i -> ids.add(i.id()));
        sc.pools().forEach(p -> ids.add(p.id()));
        sc.categories().forEach(k -> ids.add(k.id()));
        sc.levers().forEach(l -> ids.add(l.id()));
        ids.addAll(CompiledScenario.RESERVED);
        for (String id : ids) if (isSafe(id)) taken.add(id);
        for (String id : ids) names.put(id, isSafe(id) ? id : fresh("c_" + id));
        names.put("hoursPerMonth", fresh("hours_per_month"));
        billedLocal = fresh("billed");
        pricedLocal = fresh("priced");
        listLocal = fresh("xs");
    }

    /** The Squiggle program of a scenario (compiled first: a scenario with problems throws them). */
    public static String of(Scenario scenario) throws ScenarioException {
        return of(CompiledScenario.compile(scenario));
    }

    /**
     * The Squiggle program of a compiled scenario: binds {@code total} to the monthly total.
     *
     * @throws UnsupportedOperationException naming the construct when the scenario uses one Squiggle cannot express
     */
    public static String of(CompiledScenario compiled) {
        return new SquiggleModel(compiled).program();
    }

    private static boolean isSafe(String id) {
        return SAFE_NAME.matcher(id).matches() && !SQUIGGLE_RESERVED.contains(id);
    }

    /** A Squiggle name not used by the model or by this program: {@code preferred}, or with _2, _3... */
    private String fresh(String preferred) {
        String base = isSafe(preferred) ? preferred : "c_" + preferred.replaceAll("[^A-Za-z0-9_]", "_");
        String n = base;
        for (int k = 2; taken.contains(n) || !isSafe(n); k++) n = base + "_" + k;
        taken.add(n);
        return n;
    }

    // ------------------------------------------------------------------------------------------------ the program

    private String program() {
        if (!sc.correlations().isEmpty()) {
            throw new UnsupportedOperationException("correlations (rank correlation between uncertain drivers "
                    + sc.correlations().get(0).between() + "): Squiggle has no Iman-Conover pairing of samples");
        }
        Set<String> needed = needed();
        for (String key : order) if (needed.contains(key)) node(key);
        List<String> on = sc.levers().stream().filter(Lever::enabled).map(Lever::id).toList();
        List<String> ranged = sc.drivers().stream().filter(d -> d.range() != null).map(Driver::id).toList();
        StringBuilder body = new StringBuilder();
        body.append("// ").append(sc.name().replaceAll("[\\r\\n]+", " ")).append('\n');
        body.append("// translated by costscope.export.SquiggleModel for Squiggle ").append(SQUIGGLE_VERSION)
                .append(": total is the monthly total (").append(sc.currency() == null ? Scenario.DEFAULT_CURRENCY : sc.currency())
                .append(")\n");
        body.append("// levers on: ").append(on.isEmpty() ? "none" : String.join(", ", on))
                .append("; uncertain drivers: ").append(ranged.isEmpty() ? "none" : String.join(", ", ranged)).append('\n');
        if (roundUpName != null) {
            body.append("\n// a billable quantity rounded up to a multiple of the increment (a quotient within 1e-9 of a whole number is whole)\n");
            body.append(roundUpName).append("(b, inc) = if inc > 0 then {\n");
            body.append("  k = b / inc\n");
            body.append("  w = round(k)\n");
            body.append("  ceil(if abs(k - w) <= 1e-9 * max(1, abs(k)) then w else k) * inc\n");
            body.append("} else 0 / 0\n");
        }
        if (roundName != null) {
            body.append("\n// round(x, digits) as Costscope rounds: half away from zero\n");
            body.append(roundName).append("(x, digits) = {\n");
            body.append("  f = 10 ^ digits\n");
            body.append("  v = abs(x) * f\n");
            body.append("  r = if v < 2 ^ 52 then floor(v + 0.5 + 1e-9) / f else abs(x)\n");
            body.append("  if x < 0 then -r else r\n");
            body.append("}\n");
        }
        body.append('\n').append(out);
        return body.toString();
    }

    /** The nodes the total depends on (itself included), by the names their Squiggle reads. */
    private Set<String> needed() {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of("total"));
        while (!todo.isEmpty()) {
            String k = todo.pop();
            if (seen.add(k)) todo.addAll(deps(k));
        }
        return seen;
    }

    private List<String> deps(String key) {
        List<String> d = new ArrayList<>();
        if (key.equals("total")) {
            sc.categories().forEach(c -> d.add(c.id()));
            return d;
        }
        if (key.equals("users")) {
            if (sc.business() == null || sc.business().users() == null) {
                throw new UnsupportedOperationException("the metric 'users' without business.users (not a number)");
            }
            names(parse(sc.business().users().formula()), d);
            return d;
        }
        if (key.equals("hoursPerMonth")) {
            if (sc.hoursPerMonth() != null) names(parse(sc.hoursPerMonth()), d);
            return d;
        }
        Driver dr = sc.driver(key);
        if (dr != null) {
            LeverEffect set = winner(e -> key.equals(e.set()));
            if (set != null) names(parse(set.formula()), d);
            return d;
        }
        for (Variable v : sc.variables()) {
            if (!v.id().equals(key)) continue;
            LeverEffect set = winner(e -> key.equals(e.set()));
            names(parse(set != null ? set.formula() : v.formula()), d);
            return d;
        }
        for (LineItem it : sc.items()) {
            if (!it.id().equals(key)) continue;
            if (fixed(it) != null) return d;
            Pool pool = sc.poolOf(it.id());
            if (pool != null) {
                d.add(pool.id());
                names(parse(quantity(it)), d);
                return d;
            }
            names(parse(quantity(it)), d);
            chargeNames(it.id(), it.unitPrice(), it.tiers(), it.freeAllowance(), it.increment(), d, false);
            if (it.minimumMonthly() != null) names(parse(it.minimumMonthly()), d);
            if (it.effectiveBilling() == Billing.HOURLY) {
                if (it.hours() != null) names(parse(it.hours()), d);
                else d.add("hoursPerMonth");
            }
            return d;
        }
        Pool pool = sc.pool(key);
        if (pool != null) {
            for (String m : pool.items()) {
                LineItem it = item(m);
                names(parse(quantity(it)), d);
            }
            chargeNames(pool.id(), pool.unitPrice(), pool.tiers(), pool.freeAllowance(), pool.increment(), d, true);
            return d;
        }
        for (Category c : sc.categories()) {
            if (!c.id().equals(key)) continue;
            for (LineItem it : sc.items()) if (c.id().equals(it.category())) d.add(it.id());
            return d;
        }
        throw new UnsupportedOperationException("the metric '" + key + "' on the way to the total (only 'users' is"
                + " translated)");
    }

    private void chargeNames(String id, String unitPrice, List<Tier> tiers, String free, String increment,
                             List<String> d, boolean pool) {
        List<Tier> t = tiers(id, tiers, pool);
        if (t.isEmpty()) names(parse(unitPrice(id, unitPrice, pool)), d);
        else t.forEach(x -> names(parse(x.unitPrice()), d));
        String f = freeAllowance(id, free, pool);
        if (f != null) names(parse(f), d);
        if (increment != null) names(parse(increment), d);
    }

    private void node(String key) {
        if (key.equals("total")) {
            bind("total", sum(sc.categories().stream().map(Category::id).toList()));
            return;
        }
        if (key.equals("users")) {
            bind(names.get("users"), dist(parse(sc.business().users().formula())));
            return;
        }
        if (key.equals("hoursPerMonth")) {
            if (sc.hoursPerMonth() != null && !(parse(sc.hoursPerMonth()) instanceof Expr.Num)) {
                bind(names.get(key), dist(parse(sc.hoursPerMonth())));
            }
            return;
        }
        Driver dr = sc.driver(key);
        if (dr != null) {
            driver(dr);
            return;
        }
        for (Variable v : sc.variables()) {
            if (!v.id().equals(key)) continue;
            LeverEffect set = winner(e -> key.equals(e.set()));
            bind(names.get(key), dist(parse(set != null ? set.formula() : v.formula())));
            return;
        }
        for (LineItem it : sc.items()) {
            if (it.id().equals(key)) {
                item(it);
                return;
            }
        }
        Pool pool = sc.pool(key);
        if (pool != null) {
            pool(pool);
            return;
        }
        for (Category c : sc.categories()) {
            if (!c.id().equals(key)) continue;
            bind(names.get(key), sum(sc.items().stream().filter(it -> c.id().equals(it.category())).map(LineItem::id).toList()));
            return;
        }
        throw new IllegalStateException("no node " + key);
    }

    private void bind(String name, Sq value) {
        out.append(name).append(" = ").append(value.text()).append('\n');
        if (value.uncertain()) uncertain.add(name);
        if (value.nonneg()) nonneg.add(name);
    }

    /** An atom for {@code value}: itself when it is a name or a number, else a new binding named after {@code preferred}. */
    private Sq atom(Sq value, String preferred) {
        if (value.simple()) return value;
        String n = fresh(preferred);
        bind(n, value);
        return new Sq(n, ATOM, value.uncertain(), value.nonneg());
    }

    /** The sum of named values (0 for none), left to right as the engine adds them. */
    private Sq sum(List<String> ids) {
        if (ids.isEmpty()) return new Sq("0", ATOM, false, true);
        List<String> parts = new ArrayList<>();
        boolean unc = false;
        boolean nn = true;
        for (String id : ids) {
            String n = names.get(id);
            parts.add(n);
            unc |= uncertain.contains(n);
            nn &= nonneg.contains(n);
        }
        return new Sq(String.join(" + ", parts), ids.size() == 1 ? ATOM : ADD, unc, nn);
    }

    // ----------------------------------------------------------------------------------------------------- drivers

    private void driver(Driver d) {
        String n = names.get(d.id());
        LeverEffect set = winner(e -> d.id().equals(e.set()));
        if (set != null) {
            bind(n, dist(parse(set.formula())));
            return;
        }
        Range r = d.range();
        if (r == null) {
            bind(n, new Sq(num(d.value()), ATOM, false, d.value() >= 0));
            return;
        }
        Distribution kind = r.distribution();
        double lo;
        double hi;
        String text;
        String note = null;
        switch (kind) {
            case UNIFORM, TRIANGULAR, PERT -> {
                lo = r.low();
                hi = r.high();
                double mode = r.mode() != null ? r.mode() : 0.5 * lo + 0.5 * hi;
                if (lo == hi) {
                    bind(n, new Sq(num(lo), ATOM, false, lo >= 0));
                    return;
                }
                if (kind == Distribution.UNIFORM) {
                    text = "uniform(" + num(lo) + ", " + num(hi) + ")";
                } else if (kind == Distribution.TRIANGULAR) {
                    text = "triangular(" + num(lo) + ", " + num(mode) + ", " + num(hi) + ")";
                } else {
                    double w = hi - lo;
                    double alpha = 1 + 4 * ((mode - lo) / w);
                    double beta = 1 + 4 * ((hi - mode) / w);
                    note = d.id() + ": PERT(" + num(lo) + ", " + num(mode) + ", " + num(hi) + ") = " + num(lo) + " + " + num(w)
                            + " * Beta(1 + 4 * (" + num(mode) + " - " + num(lo) + ") / " + num(w) + ", 1 + 4 * (" + num(hi)
                            + " - " + num(mode) + ") / " + num(w) + ")";
                    text = num(lo) + " + " + num(w) + " * beta(" + num(alpha) + ", " + num(beta) + ")";
                }
            }
            case NORMAL -> {
                boolean ends = r.low() != null;
                double sd = ends ? r.high() - r.low() : r.sd();
                if (sd == 0) {
                    double v = ends ? r.low() : r.mean();
                    bind(n, new Sq(num(v), ATOM, false, v >= 0));
                    return;
                }
                lo = Double.NEGATIVE_INFINITY;
                hi = Double.POSITIVE_INFINITY;
                text = ends ? "normal({p5: " + num(r.low()) + ", p95: " + num(r.high()) + "})"
                        : "normal(" + num(r.mean()) + ", " + num(r.sd()) + ")";
            }
            case LOGNORMAL -> {
                if (r.low().equals(r.high())) {
                    bind(n, new Sq(num(r.low()), ATOM, false, r.low() >= 0));
                    return;
                }
                lo = 0;
                hi = Double.POSITIVE_INFINITY;
                text = num(r.low()) + " to " + num(r.high());
            }
            default -> throw new UnsupportedOperationException("the distribution " + kind);
        }
        boolean cutLo = d.min() != null && d.min() > lo;
        boolean cutHi = d.max() != null && d.max() < hi;
        if (cutLo && cutHi) text = "truncate(" + text + ", " + num(d.min()) + ", " + num(d.max()) + ")";
        else if (cutLo) text = "truncateLeft(" + text + ", " + num(d.min()) + ")";
        else if (cutHi) text = "truncateRight(" + text + ", " + num(d.max()) + ")";
        double floor = cutLo ? d.min() : lo;
        if (note != null) out.append("// ").append(note).append('\n');
        bind(n, new Sq(text, kind == Distribution.LOGNORMAL && !cutLo && !cutHi ? IF : ADD, true, floor >= 0));
    }

    // ----------------------------------------------------------------------------------------------- line items

    /** The tariff of an item or pool, every formula an atom. */
    private record Charge(Sq free, Sq increment, Sq price, List<Sq> tierPrices, double[] upTo, boolean volume,
                          double per) {
    }

    private Charge charge(String id, String unitPrice, List<Tier> ownTiers, String free, String increment, TierMode mode,
                          double per, boolean pool) {
        String f = freeAllowance(id, free, pool);
        Sq freeSq = f == null ? null : atom(dist(parse(f)), id + "_free");
        Sq inc = increment == null ? null : atom(dist(parse(increment)), id + "_increment");
        List<Tier> tiers = tiers(id, ownTiers, pool);
        if (tiers.isEmpty()) {
            Sq price = atom(dist(parse(unitPrice(id, unitPrice, pool))), id + "_price");
            return new Charge(freeSq, inc, price, null, null, false, per);
        }
        List<Sq> prices = new ArrayList<>();
        double[] upTo = new double[tiers.size()];
        for (int k = 0; k < tiers.size(); k++) {
            prices.add(atom(dist(parse(tiers.get(k).unitPrice())), id + "_tier" + (k + 1) + "_price"));
            upTo[k] = tiers.get(k).upTo() == null ? Double.POSITIVE_INFINITY : tiers.get(k).upTo();
        }
        return new Charge(freeSq, inc, null, prices, upTo, mode == TierMode.VOLUME, per);
    }

    private void item(LineItem it) {
        String n = names.get(it.id());
        List<Double> factors = factors(it);
        Double fixed = fixed(it);
        if (fixed != null) {
            bind(n, scaled(new Sq(num(fixed), ATOM, false, fixed >= 0), factors));
            return;
        }
        Pool pool = sc.poolOf(it.id());
        if (pool != null) {
            pooledItem(it, pool, factors);
            return;
        }
        Sq q = atom(dist(parse(quantity(it))), it.id() + "_quantity");
        Charge ch = charge(it.id(), it.unitPrice(), it.tiers(), it.freeAllowance(), it.increment(),
                it.effectiveTierMode(), it.effectivePer(), false);
        Sq hours = null;
        if (it.effectiveBilling() == Billing.HOURLY) {
            hours = it.hours() != null ? atom(dist(parse(it.hours())), it.id() + "_hours") : hoursPerMonth();
        }
        Sq min = it.minimumMonthly() == null ? null : atom(dist(parse(it.minimumMonthly())), it.id() + "_minimum");
        bind(n, priced(q, ch, hours, min, factors));
    }

    /** The hours an hourly item is billed without hours of its own: the file's hoursPerMonth (730 by default). */
    private Sq hoursPerMonth() {
        if (sc.hoursPerMonth() == null) return new Sq(Scenario.DEFAULT_HOURS_PER_MONTH, ATOM, false, true);
        Expr e = parse(sc.hoursPerMonth());
        if (e instanceof Expr.Num n) return new Sq(num(n.value()), ATOM, false, n.value() >= 0);
        String h = names.get("hoursPerMonth");
        return new Sq(h, ATOM, uncertain.contains(h), nonneg.contains(h));
    }

    /** An item in a pool: its share of the pool's charge, then its own fixed figure and factors. */
    private void pooledItem(LineItem it, Pool pool, List<Double> factors) {
        Sq q = memberQuantity(it);
        String p = names.get(pool.id());
        Sq cost = new Sq(p, ATOM, uncertain.contains(p), nonneg.contains(p));
        String qp = names.get(pool.id() + "#quantity");
        Sq total = new Sq(qp, ATOM, uncertain.contains(qp), nonneg.contains(qp));
        String zero = cost.text() + " * 0";
        String share = cost.text() + " * (" + q.text() + " / " + total.text() + ")";
        String body = "if " + total.text() + " == 0 then " + zero + " else " + share;
        Sq allocated;
        if (total.uncertain()) {
            allocated = new Sq(lifted(List.of(cost, q, total), List.of(), body).text(), ATOM, true, cost.nonneg() && q.nonneg());
        } else {
            allocated = new Sq(body, IF, cost.uncertain() || q.uncertain(), cost.nonneg() && q.nonneg());
        }
        bind(names.get(it.id()), scaled(allocated, factors));
    }

    /** A pooled item's quantity as an atom, bound once (the pool's sum and the item's share read it). */
    private Sq memberQuantity(LineItem it) {
        String key = it.id() + "#quantity";
        String bound = names.get(key);
        if (bound != null) return new Sq(bound, ATOM, uncertain.contains(bound), nonneg.contains(bound));
        Sq q = dist(parse(quantity(it)));
        Sq a = atom(q, it.id() + "_quantity");
        names.put(key, a.text());
        if (a.uncertain()) uncertain.add(a.text());
        if (a.nonneg()) nonneg.add(a.text());
        return a;
    }

    private void pool(Pool pool) {
        List<Sq> qs = new ArrayList<>();
        for (String m : pool.items()) qs.add(memberQuantity(item(m)));
        String qn = fresh(pool.id() + "_quantity");
        boolean unc = qs.stream().anyMatch(Sq::uncertain);
        boolean nn = qs.stream().allMatch(Sq::nonneg);
        bind(qn, new Sq(String.join(" + ", qs.stream().map(Sq::text).toList()), qs.size() == 1 ? ATOM : ADD, unc, nn));
        names.put(pool.id() + "#quantity", qn);
        Sq q = new Sq(qn, ATOM, unc, nn);
        Charge ch = charge(pool.id(), pool.unitPrice(), pool.tiers(), pool.freeAllowance(), pool.increment(),
                pool.effectiveTierMode(), pool.effectivePer(), true);
        bind(names.get(pool.id()), priced(q, ch, null, null, List.of()));
    }

    /**
     * The monthly cost of quantity {@code q} under a charge, in the engine's order: billable = max(0, q - free);
     * rounded up to the increment; flat price or tiers over per; times hours; at least the minimum when q > 0; times
     * the lever factors. Per sample through SampleSet.map when it is not linear and some input is uncertain.
     */
    private Sq priced(Sq q, Charge ch, Sq hours, Sq min, List<Double> factors) {
        List<Sq> inputs = new ArrayList<>(List.of(q));
        List<String> locals = new ArrayList<>();
        boolean nonlinear = false;
        String b;
        if (ch.free() != null) {
            inputs.add(ch.free());
            b = "max(0, " + q.text() + " - " + ch.free().text() + ")";
            nonlinear = true;
        } else if (q.nonneg()) {
            b = q.text();
        } else {
            b = "max(0, " + q.text() + ")";
            nonlinear = true;
        }
        if (ch.increment() != null) {
            inputs.add(ch.increment());
            if (roundUpName == null) roundUpName = fresh("roundUp");
            b = roundUpName + "(" + b + ", " + ch.increment().text() + ")";
            nonlinear = true;
        }
        String per = ch.per() == 1 ? "" : " / " + num(ch.per());
        String x;
        int prec = MUL;
        boolean nn;
        if (ch.tierPrices() == null) {
            inputs.add(ch.price());
            x = b + " * " + ch.price().text() + per;
            nn = ch.price().nonneg();
        } else {
            List<Sq> p = ch.tierPrices();
            inputs.addAll(p);
            nn = p.stream().allMatch(Sq::nonneg);
            double[] upTo = ch.upTo();
            int last = p.size() - 1;
            if (last == 0) {
                x = b + " * " + p.get(0).text() + per;
            } else {
                nonlinear = true;
                if (!SIMPLE.matcher(b).matches()) {
                    locals.add(billedLocal + " = " + b);
                    b = billedLocal;
                }
                if (ch.volume()) {
                    StringBuilder price = new StringBuilder();
                    for (int k = 0; k < last; k++) {
                        price.append("if ").append(b).append(" <= ").append(num(upTo[k])).append(" then ")
                                .append(p.get(k).text()).append(" else ");
                    }
                    price.append(p.get(last).text());
                    x = b + " * (" + price + ")" + per;
                } else {
                    List<String> terms = new ArrayList<>();
                    terms.add("min(" + b + ", " + num(upTo[0]) + ") * " + p.get(0).text() + per);
                    for (int k = 1; k < last; k++) {
                        terms.add("max(0, min(" + b + ", " + num(upTo[k]) + ") - " + num(upTo[k - 1]) + ") * "
                                + p.get(k).text() + per);
                    }
                    terms.add("max(0, " + b + " - " + num(upTo[last - 1]) + ") * " + p.get(last).text() + per);
                    x = String.join(" + ", terms);
                    prec = ADD;
                }
            }
        }
        if (hours != null) {
            inputs.add(hours);
            x = wrap(x, prec, MUL) + " * " + hours.text();
            prec = MUL;
            nn &= hours.nonneg();
        }
        if (min != null) {
            inputs.add(min);
            nonlinear = true;
            if (!SIMPLE.matcher(x).matches()) {
                locals.add(pricedLocal + " = " + x);
                x = pricedLocal;
            }
            x = "if " + q.text() + " > 0 then max(" + x + ", " + min.text() + ") else " + x;
            prec = IF;
        }
        boolean unc = inputs.stream().anyMatch(Sq::uncertain);
        Sq priced;
        if (nonlinear && unc) {
            priced = lifted(inputs, locals, x);
        } else if (locals.isEmpty()) {
            priced = new Sq(x, prec, unc, nn);
        } else {
            StringBuilder block = new StringBuilder("{\n");
            for (String l : locals) block.append("  ").append(l).append('\n');
            block.append("  ").append(x).append("\n}");
            // a block is no operand in Squiggle ({...} * 2 does not parse): parenthesised like an if
            priced = new Sq(block.toString(), IF, unc, nn);
        }
        if (nonlinear && unc) priced = new Sq(priced.text(), ATOM, true, nn);
        return scaled(priced, factors);
    }

    /** {@code v} times each factor in turn. */
    private static Sq scaled(Sq v, List<Double> factors) {
        if (factors.isEmpty()) return v;
        StringBuilder b = new StringBuilder(wrap(v.text(), v.prec(), MUL));
        boolean nn = v.nonneg();
        for (double f : factors) {
            b.append(" * ").append(num(f));
            nn &= f >= 0;
        }
        return new Sq(b.toString(), MUL, v.uncertain(), nn);
    }

    /**
     * {@code body} (Squiggle over numbers, after the local bindings) run per sample over the uncertain ones of
     * {@code inputs} (atoms), as SampleSet.map, map2, map3 or mapN: inside, each name is that sample's number.
     */
    private Sq lifted(List<Sq> inputs, List<String> locals, String body) {
        List<String> params = new ArrayList<>(new LinkedHashSet<>(inputs.stream().filter(Sq::uncertain).map(Sq::text).toList()));
        return lift(params, locals, body);
    }

    private Sq lift(List<String> params, List<String> locals, String body) {
        String args = String.join(", ", params);
        StringBuilder b = new StringBuilder();
        List<String> lines = new ArrayList<>();
        switch (params.size()) {
            case 1 -> b.append("SampleSet.map(").append(args).append(", {|").append(args).append('|');
            case 2 -> b.append("SampleSet.map2(").append(args).append(", {|").append(args).append('|');
            case 3 -> b.append("SampleSet.map3(").append(args).append(", {|").append(args).append('|');
            default -> {
                b.append("SampleSet.mapN([").append(args).append("], {|").append(listLocal).append('|');
                for (int k = 0; k < params.size(); k++) lines.add(params.get(k) + " = " + listLocal + "[" + k + "]");
            }
        }
        lines.addAll(locals);
        if (lines.isEmpty()) {
            b.append(' ').append(body).append("})");
        } else {
            b.append('\n');
            for (String l : lines) b.append("  ").append(l).append('\n');
            b.append("  ").append(body).append("\n})");
        }
        return new Sq(b.toString(), ATOM, true, false);
    }

    // ----------------------------------------------------------------------------------------------- the levers

    /** The last effect of an enabled lever that matches (the engine's rule for replacements), or null. */
    private LeverEffect winner(Predicate<LeverEffect> p) {
        LeverEffect w = null;
        for (Lever l : sc.levers()) {
            if (!l.enabled()) continue;
            for (LeverEffect e : l.effects()) if (p.test(e)) w = e;
        }
        return w;
    }

    private String quantity(LineItem it) {
        LeverEffect e = winner(x -> it.id().equals(x.item()) && x.quantity() != null);
        return e != null ? e.quantity() : it.quantity();
    }

    private Double fixed(LineItem it) {
        LeverEffect e = winner(x -> it.id().equals(x.item()) && x.fixedMonthly() != null);
        return e != null ? e.fixedMonthly() : it.fixedMonthly();
    }

    private String unitPrice(String id, String own, boolean pool) {
        LeverEffect e = winner(x -> id.equals(pool ? x.pool() : x.item()) && x.unitPrice() != null);
        return e != null ? e.unitPrice() : own;
    }

    private String freeAllowance(String id, String own, boolean pool) {
        LeverEffect e = winner(x -> id.equals(pool ? x.pool() : x.item()) && x.freeAllowance() != null);
        return e != null ? e.freeAllowance() : own;
    }

    private List<Tier> tiers(String id, List<Tier> own, boolean pool) {
        LeverEffect e = winner(x -> id.equals(pool ? x.pool() : x.item()) && x.tiers() != null);
        return e != null ? e.tiers() : own;
    }

    /** The factors of the enabled levers on the item or its category, in lever order. */
    private List<Double> factors(LineItem it) {
        List<Double> f = new ArrayList<>();
        for (Lever l : sc.levers()) {
            if (!l.enabled()) continue;
            for (LeverEffect e : l.effects()) {
                if (e.factor() == null) continue;
                if (it.id().equals(e.item()) || (e.category() != null && e.category().equals(it.category()))) f.add(e.factor());
            }
        }
        return f;
    }

    private LineItem item(String id) {
        return sc.items().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no item " + id));
    }

    // ------------------------------------------------------------------------------------------------- formulas

    private Expr parse(String formula) {
        return parsed.computeIfAbsent(formula, f -> {
            try {
                return Parser.parse(f);
            } catch (FormulaException e) {
                throw new IllegalStateException("a compiled scenario's formula does not parse: " + f, e);
            }
        });
    }

    /** The model names a formula reads (spend's categories included). */
    private static void names(Expr e, List<String> into) {
        if (e instanceof Expr.Name n) into.add(n.name());
        for (Expr c : e.children()) names(c, into);
    }

    private String sqName(String id) {
        String n = names.get(id);
        if (n == null) throw new UnsupportedOperationException("the name '" + id + "'");
        return n;
    }

    private boolean uncertain(Expr e) {
        if (e instanceof Expr.Name n) return uncertain.contains(sqName(n.name()));
        for (Expr c : e.children()) if (uncertain(c)) return true;
        return false;
    }

    /** Whether a formula is 0 or more (or not a number) whatever its uncertain inputs are, by the signs of its parts. */
    private boolean nonneg(Expr e) {
        if (e instanceof Expr.Num n) return n.value() >= 0;
        if (e instanceof Expr.Name n) return nonneg.contains(sqName(n.name()));
        if (e instanceof Expr.Unary u) return u.op() == '+' && nonneg(u.operand());
        if (e instanceof Expr.Chain c) {
            if (c.ops().contains("-")) return false;
            return c.operands().stream().allMatch(this::nonneg);
        }
        if (e instanceof Expr.Binary b) return COMPARISONS.contains(b.op()) || nonneg(b.left());
        Expr.Call c = (Expr.Call) e;
        List<Expr> a = c.args();
        return switch (c.name()) {
            case "min", "spend", "ceil", "floor", "round" -> (c.name().equals("round") ? a.subList(0, 1) : a)
                    .stream().allMatch(this::nonneg);
            case "max" -> a.stream().anyMatch(this::nonneg);
            case "abs", "sqrt", "exp", "and", "or", "not" -> true;
            case "if" -> nonneg(a.get(1)) && nonneg(a.get(2));
            case "step", "interp" -> {
                boolean all = true;
                for (int k = 2; k < a.size(); k += 2) all &= nonneg(a.get(k));
                yield all;
            }
            default -> false;
        };
    }

    /**
     * A formula where uncertain names are sample sets: sample-wise arithmetic stays vectorised; what Squiggle does not
     * define on sample sets runs per sample ({@link #lift}).
     */
    private Sq dist(Expr e) {
        if (!uncertain(e)) return scalar(e);
        boolean nn = nonneg(e);
        if (e instanceof Expr.Name n) {
            return new Sq(sqName(n.name()), ATOM, true, nn);
        }
        if (e instanceof Expr.Unary u) {
            return u.op() == '+' ? dist(u.operand()) : negate(dist(u.operand()), nn);
        }
        if (e instanceof Expr.Chain c) {
            List<Sq> ops = new ArrayList<>();
            for (Expr x : c.operands()) ops.add(dist(x));
            return chain(c, ops, nn);
        }
        if (e instanceof Expr.Binary b && b.op().equals("^")) {
            return power(dist(b.left()), dist(b.right()), nn);
        }
        if (e instanceof Expr.Call c) {
            List<Expr> a = c.args();
            switch (c.name()) {
                case "spend" -> {
                    return spend(c, nn);
                }
                case "if" -> {
                    if (!uncertain(a.get(0))) {
                        List<Sq> branches = sampleSets(List.of(dist(a.get(1)), dist(a.get(2))));
                        return new Sq("if " + bool(a.get(0)) + " then " + wrap(branches.get(0), ADD) + " else "
                                + branches.get(1).text(), IF, true, nn);
                    }
                }
                case "step", "interp" -> {
                    boolean keyed = !uncertain(a.get(0));
                    for (int k = 1; k < a.size(); k += 2) keyed &= !uncertain(a.get(k));
                    if (keyed) {
                        List<Sq> values = new ArrayList<>();
                        for (int k = 2; k < a.size(); k += 2) values.add(dist(a.get(k)));
                        return table(c, sampleSets(values), nn);
                    }
                }
                default -> {
                }
            }
        }
        // comparisons, and functions of uncertain arguments: per sample
        List<String> params = new ArrayList<>();
        collectUncertain(e, params);
        Sq body = scalar(e);
        Sq l = lift(params, List.of(), body.text());
        return new Sq(l.text(), ATOM, true, nn);
    }

    /** Branches of which some are sample sets: the numbers among them made sample sets too (a value keeps one type). */
    private List<Sq> sampleSets(List<Sq> values) {
        if (values.stream().noneMatch(Sq::uncertain)) return values;
        return values.stream().map(v -> v.uncertain() ? v
                : new Sq("SampleSet.fromNumber(" + v.text() + ")", ATOM, true, v.nonneg())).toList();
    }

    private void collectUncertain(Expr e, List<String> into) {
        if (e instanceof Expr.Name n) {
            String s = sqName(n.name());
            if (uncertain.contains(s) && !into.contains(s)) into.add(s);
        }
        for (Expr c : e.children()) collectUncertain(c, into);
    }

    /** A formula over numbers (every name a number: at the top level when none is uncertain, or inside a map). */
    private Sq scalar(Expr e) {
        boolean nn = nonneg(e);
        if (e instanceof Expr.Num n) return new Sq(num(n.value()), ATOM, false, nn);
        if (e instanceof Expr.Name n) {
            String s = sqName(n.name());
            return new Sq(s, ATOM, uncertain.contains(s), nn);
        }
        if (e instanceof Expr.Unary u) return u.op() == '+' ? scalar(u.operand()) : negate(scalar(u.operand()), nn);
        if (e instanceof Expr.Chain c) {
            List<Sq> ops = new ArrayList<>();
            for (Expr x : c.operands()) ops.add(scalar(x));
            return chain(c, ops, nn);
        }
        if (e instanceof Expr.Binary b) {
            if (b.op().equals("^")) return power(scalar(b.left()), scalar(b.right()), nn);
            return new Sq("if " + bool(e) + " then 1 else 0", IF, false, true);
        }
        Expr.Call c = (Expr.Call) e;
        List<Expr> a = c.args();
        List<Sq> args = new ArrayList<>();
        switch (c.name()) {
            case "if" -> {
                return new Sq("if " + bool(a.get(0)) + " then " + wrap(scalar(a.get(1)), ADD) + " else "
                        + scalar(a.get(2)).text(), IF, false, nn);
            }
            case "and", "or", "not" -> {
                return new Sq("if " + bool(e) + " then 1 else 0", IF, false, true);
            }
            case "spend" -> {
                return spend(c, nn);
            }
            case "step", "interp" -> {
                List<Sq> values = new ArrayList<>();
                for (int k = 2; k < a.size(); k += 2) values.add(scalar(a.get(k)));
                return table(c, values, nn);
            }
            default -> {
            }
        }
        for (Expr x : a) args.add(scalar(x));
        switch (c.name()) {
            case "min", "max" -> {
                if (args.size() == 1) return args.get(0);
                String list = String.join(", ", args.stream().map(x -> wrap(x, OR)).toList());
                return new Sq(c.name() + (args.size() == 2 ? "(" + list + ")" : "([" + list + "])"), ATOM, false, nn);
            }
            case "ceil", "floor", "abs", "exp" -> {
                return new Sq(c.name() + "(" + wrap(args.get(0), OR) + ")", ATOM, false, nn);
            }
            case "sqrt" -> {
                return new Sq("Math.sqrt(" + wrap(args.get(0), OR) + ")", ATOM, false, nn);
            }
            case "log" -> {
                String ln = "log(" + wrap(args.get(0), OR) + ")";
                if (args.size() == 1) return new Sq(ln, ATOM, false, nn);
                return new Sq(ln + " / log(" + wrap(args.get(1), OR) + ")", MUL, false, nn);
            }
            case "round" -> {
                if (roundName == null) roundName = fresh("roundHalfAway");
                String digits = args.size() == 1 ? "0" : wrap(args.get(1), OR);
                return new Sq(roundName + "(" + wrap(args.get(0), OR) + ", " + digits + ")", ATOM, false, nn);
            }
            default -> throw new UnsupportedOperationException("the function " + c.name() + "()");
        }
    }

    /** A formula as a Squiggle condition (a boolean): comparisons as they are, and/or/not as &&, ||, !, else x != 0. */
    private String bool(Expr e) {
        return boolSq(e).text();
    }

    private Sq boolSq(Expr e) {
        if (e instanceof Expr.Binary b && COMPARISONS.contains(b.op())) {
            Sq l = scalar(b.left());
            Sq r = scalar(b.right());
            return new Sq(wrap(l, ADD) + " " + b.op() + " " + wrap(r, ADD), CMP, false, true);
        }
        if (e instanceof Expr.Call c && (c.name().equals("and") || c.name().equals("or"))) {
            boolean and = c.name().equals("and");
            List<String> parts = new ArrayList<>();
            for (Expr x : c.args()) parts.add(wrap(boolSq(x), and ? CMP : AND));
            return new Sq(String.join(and ? " && " : " || ", parts), and ? AND : OR, false, true);
        }
        if (e instanceof Expr.Call c && c.name().equals("not")) {
            return new Sq("!" + wrap(boolSq(c.args().get(0)), ATOM), UNARY, false, true);
        }
        return new Sq(wrap(scalar(e), ADD) + " != 0", CMP, false, true);
    }

    private Sq spend(Expr.Call c, boolean nn) {
        List<String> ids = new ArrayList<>();
        for (Expr x : c.args()) ids.add(((Expr.Name) x).name());
        Sq s = sum(ids);
        return new Sq(s.text(), s.prec(), s.uncertain(), nn);
    }

    private static Sq negate(Sq x, boolean nn) {
        // Squiggle's unary minus binds tighter than ^ (-2 ^ 2 is 4 there, -4 in Costscope): a power is parenthesised
        return new Sq("-" + wrap(x, ATOM), UNARY, x.uncertain(), nn);
    }

    private static Sq power(Sq base, Sq exponent, boolean nn) {
        return new Sq(wrap(base, ATOM) + " ^ " + wrap(exponent, ATOM), POW, base.uncertain() || exponent.uncertain(), nn);
    }

    private static Sq chain(Expr.Chain c, List<Sq> ops, boolean nn) {
        int prec = c.ops().get(0).equals("+") || c.ops().get(0).equals("-") ? ADD : MUL;
        StringBuilder b = new StringBuilder(wrap(ops.get(0), prec));
        boolean unc = ops.get(0).uncertain();
        for (int k = 1; k < ops.size(); k++) {
            Sq x = ops.get(k);
            // a later operand of the same precedence, or a negation, is parenthesised: a - (b - c), a * (-b)
            b.append(' ').append(c.ops().get(k - 1)).append(' ').append(x.prec() <= prec || x.prec() == UNARY
                    ? "(" + x.text() + ")" : x.text());
            unc |= x.uncertain();
        }
        return new Sq(b.toString(), prec, unc, nn);
    }

    /**
     * step() as nested ifs from the highest threshold down (v1 below t2, whether or not x reaches t1); interp() as the
     * engine's linear interpolation, flat beyond the ends. The key x is bound once when it is not an atom.
     */
    private Sq table(Expr.Call c, List<Sq> values, boolean nn) {
        List<Expr> a = c.args();
        if (a.size() == 3) {
            // one pair: its value whatever x is
            Sq only = values.get(0);
            return new Sq(only.text(), only.prec(), only.uncertain(), nn);
        }
        Sq x = scalar(a.get(0));
        String pre = "";
        String key = x.text();
        if (!x.simple()) {
            key = fresh("step_key");
            pre = key + " = " + x.text() + "; ";
        }
        List<String> t = new ArrayList<>();
        for (int k = 1; k < a.size(); k += 2) t.add(wrap(scalar(a.get(k)), ADD));
        List<String> v = values.stream().map(y -> wrap(y, ADD)).toList();
        int n = t.size();
        boolean unc = values.stream().anyMatch(Sq::uncertain);
        String text;
        if (c.name().equals("step")) {
            StringBuilder b = new StringBuilder();
            for (int k = n - 1; k >= 1; k--) b.append("if ").append(key).append(" >= ").append(t.get(k)).append(" then ").append(v.get(k)).append(" else ");
            b.append(values.get(0).text());
            text = b.toString();
        } else {
            StringBuilder b = new StringBuilder();
            b.append("if ").append(key).append(" <= ").append(t.get(0)).append(" then ").append(v.get(0)).append(" else ");
            if (n > 1) {
                b.append("if ").append(key).append(" >= ").append(t.get(n - 1)).append(" then ").append(v.get(n - 1)).append(" else ");
                List<String> va = values.stream().map(y -> wrap(y, ATOM)).toList();
                List<String> ta = new ArrayList<>();
                for (int k = 1; k < a.size(); k += 2) ta.add(wrap(scalar(a.get(k)), ATOM));
                for (int k = 0; k < n - 1; k++) {
                    // the engine's ys[lo] + (ys[hi] - ys[lo]) * (x - xs[lo]) / (xs[hi] - xs[lo])
                    String seg = va.get(k) + " + (" + va.get(k + 1) + " - " + va.get(k) + ") * (" + key + " - " + ta.get(k)
                            + ") / (" + ta.get(k + 1) + " - " + ta.get(k) + ")";
                    if (k < n - 2) b.append("if ").append(key).append(" < ").append(t.get(k + 1)).append(" then ").append(seg).append(" else ");
                    else b.append(seg);
                }
            }
            text = b.toString();
        }
        return pre.isEmpty() ? new Sq(text, IF, unc, nn) : new Sq("{ " + pre + text + " }", IF, unc, nn);
    }

    private static String wrap(Sq x, int min) {
        return wrap(x.text(), x.prec(), min);
    }

    private static String wrap(String text, int prec, int min) {
        return prec < min ? "(" + text + ")" : text;
    }

    /** A number as Squiggle reads it back to the same double: whole numbers plainly, others in Java's shortest form. */
    static String num(double d) {
        if (Double.isNaN(d)) return "(0 / 0)";
        if (Double.isInfinite(d)) return d > 0 ? "(1 / 0)" : "(-1 / 0)";
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return Double.toString(d).toLowerCase(Locale.ROOT);
    }
}
