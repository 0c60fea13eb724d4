package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.util.List;

/**
 * A shared allowance and price for several line items: the pool prices the sum of its items' quantities with its own
 * free allowance, increment, unit price or tiers, and gives each item a share of the cost in proportion to its
 * quantity (the Lambda free tier across every function of an account; data transfer tiers across services). Its
 * items give no price of their own. Formulas are kept as source text, as in {@link LineItem}.
 */
@RecordBuilder
public record Pool(
        String id,
        String label,
        List<String> items,
        String freeAllowance,
        String unitPrice,
        List<Tier> tiers,
        TierMode tierMode,
        Double per,
        String priceUnit,
        String increment,
        String description) implements Element, PoolBuilder.With {

    public Pool {
        items = items == null ? List.of() : List.copyOf(items);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    public double effectivePer() {
        return per == null ? 1 : per;
    }

    public TierMode effectiveTierMode() {
        return tierMode == null ? TierMode.GRADUATED : tierMode;
    }
}
