package costscope.files;

import costscope.files.JsonText.FormulaText;
import costscope.model.Lever;
import costscope.model.LeverBuilder;
import costscope.model.LeverEffect;
import costscope.model.LeverEffectBuilder;
import costscope.model.Place;

import java.util.List;


/** A lever in the file, with its effects: fields in file order, read with their places and written from the model. */
final class LeverJson {
    public String id;
    public String label;
    public Boolean enabled;
    public String description;
    public List<EffectJson> effects;

    /** One effect: one target and one change (which ones are checked when the model is compiled). */
    static final class EffectJson {
        public String item;
        public String category;
        public String set;
        public Double factor;
        public FormulaText quantity;
        public FormulaText unitPrice;
        public Double fixedMonthly;
        public FormulaText formula;
    }

    Lever read(Reading r, Place at) {
        List<LeverEffect> es = r.list(effects, at, "effects", true, (e, ew) -> LeverEffectBuilder.builder()
                .item(e.item)
                .category(e.category)
                .set(e.set)
                .factor(e.factor)
                .quantity(Reading.text(e.quantity))
                .unitPrice(Reading.text(e.unitPrice))
                .fixedMonthly(e.fixedMonthly)
                .formula(Reading.text(e.formula))
                .build());
        return LeverBuilder.builder()
                .id(r.require(id, at, "id"))
                .label(r.require(label, at, "label"))
                .enabled(enabled != null && enabled)
                .description(description)
                .effects(es)
                .build();
    }

    /** A lever; {@code enabled} is written only when on. */
    static LeverJson of(Lever l) {
        LeverJson j = new LeverJson();
        j.id = l.id();
        j.label = l.label();
        j.enabled = l.enabled() ? Boolean.TRUE : null;
        j.description = l.description();
        j.effects = l.effects().stream().map(e -> {
            EffectJson ej = new EffectJson();
            ej.item = e.item();
            ej.category = e.category();
            ej.set = e.set();
            ej.factor = e.factor();
            ej.quantity = FormulaText.of(e.quantity());
            ej.unitPrice = FormulaText.of(e.unitPrice());
            ej.fixedMonthly = e.fixedMonthly();
            ej.formula = FormulaText.of(e.formula());
            return ej;
        }).toList();
        return j;
    }
}
