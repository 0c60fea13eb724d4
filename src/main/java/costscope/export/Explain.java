package costscope.export;

import costscope.engine.Metric;
import costscope.engine.PricingSteps;
import costscope.engine.Results;
import costscope.formula.Compiler;
import costscope.formula.Expr;
import costscope.formula.FormulaException;
import costscope.formula.Parser;
import costscope.model.Billing;
import costscope.model.Category;
import costscope.model.FigureFormat;
import costscope.model.Lever;
import costscope.model.LeverEffect;
import costscope.model.LineItem;
import costscope.model.Pool;
import costscope.model.Scenario;
import costscope.model.Variable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The arithmetic of one line item as text, with the item's actual values: its quantity formula with every name's
 * value substituted, the free allowance, the tiers, the unit price and what it is per, the hours, the lever effects
 * that are on, a report's fixed figure, and the monthly cost. For example
 * <pre>
 * Quantity: concurrent_users x sonnet_input_tokens = 1,000 x 150,000 = 150,000,000 tokens
 * Price: 150,000,000 tokens x $3.00 / 1M tokens = $450.00
 * = $450.00 / month
 * </pre>
 * It follows the engine's order (quantity, free allowance, tiers or unit price, hours, fixed figure, lever factors)
 * and reads every value from the {@link Results}, so the last line is exactly the item's monthly cost.
 */
public final class Explain {
    /** Variables shown under the quantity, at most. */
    private static final int MAX_WHERE = 8;

    private Explain() {
    }

    /** The explanation as one text, a line per step. */
    public static String text(Results r, String itemId) {
        return String.join("\n", lines(r, itemId));
    }

    /** The explanation, a line per step; the last line is "= $X / month". */
    public static List<String> lines(Results r, String itemId) {
        Results.ItemResult ir = r.item(itemId);
        PricingSteps p = r.pricing(itemId);
        Scenario sc = r.compiled().scenario();
        LineItem it = sc.items().stream().filter(i -> i.id().equals(itemId)).findFirst().orElseThrow();
        String cur = sc.currency();
        List<String> out = new ArrayList<>();
        String qUnit = unitSuffix(it.quantityUnit());

        // quantity: the item's formula, or the lever effect's that replaced it
        LeverEffect qBy = effect(sc, p.quantityBy());
        String qFormula = qBy != null ? qBy.quantity() : it.quantity();
        out.add("Quantity" + by(sc, p.quantityBy()) + ": " + formulaLine(r, qFormula, Formats.number(p.quantity()) + qUnit));
        for (String w : where(r, qFormula)) out.add("  " + w);

        Pool pool = p.pool() == null ? null : sc.pools().get(p.pool().pool());
        String priceUnit = priceUnit(sc, it);
        String perText = priceUnit.isEmpty() ? "" : " / " + priceUnit;
        if (pool != null) {
            out.add("Pool " + pool.label() + ": its " + pool.items().size() + " items together = "
                    + Formats.number(p.pool().quantity()) + qUnit);
        }
        double charged = pool != null ? p.pool().quantity() : p.quantity();
        if (p.free() != null) {
            out.add("Free allowance" + by(sc, p.freeBy()) + ": " + Formats.number(charged) + " - " + Formats.number(p.free())
                    + " free = " + Formats.number(p.billable()) + qUnit + " billable");
        }
        if (p.increment() != null) {
            out.add("Increment: " + Formats.number(p.billable()) + qUnit + (p.free() != null ? " billable" : "") + " rounded up to a multiple of "
                    + Formats.number(p.increment()) + " = " + Formats.number(p.rounded()) + qUnit + " billed");
        }
        String hoursText = p.hours() == null ? "" : " x " + Formats.number(p.hours()) + " h";
        if (!p.tiered()) {
            LeverEffect pBy = effect(sc, p.priceBy());
            String pFormula = pBy != null ? pBy.unitPrice() : pool != null ? pool.unitPrice() : it.unitPrice();
            if (pBy != null || !isNumber(pFormula)) {
                out.add("Unit price" + by(sc, p.priceBy()) + ": " + formulaLine(r, pFormula, price(p.unitPrice(), cur)));
            }
            out.add("Price: " + Formats.number(p.rounded()) + qUnit + " x " + price(p.unitPrice(), cur)
                    + perText + hoursText + " = " + Formats.money(pool != null ? p.beforeHours() : p.beforeMinimum(), cur));
        } else {
            out.add(tiers(sc, p, cur));
            if (p.hours() != null) {
                out.add("Hours: " + Formats.money(p.beforeHours(), cur) + hoursText + " = " + Formats.money(p.beforeMinimum(), cur));
            }
        }
        if (pool != null) {
            out.add("Share: " + Formats.number(p.quantity()) + " / " + Formats.number(p.pool().quantity()) + " = "
                    + Formats.percent(p.pool().share()) + " of " + Formats.money(p.pool().cost(), cur) + " = "
                    + Formats.money(p.pool().allocated(), cur));
        }
        if (p.minimum() != null) {
            out.add(p.minimumApplied()
                    ? "Minimum: " + Formats.money(p.minimum(), cur) + " a month applies (the usage comes to " + Formats.money(p.beforeMinimum(), cur) + ")"
                    : "Minimum " + Formats.money(p.minimum(), cur) + " a month: " + (p.quantity() > 0 ? "not reached" : "does not apply without usage"));
        }

        // a report's figure, a lever's fixed figure, then lever factors in lever order
        if (p.reportFigure() != null) {
            out.add("Report figure " + Formats.money(p.reportFigure(), cur) + "; from its inputs " + Formats.money(p.priced(), cur));
        }
        if (p.fixedBy() != null) {
            out.add("Lever: fixed at " + Formats.money(p.fixedBy().value(), cur) + " (" + lever(sc, p.fixedBy()).label() + ")");
        }
        for (PricingSteps.LeverStep f : p.factors()) {
            out.add("Lever: x " + Formats.number(f.value()) + " (" + lever(sc, f).label() + ") = " + Formats.money(f.monthlyAfter(), cur));
        }
        if (p.upfront() != null) {
            LeverEffect uBy = effect(sc, p.upfrontBy());
            String uFormula = uBy != null ? uBy.upfront() : it.upfront();
            String paid = Formats.money(p.upfront(), cur);
            out.add("Upfront" + by(sc, p.upfrontBy()) + ": " + (isNumber(uFormula) ? paid : formulaLine(r, uFormula, paid))
                    + " once, over " + p.termMonths() + " months = " + Formats.money(p.upfront() / p.termMonths(), cur)
                    + " a month amortized");
        }
        out.add("= " + Formats.money(ir.monthly(), cur) + " / month");
        return out;
    }

    private static Lever lever(Scenario sc, PricingSteps.LeverStep step) {
        return sc.levers().get(step.lever());
    }

    private static LeverEffect effect(Scenario sc, PricingSteps.LeverStep step) {
        return step == null ? null : lever(sc, step).effects().get(step.effect());
    }

    /** " (Lever label)" when a lever's effect gave the value, else "". */
    private static String by(Scenario sc, PricingSteps.LeverStep step) {
        return step == null ? "" : " (" + lever(sc, step).label() + ")";
    }

    /** Graduated: each part at its tier's price; volume: all of it at the price of the tier it falls in. */
    private static String tiers(Scenario sc, PricingSteps p, String cur) {
        List<Double> bounds = p.bounds();
        String per = perShort(p.per());
        String perText = per.isEmpty() ? "" : " / " + per;
        String name = "Tiers" + by(sc, p.tiersBy());
        if (p.volumeTier() >= 0) {
            int t = p.volumeTier();
            String range = t == 0 ? (bounds.size() == 1 ? "" : "up to " + Formats.number(bounds.get(0)))
                    : "above " + Formats.number(bounds.get(t - 1));
            return "Volume tier " + (t + 1) + (range.isEmpty() ? "" : " (" + range + ")") + by(sc, p.tiersBy()) + ": "
                    + Formats.number(p.rounded()) + " x " + price(p.parts().get(0).unitPrice(), cur) + perText + " = "
                    + Formats.money(p.beforeHours(), cur);
        }
        List<String> parts = new ArrayList<>();
        for (PricingSteps.TierPart part : p.parts()) {
            parts.add(Formats.number(part.amount()) + " x " + price(part.unitPrice(), cur) + perText);
        }
        if (parts.isEmpty()) parts.add(Formats.number(p.rounded()) + " x " + price(p.unitPrice(), cur) + perText);
        return name + ": " + String.join(" + ", parts) + " = " + Formats.money(p.beforeHours(), cur);
    }

    /** "formula = substituted = result", shortened when a part says nothing new. */
    private static String formulaLine(Results r, String formula, String result) {
        Expr e;
        try {
            e = Parser.parse(formula);
        } catch (FormulaException x) {
            return formula + " = " + result;
        }
        Scenario sc = r.compiled().scenario();
        String symbolic = render(e, formula, null, sc);
        if (e instanceof Expr.Num) return result;
        StringBuilder b = new StringBuilder(symbolic);
        if (arithmetic(e)) {
            String values = render(e, formula, r, sc);
            if (!values.equals(symbolic) && !(e instanceof Expr.Name)) b.append(" = ").append(values);
            b.append(" = ").append(result);
        } else {
            b.append(" = ").append(result);
            List<String> with = new ArrayList<>();
            for (String n : distinctNames(e)) with.add(n + " = " + valueOf(r, n, sc));
            if (!with.isEmpty()) b.append(", with ").append(String.join(", ", with));
        }
        return b.toString();
    }

    /**
     * The variables the formula uses, each with its own formula and values, depth first (at most
     * {@value #MAX_WHERE}); drivers and variables a lever sets say so.
     */
    private static List<String> where(Results r, String formula) {
        Scenario sc = r.compiled().scenario();
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        whereOf(r, sc, formula, seen, out);
        return out;
    }

    private static void whereOf(Results r, Scenario sc, String formula, Set<String> seen, List<String> out) {
        Expr e;
        try {
            e = Parser.parse(formula);
        } catch (FormulaException x) {
            return;
        }
        for (String n : distinctNames(e)) {
            if (out.size() >= MAX_WHERE || !seen.add(n)) continue;
            Lever setBy = r.setBy(n);
            if (setBy != null) {
                out.add(n + " = " + valueOf(r, n, sc) + " (set by " + setBy.label() + ")");
                continue;
            }
            Variable v = sc.variables().stream().filter(x -> x.id().equals(n)).findFirst().orElse(null);
            if (v == null) continue;
            out.add(n + " = " + formulaLine(r, v.formula(), valueOf(r, n, sc) + unitSuffix(v.unit())));
            whereOf(r, sc, v.formula(), seen, out);
        }
    }

    private static List<String> distinctNames(Expr e) {
        return Compiler.names(e).stream().map(Expr.Name::name).distinct().toList();
    }

    /** Only numbers, names and + - * / ^: its values can be written in place of the names unambiguously. */
    private static boolean arithmetic(Expr e) {
        if (e instanceof Expr.Call) return false;
        if (e instanceof Expr.Binary b && !b.op().equals("^")) return false;
        return e.children().stream().allMatch(Explain::arithmetic);
    }

    private static boolean isNumber(String formula) {
        try {
            return Parser.parse(formula) instanceof Expr.Num;
        } catch (FormulaException e) {
            return false;
        }
    }

    /** A name's value: money for items, categories and money metrics, a plain number otherwise. */
    private static String valueOf(Results r, String name, Scenario sc) {
        double v = r.value(name);
        Metric m = Metric.named(name);
        boolean money = sc.items().stream().anyMatch(i -> i.id().equals(name))
                || sc.categories().stream().map(Category::id).anyMatch(name::equals)
                || m != null && m.format() == FigureFormat.CURRENCY;
        return money ? Formats.money(v, sc.currency()) : Formats.number(v);
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.Binary b) return b.op().equals("^") ? 5 : 1;
        if (e instanceof Expr.Chain c) return c.ops().get(0).equals("+") || c.ops().get(0).equals("-") ? 2 : 3;
        if (e instanceof Expr.Unary) return 4;
        return 6;
    }

    /** The formula with x for *, spaced operators and the parentheses it needs; names replaced by values when r is given. */
    private static String render(Expr e, String src, Results r, Scenario sc) {
        if (e instanceof Expr.Num n) return r == null ? src.substring(n.start(), n.end()) : Formats.number(n.value());
        if (e instanceof Expr.Name n) return r == null ? n.name() : valueOf(r, n.name(), sc);
        if (e instanceof Expr.Unary u) return u.op() + wrap(u.operand(), precedence(u.operand()) < 4, src, r, sc);
        if (e instanceof Expr.Binary b) {
            if (b.op().equals("^")) {
                return wrap(b.left(), precedence(b.left()) < 6, src, r, sc) + " ^ " + wrap(b.right(), precedence(b.right()) < 4, src, r, sc);
            }
            return render(b.left(), src, r, sc) + " " + b.op() + " " + render(b.right(), src, r, sc);
        }
        if (e instanceof Expr.Chain c) {
            int p = precedence(c);
            StringBuilder b = new StringBuilder(wrap(c.operands().get(0), precedence(c.operands().get(0)) < p, src, r, sc));
            for (int i = 0; i < c.ops().size(); i++) {
                Expr o = c.operands().get(i + 1);
                String op = c.ops().get(i).equals("*") ? "x" : c.ops().get(i);
                b.append(' ').append(op).append(' ').append(wrap(o, precedence(o) <= p, src, r, sc));
            }
            return b.toString();
        }
        Expr.Call call = (Expr.Call) e;
        List<String> args = new ArrayList<>();
        for (Expr a : call.args()) args.add(render(a, src, r, sc));
        return call.name() + "(" + String.join(", ", args) + ")";
    }

    private static String wrap(Expr e, boolean parens, String src, Results r, Scenario sc) {
        String s = render(e, src, r, sc);
        return parens ? "(" + s + ")" : s;
    }

    private static String unitSuffix(String unit) {
        return unit == null || unit.isBlank() ? "" : " " + unit;
    }

    /**
     * What a line item's unit price is quoted for, for display: its {@code priceUnit}, else its {@code per} in short
     * form with the quantity unit ("1M tokens"), else the quantity unit; empty when nothing says.
     */
    public static String priceUnit(LineItem it) {
        return priceUnit(it.priceUnit(), it.effectivePer(), it.quantityUnit(), it.effectiveBilling());
    }

    /** What an item's unit price is quoted for in a scenario: its pool's, when it is in one. */
    public static String priceUnit(Scenario sc, LineItem it) {
        Pool pool = sc.poolOf(it.id());
        return pool == null ? priceUnit(it) : priceUnit(pool.priceUnit(), pool.effectivePer(), it.quantityUnit(), Billing.MONTHLY);
    }

    /** What a price is quoted for: the given price unit, else per in short form with the quantity unit. */
    static String priceUnit(String priceUnit, double per, String quantityUnit, Billing billing) {
        if (priceUnit != null && !priceUnit.isBlank()) return priceUnit;
        String unit = quantityUnit == null ? "" : quantityUnit;
        if (billing == Billing.HOURLY) unit = unit.isEmpty() ? "hour" : unit + "-hour";
        return (perShort(per) + " " + unit).trim();
    }

    /** 1000000 as "1M", 10000 as "10K", 1 as "" (nothing to say), others with separators. */
    public static String perShort(double per) {
        if (per == 1) return "";
        if (per >= 1e9 && per % 1e9 == 0) return Formats.number(per / 1e9) + "B";
        if (per >= 1e6 && per % 1e6 == 0) return Formats.number(per / 1e6) + "M";
        if (per >= 1e3 && per % 1e3 == 0) return Formats.number(per / 1e3) + "K";
        return Formats.number(per);
    }

    /** A unit price: money as usual, and prices below a cent with four significant digits ($0.00001667). */
    public static String price(double v, String currency) {
        if (!Double.isFinite(v) || Math.abs(v) >= 0.01 || v == 0) return Formats.money(v, currency);
        String digits = new BigDecimal(Math.abs(v)).round(new MathContext(4, RoundingMode.HALF_UP))
                .stripTrailingZeros().toPlainString();
        return (v < 0 ? "-" : "") + Formats.symbol(currency) + digits;
    }
}
