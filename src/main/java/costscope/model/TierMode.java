package costscope.model;

/** How tiers price a quantity (the file spells them "graduated" and "volume", see {@link JsonNames}). */
public enum TierMode {
    /** Each part of the quantity is priced at the price of the tier it falls in. */
    GRADUATED,
    /** The whole quantity is priced at the price of the tier the total falls in. */
    VOLUME
}
