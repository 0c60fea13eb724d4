package costscope.engine;

import costscope.formula.Block;
import costscope.formula.Columnar;
import costscope.formula.Compiler;
import costscope.formula.Fn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a line item is priced, the one definition of the rules, in this order:
 * <ol>
 * <li>quantity: the item's formula, or the last enabled lever's that replaces it;</li>
 * <li>the charge for it ({@link Tariff}: free allowance, increment, unit price or tiers, per); or, for an item in a
 * pool, its share of the pool's charge ({@link PoolPricing});</li>
 * <li>times the hours for hourly billing;</li>
 * <li>at least the monthly minimum when the quantity is above zero;</li>
 * <li>the monthly cost is the report's fixed figure when the item has one, else that price; an enabled lever's fixed
 * figure replaces it (the last one holds); every enabled lever's factor multiplies it (and the basis);</li>
 * <li>apart from the monthly cost, the upfront payment (the last enabled lever's that replaces it) and its term.</li>
 * </ol>
 * The compiled program runs it on every evaluation ({@link #run}); Details asks it for its steps
 * ({@link #price(double[], boolean)}) on a copy of a result's slots, so the arithmetic shown is the arithmetic
 * done.
 */
final class ItemPricing implements CompiledScenario.Step {
    private final Fn quantity;
    private final LeverOverrides.Override[] quantityBy;
    /** The item's own charge; null for an item in a pool. */
    private final Tariff tariff;
    private final Fn minimum;
    private final Fn hours;
    private final Double fixed;
    private final LeverOverrides.Override[] fixedBy;
    private final LeverOverrides.Override[] factors;
    private final Fn upfront;
    private final LeverOverrides.Override[] upfrontBy;
    private final int term;
    private final boolean hasUpfront;
    final int out;
    /** The pool the item is in, and its place among the pool's items; null when it prices itself. */
    PoolPricing pool;
    int member;

    /**
     * @param tariff  the item's charge, or null for an item in a pool
     * @param hours   the hours billed per month for an hourly item, else null
     * @param upfront the upfront payment, or null
     * @param out     the item's cost slot; its auxiliary slots follow ({@link SlotLayout#QUANTITY}...)
     */
    ItemPricing(Fn quantity, LeverOverrides.Override[] quantityBy, Tariff tariff, Fn hours, Fn minimum, Double fixed,
                LeverOverrides.Override[] fixedBy, LeverOverrides.Override[] factors, Fn upfront,
                LeverOverrides.Override[] upfrontBy, int term, int out) {
        this.quantity = quantity;
        this.quantityBy = quantityBy;
        this.tariff = tariff;
        this.hours = hours;
        this.minimum = minimum;
        this.fixed = fixed;
        this.fixedBy = fixedBy;
        this.factors = factors;
        this.upfront = upfront;
        this.upfrontBy = upfrontBy;
        this.term = term;
        this.hasUpfront = upfront != null || upfrontBy.length > 0;
        this.out = out;
    }

    @Override
    public void run(double[] s) {
        price(s, false);
    }

    /** The item's quantity (its formula, or the winning lever's), written to its slot. */
    double quantity(double[] s) {
        double q = quantityFormula(s).eval(s);
        s[out + SlotLayout.QUANTITY] = q;
        return q;
    }

    /**
     * Prices the item from the slots before it and writes its slots; with {@code trace}, returns each step it took
     * (else null, and nothing is recorded). An item in a pool is priced by its pool (which prices all its items).
     */
    PricingSteps price(double[] s, boolean trace) {
        if (pool != null) return pool.price(s, trace ? member : -1);
        double q = quantity(s);
        Tariff.Trace t = trace ? new Tariff.Trace() : null;
        double priced = tariff.price(s, q, out + SlotLayout.BILLABLE, out + SlotLayout.UNIT_PRICE, t);
        double beforeHours = priced;
        double h = hours == null ? 1 : hours.eval(s);
        if (hours != null) priced *= h;
        double beforeMinimum = priced;
        double min = minimum == null ? Double.NaN : minimum.eval(s);
        boolean minimumApplied = false;
        if (minimum != null) {
            priced = atLeast(priced, q, min);
            minimumApplied = priced == min && beforeMinimum < min;
        }
        if (!trace) {
            finish(s, priced, null);
            return null;
        }
        return finish(s, priced, new Steps(t, hours == null ? null : h, beforeHours, minimum == null ? null : min,
                minimumApplied, beforeMinimum, null));
    }

    /**
     * The monthly minimum applied to a price: at least {@code min} when the quantity is above zero; a minimum that is
     * not a number then leaves no answer.
     */
    static double atLeast(double priced, double q, double min) {
        if (!(q > 0)) return priced;
        if (min != min) return Double.NaN;
        return priced < min ? min : priced;
    }

    /**
     * The columnar form ({@link CompiledScenario.Step#columns}): the same rules as {@link #price} and {@link #finish},
     * each a loop over the block, with the levers' choices (which quantity, price, allowance, fixed figure, factors
     * and upfront payment) made once from {@code base}. Null for an item in a pool (its pool's step prices it), or one
     * with a formula that has no columnar form.
     */
    @Override
    public CompiledScenario.ColumnStep columns(double[] base) {
        if (pool != null) return null;
        Columnar q = quantityColumns(base);
        Tariff.Charge charge = tariff.columns(base);
        Columnar h = hours == null ? null : Compiler.columnar(hours);
        Columnar min = minimum == null ? null : Compiler.columnar(minimum);
        Finish finish = finishColumns(base);
        if (q == null || charge == null || (hours != null && h == null) || (minimum != null && min == null) || finish == null) {
            return null;
        }
        return b -> {
            int n = b.size();
            int m = b.mark();
            double[] qs = b.write(out + SlotLayout.QUANTITY);
            System.arraycopy(q.eval(b), 0, qs, 0, n);
            b.release(m);
            double[] priced = b.temp();
            charge.run(b, qs, b.write(out + SlotLayout.BILLABLE), b.write(out + SlotLayout.UNIT_PRICE), priced);
            if (h != null) {
                double[] hv = h.eval(b);
                for (int i = 0; i < n; i++) priced[i] *= hv[i];
            }
            if (min != null) {
                double[] mv = min.eval(b);
                for (int i = 0; i < n; i++) priced[i] = atLeast(priced[i], qs[i], mv[i]);
            }
            finish.run(b, priced);
            b.release(m);
        };
    }

    /** The quantity's formula: the last enabled lever's that replaces it, else the item's own. */
    private Fn quantityFormula(double[] s) {
        LeverOverrides.Override qo = LeverOverrides.winner(quantityBy, s);
        return qo == null ? quantity : qo.fn();
    }

    /** The upfront payment's formula: the last enabled lever's that replaces it, else the item's own (null: none). */
    private Fn upfrontFormula(double[] s) {
        LeverOverrides.Override uo = LeverOverrides.winner(upfrontBy, s);
        return uo != null ? uo.fn() : upfront;
    }

    /** The columnar form of {@link #quantity} (the winning lever's formula chosen from {@code base}), or null. */
    Columnar quantityColumns(double[] base) {
        return Compiler.columnar(quantityFormula(base));
    }

    /** The columnar form of {@link #finish}: from each sample's price, the item's cost, basis and upfront columns. */
    interface Finish {
        void run(Block b, double[] priced);
    }

    /** {@link #finish} over a block, the levers' choices made from {@code base}; null when the upfront formula has no columnar form. */
    Finish finishColumns(double[] base) {
        Fn upFormula = hasUpfront ? upfrontFormula(base) : null;
        Columnar up = !hasUpfront ? null : Compiler.columnar(upFormula != null ? upFormula : Compiler.constant(0));
        if (hasUpfront && up == null) return null;
        LeverOverrides.Override fo = fixedBy.length == 0 ? null : LeverOverrides.winner(fixedBy, base);
        boolean figure = fo != null || fixed != null;
        double figureValue = fo != null ? fo.value() : fixed != null ? fixed : 0;
        double[] factor = Arrays.stream(factors).filter(o -> base[o.leverSlot()] != 0)
                .mapToDouble(LeverOverrides.Override::value).toArray();
        return (b, priced) -> {
            int n = b.size();
            // as finish(): the fixed figure (a lever's, else the report's) or the price, then each enabled factor
            double[] cost = b.write(out);
            double[] basis = b.write(out + SlotLayout.BASIS);
            for (int i = 0; i < n; i++) {
                double bs = priced[i];
                double monthly = figure ? figureValue : priced[i];
                for (double f : factor) {
                    bs *= f;
                    monthly *= f;
                }
                cost[i] = monthly;
                basis[i] = bs;
            }
            if (up != null) {
                int m = b.mark();
                double[] uv = up.eval(b);
                double[] upfrontCol = b.write(out + SlotLayout.UPFRONT);
                double[] perMonth = b.write(out + SlotLayout.UPFRONT_MONTHLY);
                for (int i = 0; i < n; i++) {
                    upfrontCol[i] = uv[i];
                    perMonth[i] = uv[i] / term;
                }
                b.release(m);
            }
        };
    }

    /** What was done before the fixed figure and the levers, for {@link #finish}'s trace. */
    record Steps(Tariff.Trace charge, Double hours, double beforeHours, Double minimum, boolean minimumApplied,
                 double beforeMinimum, PricingSteps.PoolShare pool) {
    }

    /**
     * From the price (or the pool's allocation): the report's figure, levers' fixed figures and factors, and the
     * upfront payment; writes the item's cost, basis and upfront slots.
     */
    PricingSteps finish(double[] s, double priced, Steps st) {
        double basis = priced;
        double monthly = fixed != null ? fixed : priced;
        LeverOverrides.Override fo = fixedBy.length == 0 ? null : LeverOverrides.winner(fixedBy, s);
        if (fo != null) monthly = fo.value();
        for (LeverOverrides.Override o : factors) {
            if (s[o.leverSlot()] != 0) {
                basis *= o.value();
                monthly *= o.value();
            }
        }
        s[out] = monthly;
        s[out + SlotLayout.BASIS] = basis;
        // an item without an upfront payment leaves its upfront slots at their initial 0
        if (hasUpfront) {
            Fn u = upfrontFormula(s);
            double up = u != null ? u.eval(s) : 0;
            s[out + SlotLayout.UPFRONT] = up;
            s[out + SlotLayout.UPFRONT_MONTHLY] = up / term;
        }
        return st == null ? null : steps(s, priced, st);
    }

    /** The steps {@link #finish} took, read back from the slots it wrote and the levers that are on (for Details). */
    private PricingSteps steps(double[] s, double priced, Steps st) {
        LeverOverrides.Override fo = LeverOverrides.winner(fixedBy, s);
        double afterFixed = fo != null ? fo.value() : fixed != null ? fixed : priced;
        double monthly = afterFixed;
        List<PricingSteps.LeverStep> applied = new ArrayList<>();
        for (LeverOverrides.Override o : factors) {
            if (s[o.leverSlot()] != 0) {
                monthly *= o.value();
                applied.add(new PricingSteps.LeverStep(o.lever(), o.effect(), o.value(), monthly));
            }
        }
        LeverOverrides.Override uo = LeverOverrides.winner(upfrontBy, s);
        double up = s[out + SlotLayout.UPFRONT];
        Tariff.Trace t = st.charge();
        double q = s[out + SlotLayout.QUANTITY];
        LeverOverrides.Override qo = LeverOverrides.winner(quantityBy, s);
        return new PricingSteps(q, Tariff.step(qo, q), t.free, t.freeBy, t.billable, t.increment, t.rounded, t.unitPrice, t.priceBy,
                t.tiersBy, t.tiered, t.volumeTier, Arrays.stream(t.bounds).boxed().toList(), tariffPer(st), t.parts,
                st.hours(), st.beforeHours(), st.minimum(), st.minimumApplied(), st.beforeMinimum(), st.pool(), priced,
                fixed, Tariff.step(fo, afterFixed), applied, s[out], uo != null || upfront != null ? up : null,
                Tariff.step(uo, up), term);
    }

    private double tariffPer(Steps st) {
        return st.pool() != null ? pool.tariff.per() : tariff.per();
    }
}
