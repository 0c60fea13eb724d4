package costscope.model;

import java.util.function.Consumer;

/**
 * An input the user moves with a slider. {@code min}, {@code max}, {@code step} may be null (defaults apply). Make
 * one with {@link #of} or change one with {@link #with}.
 */
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

    /** A new driver, its fields set by name. */
    public static Driver of(Consumer<Builder> fill) {
        return Records.build(new Builder(), fill);
    }

    /** This driver with some fields changed by name: {@code x.with(b -> b.label = "New")}. */
    public Driver with(Consumer<Builder> change) {
        return Records.with(this, new Builder(), change);
    }

    /** The fields of a driver being built or changed. */
    public static final class Builder implements Records.Builder<Driver> {
        public String id;
        public String label;
        public String unit;
        public double value;
        public Double min;
        public Double max;
        public Double step;
        public SliderScale scale;
        public String description;

        private Builder() {
        }

        @Override
        public Driver build() {
            return new Driver(id, label, unit, value, min, max, step, scale, description);
        }
    }
}
