package costscope.engine;

import java.util.List;

/**
 * What pricing one line item did, step by step, as {@link ItemPricing} (and, for an item in a pool,
 * {@link PoolPricing}) reports it. Details shows it as arithmetic ({@code costscope.export.Explain}); nothing there
 * prices again. For an item in a pool, the charge's steps (free allowance to tiers) are the pool's, on the pool's
 * summed quantity, and {@link #pool} gives the item's share.
 *
 * @param quantity     the item's quantity
 * @param quantityBy   the lever effect whose formula gave the quantity, or null when the item's own formula did
 * @param free         the free allowance, or null when there is none
 * @param freeBy       the lever effect whose formula gave the free allowance, or null
 * @param billable     max(0, quantity - free)
 * @param increment    the billing increment, or null when there is none
 * @param rounded      the quantity priced: billable rounded up to a multiple of the increment (billable without one)
 * @param unitPrice    the flat unit price; for tiers, the average price per unit (the first tier's price when
 *                     nothing is billable)
 * @param priceBy      the lever effect whose formula gave the flat unit price, or null
 * @param tiersBy      the lever effect whose tiers replaced the tiers (or the flat price), or null
 * @param tiered       whether the charge is in tiers
 * @param volumeTier   for volume tiers, the tier the billable quantity falls in; else -1
 * @param bounds       the tiers' upper bounds (the last +infinity); empty for a flat price
 * @param per          what the unit price is per
 * @param parts        graduated tiers: the parts priced, in tier order (none when nothing is billable); volume tiers:
 *                     the one part, all of it at its tier's price; a flat price: none
 * @param hours        the hours billed per month for an hourly item, else null
 * @param beforeHours  the charge before the hours (the tiers' sum, or billable x unit price / per; a pool's cost)
 * @param minimum      the monthly minimum, or null when the item has none
 * @param minimumApplied whether the minimum raised the price (the quantity is above zero and the price was below it)
 * @param beforeMinimum the price before the minimum (hours applied)
 * @param pool         the item's share of its pool, or null when it is in none
 * @param priced       the price from the item's inputs, hours and the minimum applied, or its share of its pool's
 *                     cost (the basis before lever factors)
 * @param reportFigure the report's fixed monthly figure, or null
 * @param fixedBy      the enabled lever's fixed figure that replaced the monthly cost, or null
 * @param factors      the enabled levers' factors (the item's own and its category's), in lever order
 * @param monthly      the monthly cost: exactly the item's value in the results
 * @param upfront      the one-time payment, or null when the item has none
 * @param upfrontBy    the lever effect whose formula gave the upfront payment, or null
 * @param termMonths   the months the upfront payment covers
 */
public record PricingSteps(double quantity, LeverStep quantityBy, Double free, LeverStep freeBy, double billable,
                           Double increment, double rounded, double unitPrice, LeverStep priceBy, LeverStep tiersBy,
                           boolean tiered, int volumeTier, List<Double> bounds, double per, List<TierPart> parts,
                           Double hours, double beforeHours, Double minimum, boolean minimumApplied,
                           double beforeMinimum, PoolShare pool, double priced, Double reportFigure, LeverStep fixedBy,
                           List<LeverStep> factors, double monthly, Double upfront, LeverStep upfrontBy, int termMonths) {

    /** A lever effect that applied: lever and effect index, its value (formula result, figure or factor), the monthly cost after it. */
    public record LeverStep(int lever, int effect, double value, double monthlyAfter) {
    }

    /** One part of a tiered price: the tier, the amount in it and its unit price. */
    public record TierPart(int tier, double amount, double unitPrice) {
    }

    /**
     * An item's share of its pool: the pool, the sum of its items' quantities, its cost, the item's share of the
     * quantity (0 when the pool's quantity is 0) and the cost allocated to it.
     */
    public record PoolShare(int pool, String id, double quantity, double cost, double share, double allocated) {
    }

    public PricingSteps {
        bounds = List.copyOf(bounds);
        parts = List.copyOf(parts);
        factors = List.copyOf(factors);
    }
}
