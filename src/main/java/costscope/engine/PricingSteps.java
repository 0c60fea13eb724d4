package costscope.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What pricing one line item did, step by step, as {@link ItemPricing} reports it: the quantity (and the lever
 * effect that replaced its formula, if any), the free allowance, the billable quantity, the unit price or the tier
 * parts, the hours, the report's fixed figure, a lever's fixed figure, each lever factor with the monthly cost after it,
 * and the monthly cost. Details shows it as arithmetic ({@code costscope.export.Explain}); nothing there prices again.
 */
public final class PricingSteps {
    /** A lever effect that applied: lever and effect index, its figure or factor, the monthly cost after it. */
    public record LeverStep(int lever, int effect, double value, double monthlyAfter) {
    }

    /** One part of a graduated price: the amount in the tier and the tier's unit price. */
    public record TierPart(int tier, double amount, double unitPrice) {
    }

    double quantity;
    LeverStep quantityBy;
    Double free;
    double billable;
    double unitPrice;
    LeverStep priceBy;
    boolean tiered;
    int volumeTier = -1;
    final List<TierPart> parts = new ArrayList<>();
    Double hours;
    double beforeHours;
    double priced;
    Double reportFigure;
    LeverStep fixedBy;
    final List<LeverStep> factors = new ArrayList<>();
    double monthly;

    PricingSteps() {
    }

    /** The quantity priced (after any lever that replaces its formula). */
    public double quantity() {
        return quantity;
    }

    /** The lever effect whose formula gave the quantity, or null when the item's own formula did. */
    public LeverStep quantityBy() {
        return quantityBy;
    }

    /** The free allowance, or null when the item has none. */
    public Double free() {
        return free;
    }

    public double billable() {
        return billable;
    }

    /** The flat unit price; for tiers, the average price per unit (the first tier's price when nothing is billable). */
    public double unitPrice() {
        return unitPrice;
    }

    /** The lever effect whose formula gave the flat unit price, or null. */
    public LeverStep priceBy() {
        return priceBy;
    }

    public boolean tiered() {
        return tiered;
    }

    /** For volume tiers, the index of the tier the billable quantity falls in; -1 for graduated tiers or a flat price. */
    public int volumeTier() {
        return volumeTier;
    }

    /**
     * For graduated tiers, the parts priced, in tier order (none when nothing is billable); for volume tiers, the one
     * part: all of the billable quantity at the price of its tier.
     */
    public List<TierPart> parts() {
        return Collections.unmodifiableList(parts);
    }

    /** Hours billed per month for an hourly item, else null. */
    public Double hours() {
        return hours;
    }

    /** The price before the hours are applied (the tiers' sum, or billable x unit price / per). */
    public double beforeHours() {
        return beforeHours;
    }

    /** The price from the item's inputs, hours applied (the basis before lever factors). */
    public double priced() {
        return priced;
    }

    /** The report's fixed monthly figure, or null. */
    public Double reportFigure() {
        return reportFigure;
    }

    /** The enabled lever's fixed figure that replaced the monthly cost (the last one listed holds), or null. */
    public LeverStep fixedBy() {
        return fixedBy;
    }

    /** Enabled levers' factors (the item's own and its category's), in lever order. */
    public List<LeverStep> factors() {
        return Collections.unmodifiableList(factors);
    }

    /** The monthly cost: exactly the item's value in the results. */
    public double monthly() {
        return monthly;
    }
}
