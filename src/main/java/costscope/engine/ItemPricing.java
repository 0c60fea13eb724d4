package costscope.engine;

import costscope.formula.Fn;

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
 * ({@link #price(double[], PricingSteps)}) on a copy of a result's slots, so the arithmetic shown is the arithmetic
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
        price(s, null);
    }

    /** Prices the item from the slots before it, writes its slots, and reports each step to {@code t} when given. */
    void price(double[] s, PricingSteps t) {
        LeverOverrides.Override qo = LeverOverrides.winner(quantityBy, s);
        double q = qo == null ? quantity.eval(s) : qo.fn().eval(s);
        if (t != null && qo != null) t.quantityBy = new PricingSteps.LeverStep(qo.lever(), qo.effect(), q, Double.NaN);
        double billable = q;
        if (free != null) {
            double f = free.eval(s);
            billable = q - f;
            if (t != null) t.free = f;
        }
        if (billable < 0) billable = 0;
        double priced;
        double unit;
        if (tierPrice.length == 0) {
            LeverOverrides.Override po = LeverOverrides.winner(priceBy, s);
            unit = po == null ? unitPrice.eval(s) : po.fn().eval(s);
            if (t != null && po != null) t.priceBy = new PricingSteps.LeverStep(po.lever(), po.effect(), unit, Double.NaN);
            priced = billable * unit / per;
        } else {
            priced = volume ? volume(s, billable, t) : graduated(s, billable, t);
            unit = billable > 0 ? priced * per / billable : tierPrice[0].eval(s);
        }
        if (t != null) {
            t.quantity = q;
            t.billable = billable;
            t.unitPrice = unit;
            t.tiered = tierPrice.length > 0;
            t.beforeHours = priced;
        }
        if (hours != null) {
            double h = hours.eval(s);
            priced *= h;
            if (t != null) t.hours = h;
        }
        if (t != null) {
            t.priced = priced;
            t.reportFigure = fixed;
        }
        double monthly = fixed != null ? fixed : priced;
        LeverOverrides.Override fo = LeverOverrides.winner(fixedBy, s);
        if (fo != null) {
            monthly = fo.value();
            if (t != null) t.fixedBy = new PricingSteps.LeverStep(fo.lever(), fo.effect(), fo.value(), monthly);
        }
        for (LeverOverrides.Override o : factors) {
            if (s[o.leverSlot()] != 0) {
                priced *= o.value();
                monthly *= o.value();
                if (t != null) t.factors.add(new PricingSteps.LeverStep(o.lever(), o.effect(), o.value(), monthly));
            }
        }
        if (t != null) t.monthly = monthly;
        s[out] = monthly;
        s[out + SlotLayout.QUANTITY] = q;
        s[out + SlotLayout.UNIT_PRICE] = unit;
        s[out + SlotLayout.BILLABLE] = billable;
        s[out + SlotLayout.BASIS] = priced;
    }

    /** All of the billable quantity at the price of the tier it falls in. */
    private double volume(double[] s, double billable, PricingSteps t) {
        int k = 0;
        while (k < upTo.length - 1 && billable > upTo[k]) k++;
        double p = tierPrice[k].eval(s);
        if (t != null) {
            t.volumeTier = k;
            t.parts.add(new PricingSteps.TierPart(k, billable, p));
        }
        return billable * p / per;
    }

    /** Each part of the billable quantity at its tier's price. */
    private double graduated(double[] s, double billable, PricingSteps t) {
        double priced = 0;
        double lower = 0;
        for (int k = 0; k < upTo.length && billable > lower; k++) {
            double hi = k == upTo.length - 1 ? billable : Math.min(billable, upTo[k]);
            double p = tierPrice[k].eval(s);
            priced += (hi - lower) * p / per;
            if (t != null) t.parts.add(new PricingSteps.TierPart(k, hi - lower, p));
            lower = hi;
        }
        return priced;
    }
}
