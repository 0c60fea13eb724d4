package costscope.engine;

import costscope.formula.Fn;

import java.util.ArrayList;
import java.util.List;

/**
 * How a line item is priced, the one definition of the rules, in this order:
 * <ol>
 * <li>quantity: the item's formula, or the last enabled lever's that replaces it;</li>
 * <li>billable = max(0, quantity - free allowance);</li>
 * <li>a flat unit price (the last enabled lever's replacement, if any): billable x price / per; or tiers, counted
 * on the billable quantity: graduated (each part at its tier's price) or volume (all of it at the price of the tier
 * it falls in), over per;</li>
 * <li>times the hours for hourly billing;</li>
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
    ItemPricing(Fn quantity, LeverOverrides.Override[] quantityBy, Fn free, Fn unitPrice, LeverOverrides.Override[] priceBy,
                double[] upTo, Fn[] tierPrice, boolean volume, double per, Fn hours, Double fixed,
                LeverOverrides.Override[] fixedBy, LeverOverrides.Override[] factors, int out) {
        this.quantity = quantity;
        this.quantityBy = quantityBy;
        this.free = free;
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
        List<PricingSteps.TierPart> parts = trace ? new ArrayList<>() : null;
        double priced;
        double unit;
        LeverOverrides.Override po = null;
        int volumeTier = -1;
        if (tierPrice.length == 0) {
            po = LeverOverrides.winner(priceBy, s);
            unit = po == null ? unitPrice.eval(s) : po.fn().eval(s);
            priced = billable * unit / per;
        } else {
            if (volume) {
                volumeTier = 0;
                while (volumeTier < upTo.length - 1 && billable > upTo[volumeTier]) volumeTier++;
                double p = tierPrice[volumeTier].eval(s);
                if (trace) parts.add(new PricingSteps.TierPart(volumeTier, billable, p));
                priced = billable * p / per;
            } else {
                priced = graduated(s, billable, parts);
            }
            unit = billable > 0 ? priced * per / billable : billable == 0 ? tierPrice[0].eval(s) : Double.NaN;
        }
        double beforeHours = priced;
        double h = hours == null ? 1 : hours.eval(s);
        if (hours != null) priced *= h;
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
        return new PricingSteps(q, step(qo, q), free == null ? null : f, billable, unit, step(po, unit), tierPrice.length > 0,
                volumeTier, parts, hours == null ? null : h, beforeHours, priced, fixed, step(fo, afterFixed), applied, monthly);
    }

    private static PricingSteps.LeverStep step(LeverOverrides.Override o, double value) {
        return o == null ? null : new PricingSteps.LeverStep(o.lever(), o.effect(), o.fn() == null ? o.value() : value, value);
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
