package costscope.model;

/** How a line item's price relates to a month. */
public enum Billing {
    /** Price per unit-month (instances, GB-month, per-month subscriptions). */
    MONTHLY,
    /** Price per unit-hour, multiplied by the hours billed per month. */
    HOURLY,
    /** Price per unit consumed (requests, tokens, GB transferred); quantity is units per month. */
    PER_UNIT;

    /** The spelling in a scenario file. */
    public String json() {
        return JsonNames.of(this);
    }

    /** The value a file spells {@code s}, or null. */
    public static Billing fromJson(String s) {
        return JsonNames.parse(Billing.class, s);
    }
}
