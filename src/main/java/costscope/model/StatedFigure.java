package costscope.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** A figure the report states, with the context it applies to and the formula of what it states. */
public record StatedFigure(String label, String at, Map<String, Boolean> levers, Map<String, Double> set, String of,
                           double value, Double rounding, FigureFormat format, String note) {
    public static final double DEFAULT_ROUNDING = 0.01;

    public StatedFigure {
        levers = levers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(levers));
        set = set == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(set));
    }

    public double effectiveRounding() {
        return rounding == null ? DEFAULT_ROUNDING : rounding;
    }

    public FigureFormat effectiveFormat() {
        return format == null ? FigureFormat.CURRENCY : format;
    }

    /** A new stated figure, its fields set by name. */
    public static StatedFigure of(Consumer<Builder> fill) {
        return Records.build(new Builder(), fill);
    }

    /** This stated figure with some fields changed by name. */
    public StatedFigure with(Consumer<Builder> change) {
        return Records.with(this, new Builder(), change);
    }

    /** The fields of a stated figure being built or changed. */
    public static final class Builder implements Records.Builder<StatedFigure> {
        public String label;
        public String at;
        public Map<String, Boolean> levers;
        public Map<String, Double> set;
        public String of;
        public double value;
        public Double rounding;
        public FigureFormat format;
        public String note;

        private Builder() {
        }

        @Override
        public StatedFigure build() {
            return new StatedFigure(label, at, levers, set, of, value, rounding, format, note);
        }
    }
}
