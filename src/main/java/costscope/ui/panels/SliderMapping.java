package costscope.ui.panels;

import costscope.model.Driver;
import costscope.model.SliderScale;

/**
 * Maps a driver's value to a slider position and back: log10 for log drivers (so 10 to 1,000,000,000 is usable),
 * identity for linear ones. While dragging, values snap to the driver's step, or to 3 significant digits, so round
 * numbers such as 10,000 are reachable exactly.
 */
public record SliderMapping(double min, double max, Double step, boolean log) {

    public static SliderMapping of(Driver d) {
        double min = d.effectiveMin();
        double max = Math.max(d.effectiveMax(), min + (d.step() != null ? d.step() : 1e-9));
        boolean log = d.scale() == SliderScale.LOG && min > 0;
        return new SliderMapping(min, max, d.step(), log);
    }

    public double sliderMin() {
        return log ? Math.log10(min) : min;
    }

    public double sliderMax() {
        return log ? Math.log10(max) : max;
    }

    /** The slider position for a value, clamped to the range. */
    public double toSlider(double value) {
        double v = Math.max(min, Math.min(max, value));
        return log ? Math.log10(v) : v;
    }

    /**
     * Where a value is on a slider's track, in pixels: the centre of the thumb at that value, as JavaFX's slider skin
     * places it ({@code trackStart + trackLength * (position - sliderMin) / (sliderMax - sliderMin)}, the track running
     * from half a thumb in from the left to half a thumb in from the right). Log sliders are log here too; values
     * outside the range are at its ends.
     */
    public double pixel(double value, double trackStart, double trackLength) {
        double span = sliderMax() - sliderMin();
        return trackStart + (span > 0 ? trackLength * (toSlider(value) - sliderMin()) / span : 0);
    }

    /** The value at a slider position, snapped. */
    public double fromSlider(double position) {
        double v = log ? Math.pow(10, position) : position;
        v = Math.max(min, Math.min(max, v));
        if (step != null && step > 0) {
            double snapped = min + Math.round((v - min) / step) * step;
            return clean(Math.max(min, Math.min(max, snapped)));
        }
        return round3(v);
    }

    /** Rounds to 3 significant digits (12,345 -> 12,300; 0.04567 -> 0.0457). */
    static double round3(double v) {
        if (v == 0 || !Double.isFinite(v)) return v;
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).doubleValue();
    }

    private static double clean(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
    }
}
