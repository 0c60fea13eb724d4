package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named what-if on top of the base model: driver values, lever states and unit prices that differ from it.
 * Anything a variant does not name keeps the base model's value. Maps keep the file's order.
 *
 * @param drivers driver id to value
 * @param levers  lever id to on/off
 * @param prices  line item or pool id to a unit-price formula (flat-priced items and pools only)
 */
@RecordBuilder
public record Variant(String id, String label, String description, Map<String, Double> drivers,
                      Map<String, Boolean> levers, Map<String, String> prices) implements VariantBuilder.With {
    public Variant {
        drivers = copy(drivers);
        levers = copy(levers);
        prices = copy(prices);
    }

    private static <V> Map<String, V> copy(Map<String, V> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The label to show: the label, or the id when there is none. */
    public String displayName() {
        return label != null && !label.isBlank() ? label : id;
    }

}
