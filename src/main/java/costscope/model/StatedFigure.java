package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A figure the report states, with the context it applies to (a scale point {@code at}, a {@code month} of the
 * timeline, lever states and driver values) and the formula of what it states. A figure stated as a
 * range ("$8-15 million") has {@code low} and {@code high}; its {@code value} is their midpoint and it agrees anywhere
 * between them.
 */
@RecordBuilder
public record StatedFigure(String label, String at, Integer month, Map<String, Boolean> levers, Map<String, Double> set,
                           String of, double value, Double low, Double high, Double rounding, FigureFormat format,
                           String note) implements StatedFigureBuilder.With {
    public static final double DEFAULT_ROUNDING = 0.01;

    public StatedFigure {
        levers = levers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(levers));
        set = set == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(set));
    }

    /** The width of the band the figure agrees in: a range's width, else the display rounding (default a cent). */
    public double effectiveRounding() {
        if (givenAsRange()) return high - low;
        return rounding == null ? DEFAULT_ROUNDING : rounding;
    }

    /** Whether the report states a range (low to high) rather than one figure. */
    public boolean givenAsRange() {
        return low != null && high != null;
    }

    public FigureFormat effectiveFormat() {
        return format == null ? FigureFormat.CURRENCY : format;
    }
}
