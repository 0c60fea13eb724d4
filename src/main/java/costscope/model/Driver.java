package costscope.model;

/** An input the user moves with a slider. {@code min}, {@code max}, {@code step} may be null (defaults apply). */
public record Driver(String id, String label, String unit, double value, Double min, Double max, Double step,
                     SliderScale scale, String description) {

    public double effectiveMin() {
        return min != null ? min : (scale == SliderScale.LOG ? Math.max(1e-9, Math.min(1, value)) : 0);
    }

    public double effectiveMax() {
        return max != null ? max : Math.max(1, 10 * value);
    }

    public Driver withValue(double newValue) {
        return new Driver(id, label, unit, newValue, min, max, step, scale, description);
    }
}
