package costscope.files;

import costscope.files.JsonText.FormulaText;
import costscope.model.Billing;
import costscope.model.LineItem;
import costscope.model.LineItemBuilder;
import costscope.model.Place;
import costscope.model.Tier;
import costscope.model.TierMode;

import java.util.List;


/** A line item in the file: its fields in file order, read with their places and written from the model. */
final class ItemJson {
    public String id;
    public String label;
    public String category;
    public FormulaText quantity;
    public String quantityUnit;
    public FormulaText unitPrice;
    public Double per;
    public String priceUnit;
    public String billing;
    public FormulaText hours;
    public FormulaText freeAllowance;
    public List<TierJson> tiers;
    public String tierMode;
    public Double fixedMonthly;
    public String description;

    /** A price tier. */
    static final class TierJson {
        public Double upTo;
        public FormulaText unitPrice;
    }

    LineItem read(Reading r, Place at) {
        List<Tier> ts = r.list(tiers, at, "tiers", false, (t, tw) -> new Tier(t.upTo, Reading.text(r.require(t.unitPrice, tw, "unitPrice"))));
        return LineItemBuilder.builder()
                .id(r.require(id, at, "id"))
                .label(r.require(label, at, "label"))
                .category(r.require(category, at, "category"))
                .quantity(Reading.text(r.require(quantity, at, "quantity")))
                .quantityUnit(quantityUnit)
                .unitPrice(Reading.text(unitPrice))
                .per(per)
                .priceUnit(priceUnit)
                .billing(r.choice(billing, Billing.class, at.field("billing")))
                .hours(Reading.text(hours))
                .freeAllowance(Reading.text(freeAllowance))
                .tiers(ts)
                .tierMode(r.choice(tierMode, TierMode.class, at.field("tierMode")))
                .fixedMonthly(fixedMonthly)
                .description(description)
                .build();
    }

    static ItemJson of(LineItem i) {
        ItemJson j = new ItemJson();
        j.id = i.id();
        j.label = i.label();
        j.category = i.category();
        j.quantity = FormulaText.of(i.quantity());
        j.quantityUnit = i.quantityUnit();
        j.unitPrice = FormulaText.of(i.unitPrice());
        j.per = i.per();
        j.priceUnit = i.priceUnit();
        j.billing = i.billing() == null ? null : i.billing().json();
        j.hours = FormulaText.of(i.hours());
        j.freeAllowance = FormulaText.of(i.freeAllowance());
        j.tiers = i.tiers().isEmpty() ? null : i.tiers().stream().map(t -> {
            TierJson tj = new TierJson();
            tj.upTo = t.upTo();
            tj.unitPrice = FormulaText.of(t.unitPrice());
            return tj;
        }).toList();
        j.tierMode = i.tierMode() == null ? null : i.tierMode().json();
        j.fixedMonthly = i.fixedMonthly();
        j.description = i.description();
        return j;
    }
}
