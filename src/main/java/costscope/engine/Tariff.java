package costscope.engine;

import costscope.formula.Block;
import costscope.formula.Columnar;
import costscope.formula.Compiler;

import costscope.formula.Fn;
import costscope.model.Place;
import costscope.model.Problem.Code;
import costscope.model.Tier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How a quantity is charged, the one definition shared by a line item ({@link ItemPricing}) and a pool
 * ({@link PoolPricing}), in this order:
 * <ol>
 * <li>billable = max(0, quantity - free allowance) (the last enabled lever's allowance, if one replaces it);</li>
 * <li>with an increment, billable rounded up to a multiple of it ({@link #roundUp}): the quantity priced;</li>
 * <li>tiers (the last enabled lever's table, if one replaces it), counted on the quantity priced: graduated (each part
 * at its tier's price) or volume (all of it at the price of the tier it falls in), over per; or a flat unit price (the
 * last enabled lever's, if any): quantity priced x price / per.</li>
 * </ol>
 */
final class Tariff {
    /** A compiled tier table: ascending bounds (the last +infinity) and each tier's price. */
    record Table(double[] upTo, Fn[] price) {
    }

    /** What one charge did, recorded only when asked (for Details). */
    static final class Trace {
        Double free;
        PricingSteps.LeverStep freeBy;
        double billable;
        Double increment;
        double rounded;
        double unitPrice;
        PricingSteps.LeverStep priceBy;
        PricingSteps.LeverStep tiersBy;
        boolean tiered;
        int volumeTier = -1;
        double[] bounds = new double[0];
        final List<PricingSteps.TierPart> parts = new ArrayList<>();
    }

    private final Fn free;
    private final LeverOverrides.Override[] freeBy;
    private final Fn increment;
    private final Fn unitPrice;
    private final LeverOverrides.Override[] priceBy;
    private final Table tiers;
    private final LeverOverrides.Override[] tiersBy;
    private final boolean volume;
    private final double per;

    /**
     * @param unitPrice the flat price, or null when {@code tiers} is given
     * @param tiers     the tier table, or null for a flat price
     */
    Tariff(Fn free, LeverOverrides.Override[] freeBy, Fn increment, Fn unitPrice, LeverOverrides.Override[] priceBy,
           Table tiers, LeverOverrides.Override[] tiersBy, boolean volume, double per) {
        this.free = free;
        this.freeBy = freeBy;
        this.increment = increment;
        this.unitPrice = unitPrice;
        this.priceBy = priceBy;
        this.tiers = tiers;
        this.tiersBy = tiersBy;
        this.volume = volume;
        this.per = per;
    }

    double per() {
        return per;
    }

    /**
     * The charge for quantity {@code q}; writes the billable quantity and the effective unit price (for tiers, the
     * average price per unit; the first tier's when nothing is billable) to their slots, and records each step in
     * {@code t} when it is not null.
     */
    double price(double[] s, double q, int billableSlot, int unitSlot, Trace t) {
        // the common case (no lever replaces the allowance, the price or the tiers) reads its fields directly, and
        // recording for Details is a call of its own: the path every evaluation takes stays small enough to inline
        double f = freeBy.length == 0 ? (free == null ? 0 : free.eval(s)) : freeAllowance(s);
        double billable = q - f;
        if (billable < 0) billable = 0;
        double rounded = increment == null ? billable : roundUp(billable, increment.eval(s));
        Table table = tiersBy.length == 0 ? tiers : tableAt(s);
        double priced;
        double unit;
        if (table == null) {
            unit = priceBy.length == 0 ? unitPrice.eval(s) : unitPriceAt(s);
            priced = rounded * unit / per;
        } else {
            priced = volume ? volume(s, table, rounded, t) : graduated(s, table, rounded, t == null ? null : t.parts);
            unit = tieredUnit(s, table, priced, rounded);
        }
        s[billableSlot] = billable;
        s[unitSlot] = unit;
        if (t != null) record(t, s, f, billable, rounded, unit, table);
        return priced;
    }

    /** The effective unit price of a tiered charge: the average per unit; the first tier's when nothing is billable. */
    private double tieredUnit(double[] s, Table table, double priced, double rounded) {
        return rounded > 0 ? priced * per / rounded : rounded == 0 ? table.price()[0].eval(s) : Double.NaN;
    }

    /**
     * A charge over a block of samples: from each sample's quantity, its billable quantity, effective unit price and
     * price ({@link #columns}).
     */
    interface Charge {
        void run(Block b, double[] quantity, double[] billable, double[] unit, double[] priced);
    }

    /**
     * The columnar form of {@link #price}: the same rules on each sample, the levers' choices (allowance, price,
     * tiers) made once from {@code base}. Null when a formula has no columnar form or a tier's price is not a constant.
     */
    Charge columns(double[] base) {
        Fn freeFn = freeFormula(base);
        Columnar fc = freeFn == null ? null : Compiler.columnar(freeFn);
        Columnar ic = increment == null ? null : Compiler.columnar(increment);
        Table table = tableAt(base);
        Columnar uc = null;
        if (table == null) {
            uc = Compiler.columnar(unitPriceFormula(base));
            if (uc == null) return null;
        } else {
            for (Fn p : table.price()) if (!Compiler.isConstant(p)) return null;
        }
        if ((freeFn != null && fc == null) || (increment != null && ic == null)) return null;
        Columnar unitColumn = uc;
        return (b, q, billable, unit, priced) -> {
            int n = b.size();
            int m = b.mark();
            double[] f = fc == null ? null : fc.eval(b);
            double[] inc = ic == null ? null : ic.eval(b);
            double[] u = unitColumn == null ? null : unitColumn.eval(b);
            for (int i = 0; i < n; i++) {
                double bl = q[i] - (f == null ? 0 : f[i]);
                if (bl < 0) bl = 0;
                double rounded = inc == null ? bl : roundUp(bl, inc[i]);
                double p;
                double un;
                if (table == null) {
                    un = u[i];
                    p = rounded * un / per;
                } else {
                    // the tiers' prices are constants: their closures read no slot
                    p = volume ? volume(null, table, rounded, null) : graduated(null, table, rounded, null);
                    un = tieredUnit(null, table, p, rounded);
                }
                billable[i] = bl;
                unit[i] = un;
                priced[i] = p;
            }
            b.release(m);
        };
    }

    private double freeAllowance(double[] s) {
        Fn f = freeFormula(s);
        return f != null ? f.eval(s) : 0;
    }

    /** The free allowance's formula: the last enabled lever's that replaces it, else the charge's own (null: none). */
    private Fn freeFormula(double[] s) {
        LeverOverrides.Override o = LeverOverrides.winner(freeBy, s);
        return o != null ? o.fn() : free;
    }

    private Table tableAt(double[] s) {
        LeverOverrides.Override o = LeverOverrides.winner(tiersBy, s);
        return o != null ? o.table() : tiers;
    }

    private double unitPriceAt(double[] s) {
        return unitPriceFormula(s).eval(s);
    }

    /** The flat unit price's formula: the last enabled lever's that replaces it, else the charge's own. */
    private Fn unitPriceFormula(double[] s) {
        LeverOverrides.Override o = LeverOverrides.winner(priceBy, s);
        return o != null ? o.fn() : unitPrice;
    }

    /** All of it at the price of the tier it falls in. */
    private double volume(double[] s, Table table, double rounded, Trace t) {
        double[] upTo = table.upTo();
        int k = 0;
        while (k < upTo.length - 1 && rounded > upTo[k]) k++;
        double p = table.price()[k].eval(s);
        if (t != null) {
            t.volumeTier = k;
            t.parts.add(new PricingSteps.TierPart(k, rounded, p));
        }
        return rounded * p / per;
    }

    /** What the charge did, for Details: the values computed, and which lever's replacement (if any) gave each. */
    private void record(Trace t, double[] s, double f, double billable, double rounded, double unit, Table table) {
        LeverOverrides.Override fo = LeverOverrides.winner(freeBy, s);
        LeverOverrides.Override po = table == null ? LeverOverrides.winner(priceBy, s) : null;
        LeverOverrides.Override to = LeverOverrides.winner(tiersBy, s);
        t.free = free != null || fo != null ? f : null;
        t.freeBy = step(fo, f);
        t.billable = billable;
        t.increment = increment == null ? null : increment.eval(s);
        t.rounded = rounded;
        t.unitPrice = unit;
        t.priceBy = step(po, unit);
        t.tiersBy = to == null ? null : new PricingSteps.LeverStep(to.lever(), to.effect(), Double.NaN, Double.NaN);
        t.tiered = table != null;
        t.bounds = table == null ? new double[0] : table.upTo().clone();
    }

    static PricingSteps.LeverStep step(LeverOverrides.Override o, double value) {
        return o == null ? null : new PricingSteps.LeverStep(o.lever(), o.effect(), o.fn() == null ? o.value() : value, value);
    }

    /**
     * {@code billable} rounded up to a multiple of {@code increment}: 500,000 in units of 1,000,000 is 1,000,000; an
     * exact multiple stays (a quotient within 1e-9 of a whole number counts as whole, so 0.3 in units of 0.1 is 0.3,
     * not 0.4). Not a number when the increment is not above zero (or not a number).
     */
    static double roundUp(double billable, double increment) {
        if (!(increment > 0) || billable != billable) return Double.NaN;
        double k = billable / increment;
        double whole = Math.rint(k);
        if (Math.abs(k - whole) <= 1e-9 * Math.max(1, Math.abs(k))) k = whole;
        return Math.ceil(k) * increment;
    }

    /** Each part of the billable quantity at its tier's price. */
    private double graduated(double[] s, Table table, double billable, List<PricingSteps.TierPart> parts) {
        if (billable != billable) return Double.NaN;   // not a number: no tier can be chosen
        double[] upTo = table.upTo();
        Fn[] tierPrice = table.price();
        double priced = 0;
        double lower = 0;
        for (int k = 0; k < upTo.length && billable > lower; k++) {
            double hi = k == upTo.length - 1 ? billable : Math.min(billable, upTo[k]);
            double p = tierPrice[k].eval(s);
            priced += (hi - lower) * p / per;
            if (parts != null) parts.add(new PricingSteps.TierPart(k, hi - lower, p));
            lower = hi;
        }
        return priced;
    }

    /**
     * The tiers of an item, pool or lever effect compiled, each price's names added to {@code names}; null when a
     * price has a problem (every problem reported with its place, bounds that do not ascend among them).
     */
    static Table table(List<Tier> tiers, Place owner, Formulas formulas, Checker check, Collection<String> names) {
        double[] upTo = new double[tiers.size()];
        Fn[] price = new Fn[tiers.size()];
        boolean ok = !tiers.isEmpty();
        if (tiers.isEmpty()) check.add(owner.field("tiers"), Code.MISSING, "give at least one tier");
        for (int t = 0; t < tiers.size(); t++) {
            Tier tier = tiers.get(t);
            Place tw = owner.row("tiers", t);
            if (tier.unitPrice() == null) {
                check.add(tw.field("unitPrice"), Code.MISSING, "missing formula");
                ok = false;
            } else {
                Formulas.Compiled c = formulas.at(tw.field("unitPrice"));
                c.problems().forEach(check::add);
                names.addAll(c.names());
                price[t] = c.fn();
                ok &= price[t] != null;
            }
            if (tier.upTo() == null && t < tiers.size() - 1) check.add(tw, Code.MISSING, "only the last tier may omit upTo");
            upTo[t] = tier.upTo() == null ? Double.POSITIVE_INFINITY : tier.upTo();
            if (t > 0 && upTo[t] <= upTo[t - 1]) {
                check.add(tw.field("upTo"), Code.RANGE, "tiers must ascend: upTo " + tier.upTo() + " is not above the previous tier's");
            }
        }
        return ok ? new Table(upTo, price) : null;
    }
}
