package costscope.model;

import java.util.List;

/**
 * A priced quantity. Formulas are kept as source text; numbers written as JSON numbers are kept as their
 * literal text so that saving reproduces them exactly.
 */
public record LineItem(
        String id,
        String label,
        String category,
        String quantity,
        String quantityUnit,
        String unitPrice,
        Double per,
        String priceUnit,
        Billing billing,
        String hours,
        String freeAllowance,
        List<Tier> tiers,
        TierMode tierMode,
        Double fixedMonthly,
        String description) {

    public LineItem {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    public double effectivePer() {
        return per == null ? 1 : per;
    }

    public Billing effectiveBilling() {
        return billing == null ? Billing.MONTHLY : billing;
    }

    public TierMode effectiveTierMode() {
        return tierMode == null ? TierMode.GRADUATED : tierMode;
    }

    /** The same item at a flat unit price (a formula). */
    public LineItem withUnitPrice(String price) {
        return new LineItem(id, label, category, quantity, quantityUnit, price, per, priceUnit, billing, hours,
                freeAllowance, tiers, tierMode, fixedMonthly, description);
    }
}
