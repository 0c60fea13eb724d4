package costscope.files;

import costscope.files.JsonText.FormulaText;
import costscope.model.Place;
import costscope.model.Variant;
import costscope.model.VariantBuilder;

import java.util.LinkedHashMap;
import java.util.Map;


/** A variant in the file: fields in file order, read with their places and written from the model. */
final class VariantJson {
    public String id;
    public String label;
    public String description;
    public LinkedHashMap<String, Double> drivers;
    public LinkedHashMap<String, Boolean> levers;
    public LinkedHashMap<String, FormulaText> prices;

    Variant read(Reading r, Place at) {
        Map<String, String> ps = new LinkedHashMap<>();
        r.nonNullValues(prices, at.row("prices")).forEach((k, v) -> ps.put(k, v.text()));
        return VariantBuilder.builder()
                .id(r.require(id, at, "id"))
                .label(label)
                .description(description)
                .drivers(r.nonNullValues(drivers, at.row("drivers")))
                .levers(r.nonNullValues(levers, at.row("levers")))
                .prices(ps)
                .build();
    }

    /** A variant; empty driver, lever and price maps are left out. */
    static VariantJson of(Variant v) {
        VariantJson j = new VariantJson();
        j.id = v.id();
        j.label = v.label();
        j.description = v.description();
        j.drivers = v.drivers().isEmpty() ? null : new LinkedHashMap<>(v.drivers());
        j.levers = v.levers().isEmpty() ? null : new LinkedHashMap<>(v.levers());
        if (!v.prices().isEmpty()) {
            j.prices = new LinkedHashMap<>();
            v.prices().forEach((k, p) -> j.prices.put(k, FormulaText.of(p)));
        }
        return j;
    }
}
