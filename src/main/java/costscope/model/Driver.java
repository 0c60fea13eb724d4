package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * An input the user moves with a slider. {@code min}, {@code max}, {@code step} may be null (defaults apply);
 * {@code range}, when given, says how uncertain it is (for Monte Carlo).
 */
@RecordBuilder
public record Driver(String id, String label, String unit, double value, Double min, Double max, Double step,
                     SliderScale scale, Range range, String description) implements Element, DriverBuilder.With {

    public double effectiveMin() {
        return min != null ? min : (scale == SliderScale.LOG ? Math.max(1e-9, Math.min(1, value)) : 0);
    }

    public double effectiveMax() {
        return max != null ? max : Math.max(1, 10 * value);
    }

}
