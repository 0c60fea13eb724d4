package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * One effect of a lever. Exactly one target ({@code item}, {@code category} or {@code set}) and one change
 * ({@code factor}, {@code quantity}, {@code unitPrice}, {@code fixedMonthly} or {@code formula}) are non-null.
 */
@RecordBuilder
public record LeverEffect(String item, String category, String set, Double factor, String quantity, String unitPrice,
                          Double fixedMonthly, String formula) implements LeverEffectBuilder.With {

    public enum Kind { ITEM_FACTOR, CATEGORY_FACTOR, ITEM_QUANTITY, ITEM_UNIT_PRICE, ITEM_FIXED, SET }

    /** The kind of effect, or null when the combination of fields is not one of the documented ones. */
    public Kind kind() {
        int targets = (item != null ? 1 : 0) + (category != null ? 1 : 0) + (set != null ? 1 : 0);
        int changes = (factor != null ? 1 : 0) + (quantity != null ? 1 : 0) + (unitPrice != null ? 1 : 0)
                + (fixedMonthly != null ? 1 : 0) + (formula != null ? 1 : 0);
        if (targets != 1 || changes != 1) return null;
        if (item != null) {
            if (factor != null) return Kind.ITEM_FACTOR;
            if (quantity != null) return Kind.ITEM_QUANTITY;
            if (unitPrice != null) return Kind.ITEM_UNIT_PRICE;
            if (fixedMonthly != null) return Kind.ITEM_FIXED;
            return null;
        }
        if (category != null) return factor != null ? Kind.CATEGORY_FACTOR : null;
        return formula != null ? Kind.SET : null;
    }

    /** The id the effect changes: its item, category or driver/variable, whichever is given. */
    public String target() {
        return item != null ? item : category != null ? category : set;
    }

    /** The field holding the change: "factor", "quantity", "unitPrice", "fixedMonthly" or "formula" (null when none). */
    public String changedField() {
        if (factor != null) return "factor";
        if (quantity != null) return "quantity";
        if (unitPrice != null) return "unitPrice";
        if (fixedMonthly != null) return "fixedMonthly";
        return formula != null ? "formula" : null;
    }
}
