package costscope.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A named what-if on top of the base model: driver values, lever states and unit prices that differ from it.
 * Anything a variant does not name keeps the base model's value. Maps keep the file's order.
 *
 * @param drivers driver id to value
 * @param levers  lever id to on/off
 * @param prices  line item id to a unit-price formula (flat-priced items only)
 */
public record Variant(String id, String label, String description, Map<String, Double> drivers,
                      Map<String, Boolean> levers, Map<String, String> prices) {
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

    public Variant withLabel(String newLabel) {
        return new Variant(id, newLabel, description, drivers, levers, prices);
    }

    /** A new variant, its fields set by name. */
    public static Variant of(Consumer<Builder> fill) {
        return Records.build(new Builder(), fill);
    }

    /** This variant with some fields changed by name. */
    public Variant with(Consumer<Builder> change) {
        return Records.with(this, new Builder(), change);
    }

    /** The fields of a variant being built or changed. */
    public static final class Builder implements Records.Builder<Variant> {
        public String id;
        public String label;
        public String description;
        public Map<String, Double> drivers;
        public Map<String, Boolean> levers;
        public Map<String, String> prices;

        private Builder() {
        }

        @Override
        public Variant build() {
            return new Variant(id, label, description, drivers, levers, prices);
        }
    }
}
