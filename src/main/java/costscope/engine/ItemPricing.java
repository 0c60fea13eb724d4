package costscope.engine;

import costscope.formula.Fn;

import java.util.ArrayList;
import java.util.List;

/**
 * How a line item is priced, the one definition of the rules, in this order:
 * <ol>
 * <li>quantity: the item's formula, or the last enabled lever's that replaces it;</li>
 * <li>billable = max(0, quantity - free allowance);</li>
 * <li>with an increment, billable rounded up to a multiple of it ({@link #roundUp}): the quantity priced;</li>
 * <li>a flat unit price (the last enabled lever's replacement, if any): quantity priced x price / per; or tiers,
 * counted on the quantity priced: graduated (each part at its tier's price) or volume (all of it at the price of the
 * tier it falls in), over per;</li>
 * <li>times the hours for hourly billing;</li>
 * <li>at least the monthly minimum when the quantity is above zero;</li>
 * <li>the monthly cost is the report's fixed figure when the item has one, else that price; an enabled lever's fixed
 * figure replaces it (the last one holds); every enabled lever's factor multiplies it (and the basis).</li>
 * </ol>
 * The compiled program runs it on every evaluation ({@link #run}); Details asks it for its steps
 * ({@link #price(double[], boolean)}) on a copy of a result's slots, so the arithmetic shown is the arithmetic
 * done.
 */
final class ItemPricing implements CompiledScenario.Step {
    private final Fn quantity;
    private final LeverOverrides.Override[] quantityBy;
    private final Fn free;
    private final Fn increment;
    private final Fn minimum;
    private final Fn unitPrice;
    private final LeverOverrides.Override[] priceBy;
    private final double[] upTo;
    private final Fn[] tierPrice;
    private final boolean volume;
    private final double per;
    private final Fn hours;
    private final Double fixed;
    private final LeverOverrides.Override[] fixedBy;
    private final LeverOverrides.Override[] factors;
    private final int out;

    /**
     * @param upTo      tier bounds (the last +infinity); empty with {@code tierPrice} for a flat price
     * @param hours     the hours billed per month for an hourly item, else null
     * @param out       the item's cost slot; its auxiliary slots follow ({@link SlotLayout#QUANTITY}...)
     */
    ItemPricing(Fn quantity, LeverOverrides.Override[] quantityBy, Fn free, Fn increment, Fn unitPrice,
                LeverOverrides.Override[] priceBy, double[] upTo, Fn[] tierPrice, boolean volume, double per, Fn hours,
                Fn minimum, Double fixed, LeverOverrides.Override[] fixedBy, LeverOverrides.Override[] factors, int out) {
        this.quantity = quantity;
        this.quantityBy = quantityBy;
        this.free = free;
        this.increment = increment;
        this.minimum = minimum;
        this.unitPrice = unitPrice;
        this.priceBy = priceBy;
        this.upTo = upTo;
        this.tierPrice = tierPrice;
        this.volume = volume;
        this.per = per;
        this.hours = hours;
        this.fixed = fixed;
        this.fixedBy = fixedBy;
        this.factors = factors;
        this.out = out;
    }

    @Override
    public void run(double[] s) {
        price(s, false);
    }

    /**
     * Prices the item from the slots before it and writes its slots; with {@code trace}, returns each step it took
     * (else null, and nothing is recorded).
     */
    PricingSteps price(double[] s, boolean trace) {
        LeverOverrides.Override qo = LeverOverrides.winner(quantityBy, s);
        double q = qo == null ? quantity.eval(s) : qo.fn().eval(s);
        double f = free == null ? 0 : free.eval(s);
        double billable = free == null ? q : q - f;
        if (billable < 0) billable = 0;
        double inc = increment == null ? Double.NaN : increment.eval(s);
        double rounded = increment == null ? billable : roundUp(billable, inc);
        List<PricingSteps.TierPart> parts = trace ? new ArrayList<>() : null;
        double priced;
        double unit;
        LeverOverrides.Override po = null;
        int volumeTier = -1;
        if (tierPrice.length == 0) {
            po = LeverOverrides.winner(priceBy, s);
            unit = po == null ? unitPrice.eval(s) : po.fn().eval(s);
            priced = rounded * unit / per;
        } else {
            if (volume) {
                volumeTier = 0;
                while (volumeTier < upTo.length - 1 && rounded > upTo[volumeTier]) volumeTier++;
                double p = tierPrice[volumeTier].eval(s);
                if (trace) parts.add(new PricingSteps.TierPart(volumeTier, rounded, p));
                priced = rounded * p / per;
            } else {
                priced = graduated(s, rounded, parts);
            }
            unit = rounded > 0 ? priced * per / rounded : rounded == 0 ? tierPrice[0].eval(s) : Double.NaN;
        }
        double beforeHours = priced;
        double h = hours == null ? 1 : hours.eval(s);
        if (hours != null) priced *= h;
        double beforeMinimum = priced;
        double min = minimum == null ? Double.NaN : minimum.eval(s);
        boolean minimumApplied = false;
        if (minimum != null && q > 0) {
            // a minimum that is not a number leaves no answer; one above the price replaces it
            if (min != min) {
                priced = Double.NaN;
            } else if (priced < min) {
                priced = min;
                minimumApplied = true;
            }
        }
        double basis = priced;
        double monthly = fixed != null ? fixed : priced;
        LeverOverrides.Override fo = LeverOverrides.winner(fixedBy, s);
        if (fo != null) monthly = fo.value();
        double afterFixed = monthly;
        List<PricingSteps.LeverStep> applied = trace ? new ArrayList<>() : null;
        for (LeverOverrides.Override o : factors) {
            if (s[o.leverSlot()] != 0) {
                basis *= o.value();
                monthly *= o.value();
                if (trace) applied.add(new PricingSteps.LeverStep(o.lever(), o.effect(), o.value(), monthly));
            }
        }
        s[out] = monthly;
        s[out + SlotLayout.QUANTITY] = q;
        s[out + SlotLayout.UNIT_PRICE] = unit;
        s[out + SlotLayout.BILLABLE] = billable;
        s[out + SlotLayout.BASIS] = basis;
        if (!trace) return null;
        return new PricingSteps(q, step(qo, q), free == null ? null : f, billable, increment == null ? null : inc, rounded,
                unit, step(po, unit), tierPrice.length > 0, volumeTier, parts, hours == null ? null : h, beforeHours,
                minimum == null ? null : min, minimumApplied, beforeMinimum, priced, fixed, step(fo, afterFixed), applied, monthly);
    }

    private static PricingSteps.LeverStep step(LeverOverrides.Override o, double value) {
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
    private double graduated(double[] s, double billable, List<PricingSteps.TierPart> parts) {
        if (billable != billable) return Double.NaN;   // not a number: no tier can be chosen
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
}
