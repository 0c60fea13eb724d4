package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.util.List;

/**
 * One effect of a lever. Exactly one target ({@code item}, {@code category}, {@code pool} or {@code set}) and one
 * change ({@code factor}, {@code quantity}, {@code unitPrice}, {@code fixedMonthly}, {@code freeAllowance},
 * {@code tiers}, {@code upfront} or {@code formula}) are non-null, in one of the combinations of {@link Kind}.
 */
@RecordBuilder
public record LeverEffect(String item, String category, String pool, String set, Double factor, String quantity,
                          String unitPrice, Double fixedMonthly, String freeAllowance, List<Tier> tiers, String upfront,
                          String formula) implements LeverEffectBuilder.With {

    /** The target a kind of effect names. */
    public enum Target { ITEM, CATEGORY, POOL, SET }

    /** Each documented combination of target and change: the one list of what a lever can do. */
    public enum Kind {
        ITEM_FACTOR(Target.ITEM, "factor"),
        CATEGORY_FACTOR(Target.CATEGORY, "factor"),
        ITEM_QUANTITY(Target.ITEM, "quantity"),
        ITEM_UNIT_PRICE(Target.ITEM, "unitPrice"),
        ITEM_FIXED(Target.ITEM, "fixedMonthly"),
        ITEM_FREE(Target.ITEM, "freeAllowance"),
        ITEM_TIERS(Target.ITEM, "tiers"),
        ITEM_UPFRONT(Target.ITEM, "upfront"),
        POOL_FREE(Target.POOL, "freeAllowance"),
        POOL_UNIT_PRICE(Target.POOL, "unitPrice"),
        POOL_TIERS(Target.POOL, "tiers"),
        SET(Target.SET, "formula");

        private final Target target;
        private final String change;

        Kind(Target target, String change) {
            this.target = target;
            this.change = change;
        }

        public Target target() {
            return target;
        }

        /** The field holding the change ("factor", "tiers"...). */
        public String change() {
            return change;
        }

        /** Whether the change is a formula (compiled like any model formula). */
        public boolean formula() {
            return !change.equals("factor") && !change.equals("fixedMonthly") && !change.equals("tiers");
        }
    }

    public LeverEffect {
        tiers = tiers == null ? null : List.copyOf(tiers);
    }

    /** The changes a target of this kind takes, in the order of {@link Kind}. */
    public static List<String> changes(Target t) {
        return java.util.Arrays.stream(Kind.values()).filter(k -> k.target == t).map(Kind::change).toList();
    }

    /** Which target the effect names, or null when it names none or several. */
    public Target targetKind() {
        int targets = (item != null ? 1 : 0) + (category != null ? 1 : 0) + (pool != null ? 1 : 0) + (set != null ? 1 : 0);
        if (targets != 1) return null;
        return item != null ? Target.ITEM : category != null ? Target.CATEGORY : pool != null ? Target.POOL : Target.SET;
    }

    /** The kind of effect, or null when the combination of fields is not one of the documented ones. */
    public Kind kind() {
        Target t = targetKind();
        String change = changedField();
        if (t == null || change == null) return null;
        int changes = (factor != null ? 1 : 0) + (quantity != null ? 1 : 0) + (unitPrice != null ? 1 : 0)
                + (fixedMonthly != null ? 1 : 0) + (freeAllowance != null ? 1 : 0) + (tiers != null ? 1 : 0)
                + (upfront != null ? 1 : 0) + (formula != null ? 1 : 0);
        if (changes != 1) return null;
        for (Kind k : Kind.values()) if (k.target == t && k.change.equals(change)) return k;
        return null;
    }

    /** The id the effect changes: its item, category, pool or driver/variable, whichever is given. */
    public String target() {
        return item != null ? item : category != null ? category : pool != null ? pool : set;
    }

    /** The field holding the change ("factor", "quantity", "unitPrice", "tiers"...; null when none). */
    public String changedField() {
        if (factor != null) return "factor";
        if (quantity != null) return "quantity";
        if (unitPrice != null) return "unitPrice";
        if (fixedMonthly != null) return "fixedMonthly";
        if (freeAllowance != null) return "freeAllowance";
        if (tiers != null) return "tiers";
        if (upfront != null) return "upfront";
        return formula != null ? "formula" : null;
    }

    /** The formula of the change, when it is one ({@link Kind#formula()}), else null. */
    public String changedFormula() {
        if (quantity != null) return quantity;
        if (unitPrice != null) return unitPrice;
        if (freeAllowance != null) return freeAllowance;
        if (upfront != null) return upfront;
        return formula;
    }
}
