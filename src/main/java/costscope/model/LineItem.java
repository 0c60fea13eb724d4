package costscope.model;

import java.util.List;
import java.util.function.Consumer;

/**
 * A priced quantity. Formulas are kept as source text; numbers written as JSON numbers are kept as their
 * literal text so that saving reproduces them exactly. Make one with {@link #of} or change one with
 * {@link #with}: nothing outside this package calls the constructor, so a new field touches this file, not
 * every caller.
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
        return with(b -> b.unitPrice = price);
    }

    /** A new line item, its fields set by name: {@code LineItem.of(b -> { b.id = "db"; b.quantity = "2"; ... })}. */
    public static LineItem of(Consumer<Builder> fill) {
        return Records.build(new Builder(), fill);
    }

    /** This line item with some fields changed by name: {@code x.with(b -> b.label = "New")}. */
    public LineItem with(Consumer<Builder> change) {
        return Records.with(this, new Builder(), change);
    }

    /** The fields of a line item being built or changed; unset fields are null (tiers: none). */
    public static final class Builder implements Records.Builder<LineItem> {
        public String id;
        public String label;
        public String category;
        public String quantity;
        public String quantityUnit;
        public String unitPrice;
        public Double per;
        public String priceUnit;
        public Billing billing;
        public String hours;
        public String freeAllowance;
        public List<Tier> tiers;
        public TierMode tierMode;
        public Double fixedMonthly;
        public String description;

        private Builder() {
        }

        @Override
        public LineItem build() {
            return new LineItem(id, label, category, quantity, quantityUnit, unitPrice, per, priceUnit, billing, hours,
                    freeAllowance, tiers, tierMode, fixedMonthly, description);
        }
    }
}
