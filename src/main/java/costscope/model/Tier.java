package costscope.model;

/** A price tier: quantities up to {@code upTo} (null: no upper bound) at {@code unitPrice} (a formula). */
public record Tier(Double upTo, String unitPrice) {
}
