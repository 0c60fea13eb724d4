package costscope.engine;

import java.util.List;

/**
 * What pricing one line item did, step by step, as {@link ItemPricing} reports it. Details shows it as arithmetic
 * ({@code costscope.export.Explain}); nothing there prices again.
 *
 * @param quantity     the quantity priced
 * @param quantityBy   the lever effect whose formula gave the quantity, or null when the item's own formula did
 * @param free         the free allowance, or null when the item has none
 * @param billable     max(0, quantity - free)
 * @param increment    the billing increment, or null when the item has none
 * @param rounded      the quantity priced: billable rounded up to a multiple of the increment (billable without one)
 * @param unitPrice    the flat unit price; for tiers, the average price per unit (the first tier's price when
 *                     nothing is billable)
 * @param priceBy      the lever effect whose formula gave the flat unit price, or null
 * @param tiered       whether the item is priced in tiers
 * @param volumeTier   for volume tiers, the tier the billable quantity falls in; else -1
 * @param parts        graduated tiers: the parts priced, in tier order (none when nothing is billable); volume tiers:
 *                     the one part, all of it at its tier's price; a flat price: none
 * @param hours        the hours billed per month for an hourly item, else null
 * @param beforeHours  the price before the hours (the tiers' sum, or billable x unit price / per)
 * @param priced       the price from the item's inputs, hours and the minimum applied (the basis before lever factors)
 * @param minimum      the monthly minimum, or null when the item has none
 * @param minimumApplied whether the minimum raised the price (the quantity is above zero and the price was below it)
 * @param beforeMinimum the price before the minimum (hours applied)
 * @param reportFigure the report's fixed monthly figure, or null
 * @param fixedBy      the enabled lever's fixed figure that replaced the monthly cost, or null
 * @param factors      the enabled levers' factors (the item's own and its category's), in lever order
 * @param monthly      the monthly cost: exactly the item's value in the results
 */
public record PricingSteps(double quantity, LeverStep quantityBy, Double free, double billable, Double increment,
                           double rounded, double unitPrice,
                           LeverStep priceBy, boolean tiered, int volumeTier, List<TierPart> parts, Double hours,
                           double beforeHours, Double minimum, boolean minimumApplied, double beforeMinimum,
                           double priced, Double reportFigure, LeverStep fixedBy,
                           List<LeverStep> factors, double monthly) {

    /** A lever effect that applied: lever and effect index, its value (formula result, figure or factor), the monthly cost after it. */
    public record LeverStep(int lever, int effect, double value, double monthlyAfter) {
    }

    /** One part of a tiered price: the tier, the amount in it and its unit price. */
    public record TierPart(int tier, double amount, double unitPrice) {
    }

    public PricingSteps {
        parts = List.copyOf(parts);
        factors = List.copyOf(factors);
    }
}
