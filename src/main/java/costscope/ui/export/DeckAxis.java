package costscope.ui.export;

import costscope.ui.charts.AxisMath;
import costscope.ui.charts.LogAxis;

import java.util.ArrayList;
import java.util.List;

/** The app's LogAxis with tick spacing for slide-sized fonts (about twice the screen spacing). */
final class DeckAxis extends LogAxis {
    private static final double V_SPACE = 80;
    private static final double H_SPACE = 150;
    private List<Double> majors = List.of();

    private int maxTicks(double length) {
        boolean vertical = getSide() != null && getSide().isVertical();
        return Math.max(2, (int) Math.floor(length / (vertical ? V_SPACE : H_SPACE)) + 1);
    }

    @Override
    protected Object autoRange(double minValue, double maxValue, double length, double labelSize) {
        if (isLogarithmic()) return super.autoRange(minValue, maxValue, length, labelSize);
        return AxisMath.linearAutoRange(minValue, maxValue, maxTicks(length));
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
        boolean log = isLogarithmic() && lo > 0 && hi > lo;
        List<Double> minor = log ? AxisMath.logMinorTicks(lo, hi, majors)
                : AxisMath.linearMinorTicks(majors, Math.max(1, getMinorTickCount()));
        return new ArrayList<>(minor);
    }
}
