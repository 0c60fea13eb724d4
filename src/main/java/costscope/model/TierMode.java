package costscope.model;

public enum TierMode {
    /** Each part of the quantity is priced at the price of the tier it falls in. */
    GRADUATED,
    /** The whole quantity is priced at the price of the tier the total falls in. */
    VOLUME;

    /** The spelling in a scenario file. */
    public String json() {
        return JsonNames.of(this);
    }

    /** The value a file spells {@code s}, or null. */
    public static TierMode fromJson(String s) {
        return JsonNames.parse(TierMode.class, s);
    }
}
