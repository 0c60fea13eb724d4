package costscope.model;

/** How a line item's price relates to a month. */
public enum Billing {
    /** Price per unit-month (instances, GB-month, per-month subscriptions). */
    MONTHLY("monthly"),
    /** Price per unit-hour, multiplied by the hours billed per month. */
    HOURLY("hourly"),
    /** Price per unit consumed (requests, tokens, GB transferred); quantity is units per month. */
    PER_UNIT("perUnit");

    private final String json;

    Billing(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static Billing fromJson(String s) {
        for (Billing v : values()) {
            if (v.json.equals(s)) return v;
        }
        return null;
    }
}
