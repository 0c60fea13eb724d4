package costscope.model;

public enum TierMode {
    /** Each part of the quantity is priced at the price of the tier it falls in. */
    GRADUATED("graduated"),
    /** The whole quantity is priced at the price of the tier the total falls in. */
    VOLUME("volume");

    private final String json;

    TierMode(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static TierMode fromJson(String s) {
        for (TierMode v : values()) {
            if (v.json.equals(s)) return v;
        }
        return null;
    }
}
