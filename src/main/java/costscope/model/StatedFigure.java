package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A figure the report states, with the context it applies to and the formula of what it states. */
@RecordBuilder
public record StatedFigure(String label, String at, Map<String, Boolean> levers, Map<String, Double> set, String of,
                           double value, Double rounding, FigureFormat format, String note) implements StatedFigureBuilder.With {
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
}
