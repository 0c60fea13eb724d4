package costscope.ui.charts;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Side;
import javafx.scene.chart.ValueAxis;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * A logarithmic number axis (JavaFX has none): major ticks at the powers of ten (1, 2 and 5 times them, or every
 * multiple, when the range spans few decades), minor ticks at 2..9 times each power of ten, compact labels (1k, 10k,
 * 1M, 1B). With {@link #setLogarithmic(boolean) logarithmic} off it is a plain linear axis with nice ticks, so a chart
 * can switch between a log and a linear sweep without being rebuilt. Auto-ranging rounds out to 1, 2 or 5 times a
 * power of ten. The arithmetic is in {@link AxisMath}.
 */
public class LogAxis extends ValueAxis<Number> {
    /** Least spacing of major tick labels along a horizontal and a vertical axis, in pixels (screen fonts). */
    private double hLabelSpace = 52;
    private double vLabelSpace = 26;

    private final BooleanProperty logarithmic = new SimpleBooleanProperty(this, "logarithmic", true) {
        @Override
        protected void invalidated() {
            invalidateRange();
            requestAxisLayout();
        }
    };
    private List<Double> majors = List.of();
    private double cachedLo = Double.NaN;
    private double cachedHi = Double.NaN;
    private double logLo;
    private double logSpan;

    /** An auto-ranging log axis. */
    public LogAxis() {
        super();
        setLowerBound(1);
        setUpperBound(10);
        getStyleClass().add("log-axis");
    }

    /** A log axis over fixed bounds. */
    public LogAxis(double lowerBound, double upperBound) {
        super(lowerBound, upperBound);
        getStyleClass().add("log-axis");
    }

    public final BooleanProperty logarithmicProperty() {
        return logarithmic;
    }

    public final boolean isLogarithmic() {
        return logarithmic.get();
    }

    public final void setLogarithmic(boolean value) {
        logarithmic.set(value);
    }

    /** Sets the least spacing of major tick labels (larger for slide-sized fonts); returns this axis. */
    public LogAxis labelSpacing(double horizontal, double vertical) {
        hLabelSpace = horizontal;
        vLabelSpace = vertical;
        requestAxisLayout();
        return this;
    }

    /** Sets fixed bounds (auto-ranging off). */
    public void setFixedRange(double lower, double upper, boolean log) {
        setAutoRanging(false);
        setLogarithmic(log);
        setLowerBound(lower);
        setUpperBound(upper);
        currentLowerBound.set(lower);
    }

    private boolean vertical() {
        Side s = getSide();
        return s != null && s.isVertical();
    }

    private double length() {
        return vertical() ? getHeight() : getWidth();
    }

    private boolean logScale() {
        return isLogarithmic() && getLowerBound() > 0 && getUpperBound() > getLowerBound();
    }

    @Override
    public double getDisplayPosition(Number value) {
        double lo = getLowerBound();
        double hi = getUpperBound();
        double v = value.doubleValue();
        if (isLogarithmic() && lo > 0 && hi > lo && v > 0) {
            // the hot path (every point of every series at each layout): the bounds' logs are cached
            if (lo != cachedLo || hi != cachedHi) {
                cachedLo = lo;
                cachedHi = hi;
                logLo = Math.log10(lo);
                logSpan = Math.log10(hi) - logLo;
            }
            double f = Math.max(-AxisMath.MAX_OVERSHOOT, Math.min(1 + AxisMath.MAX_OVERSHOOT, (Math.log10(v) - logLo) / logSpan));
            return vertical() ? (1 - f) * getHeight() : f * getWidth();
        }
        return AxisMath.position(v, lo, hi, logScale(), length(), vertical());
    }

    @Override
    public Number getValueForDisplay(double displayPosition) {
        return AxisMath.valueAtPosition(displayPosition, getLowerBound(), getUpperBound(), logScale(), length(), vertical());
    }

    @Override
    public double getZeroPosition() {
        if (logScale() || 0 < getLowerBound() || 0 > getUpperBound()) return Double.NaN;
        return getDisplayPosition(0.0);
    }

    @Override
    public boolean isValueOnAxis(Number value) {
        double v = value.doubleValue();
        if (logScale() && !(v > 0)) return false;
        return v >= getLowerBound() && v <= getUpperBound();
    }

    private int maxTicks(double length) {
        return Math.max(2, (int) Math.floor(length / (vertical() ? vLabelSpace : hLabelSpace)) + 1);
    }

    @Override
    protected Object autoRange(double minValue, double maxValue, double length, double labelSize) {
        if (isLogarithmic()) return AxisMath.logAutoRange(minValue, maxValue);
        return AxisMath.linearAutoRange(minValue, maxValue, maxTicks(length));
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] r = (double[]) range;
        setLowerBound(r[0]);
        setUpperBound(r[1]);
        currentLowerBound.set(r[0]);
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] r = (double[]) range;
        boolean log = isLogarithmic() && r[0] > 0 && r[1] > r[0];
        majors = log ? AxisMath.logMajorTicks(r[0], r[1], maxTicks(length)) : AxisMath.linearTicks(r[0], r[1], maxTicks(length));
        return new ArrayList<>(majors);
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        double lo = getLowerBound();
        double hi = getUpperBound();
        List<Double> minor = logScale() ? AxisMath.logMinorTicks(lo, hi, majors)
                : AxisMath.linearMinorTicks(majors, Math.max(1, getMinorTickCount()));
        return new ArrayList<>(minor);
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        StringConverter<Number> f = getTickLabelFormatter();
        return f != null ? f.toString(value) : AxisMath.compact(value.doubleValue());
    }

    /** The major tick values of the last layout (for tests). */
    public List<Double> majorTickValues() {
        return List.copyOf(majors);
    }
}
