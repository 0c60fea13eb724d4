package costscope.model;

/** How a line item's price relates to a month. */
public enum Billing {
    /** Price per unit-month (instances, GB-month, per-month subscriptions). */
    MONTHLY,
    /** Price per unit-hour, multiplied by the hours billed per month. */
    HOURLY,
    /** Price per unit consumed (requests, tokens, GB transferred); quantity is units per month. */
    PER_UNIT
}
