package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.util.List;

/**
 * A priced quantity. Formulas are kept as source text; numbers written as JSON numbers are kept as their
 * literal text so that saving reproduces them exactly. Built by name
 * ({@code LineItemBuilder.builder().id("db")...build()}) and changed by name ({@code item.withCategory("llm")},
 * {@code item.with(b -> b.per(1e6))}), both generated from the components by record-builder: nothing calls the
 * constructor with a list of values, so a new field touches this file and the places that give it meaning.
 */
@RecordBuilder
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
        String increment,
        List<Tier> tiers,
        TierMode tierMode,
        String minimumMonthly,
        Double fixedMonthly,
        String upfront,
        Integer termMonths,
        String description) implements Element, LineItemBuilder.With {

    public LineItem {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    public double effectivePer() {
        return per == null ? 1 : per;
    }

    public Billing effectiveBilling() {
        return billing == null ? Billing.MONTHLY : billing;
    }

    /** The months an upfront payment covers: {@link #termMonths}, 12 when not given. */
    public int effectiveTermMonths() {
        return termMonths == null ? DEFAULT_TERM_MONTHS : termMonths;
    }

    public static final int DEFAULT_TERM_MONTHS = 12;

    public TierMode effectiveTierMode() {
        return tierMode == null ? TierMode.GRADUATED : tierMode;
    }
}
