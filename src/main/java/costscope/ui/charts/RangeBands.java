package costscope.ui.charts;

import costscope.engine.MonteCarlo;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.chart.Axis;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The uncertainty of a range chart's curve: two bands through the points of a banded sweep
 * ({@link MonteCarlo#sweep}), P5-P95 (outer, lighter) and P10-P90 (inner), each a polygon whose points are replaced in
 * one change per layout. Optionally a line on top of them (the chart's deterministic curve when the bands lie over
 * its fills). Hidden, and out of the axis range, until {@link #set} gives it bands; {@code estimating} (a pseudo-class)
 * while they are a first estimate or out of date. Points that cannot be drawn (not finite, x at or below 0 on a log
 * axis) are left out; on a log y axis a value at or below 0 lies below the plot, which clips it.
 */
public final class RangeBands {
    private static final PseudoClass ESTIMATING = PseudoClass.getPseudoClass("estimating");

    private final Group group = new Group();
    private final Polygon outer = new Polygon();
    private final Polygon inner = new Polygon();
    private final Polyline line = new Polyline();
    /** Built when the mouse first comes over the bands. */
    private Tooltip tooltip;
    private double[] x = new double[0];
    private double[] p5 = x;
    private double[] p10 = x;
    private double[] p90 = x;
    private double[] p95 = x;
    private double[] shownX = new double[0];
    private int[] shownIndex = new int[0];
    private IntFunction<String> describe = i -> "";
    private int hovered = -1;
    private Runnable onChange = () -> { };

    public RangeBands() {
        group.setManaged(false);
        group.setVisible(false);
        group.getStyleClass().add("range-bands");
        outer.getStyleClass().addAll("range-band", "range-band-outer");
        inner.getStyleClass().addAll("range-band", "range-band-inner");
        line.getStyleClass().add("range-band-curve");
        line.setVisible(false);
        line.setMouseTransparent(true);
        outer.setId("band-p5-p95");
        inner.setId("band-p10-p90");
        group.getChildren().addAll(outer, inner, line);
        group.setOnMouseMoved(e -> {
            hovered = nearest(e.getX());
            if (tooltip != null && tooltip.isShowing()) tooltip.setText(describe.apply(hovered));
        });
        costscope.ui.base.LazyTooltip.install(group, () -> {
            tooltip = new Tooltip();
            tooltip.setOnShowing(e -> tooltip.setText(describe.apply(hovered)));
            return tooltip;
        });
    }

    void onChange(Runnable r) {
        onChange = r;
    }

    /** The bands' node, for the chart's plot children. */
    public Group node() {
        return group;
    }

    public Polygon outer() {
        return outer;
    }

    public Polygon inner() {
        return inner;
    }

    /** The line drawn over the bands (shown only when a chart asks for one). */
    public Polyline curve() {
        return line;
    }

    /** The tooltip's text for the band point nearest the mouse (its index in the points given to {@link #set}). */
    public void describe(IntFunction<String> text) {
        describe = text;
    }

    /** The tooltip's text at point {@code i} of the bands (what hovering there shows). */
    public String text(int i) {
        return describe.apply(i);
    }

    /** Shows one output's bands at the sweep's points; {@code estimating}: a first estimate, or out of date. */
    public void set(double[] points, MonteCarlo.Band band, boolean estimating) {
        set(points, band.p5(), band.p10(), band.p90(), band.p95(), estimating);
    }

    public void set(double[] points, double[] p5, double[] p10, double[] p90, double[] p95, boolean estimating) {
        boolean same = java.util.Arrays.equals(points, x) && java.util.Arrays.equals(p5, this.p5)
                && java.util.Arrays.equals(p10, this.p10) && java.util.Arrays.equals(p90, this.p90)
                && java.util.Arrays.equals(p95, this.p95) && group.isVisible();
        setEstimating(estimating);
        if (same) return;
        x = points.clone();
        this.p5 = p5.clone();
        this.p10 = p10.clone();
        this.p90 = p90.clone();
        this.p95 = p95.clone();
        group.setVisible(true);
        onChange.run();
    }

    /** Marks the bands as a first estimate or out of date (drawn lighter), or not. */
    public void setEstimating(boolean estimating) {
        group.pseudoClassStateChanged(ESTIMATING, estimating);
    }

    public boolean isEstimating() {
        return group.getPseudoClassStates().contains(ESTIMATING);
    }

    /** Removes the bands (no uncertain driver, or no simulation yet). */
    public void clear() {
        if (!group.isVisible()) return;
        group.setVisible(false);
        x = new double[0];
        p5 = p10 = p90 = p95 = x;
        outer.getPoints().clear();
        inner.getPoints().clear();
        line.getPoints().clear();
        onChange.run();
    }

    /** Whether bands are on show. */
    public boolean isShown() {
        return group.isVisible();
    }

    public double[] x() {
        return x.clone();
    }

    /**
     * The values the y axis should include so the bands fit: P5 and P95 at every point, finite, above 0 on a log
     * axis. Empty while no bands are shown.
     */
    public List<Number> yExtent(boolean logY) {
        List<Number> out = new ArrayList<>();
        if (!isShown()) return out;
        for (double[] v : new double[][] {p5, p95}) {
            for (double y : v) if (Double.isFinite(y) && (!logY || y > 0)) out.add(y);
        }
        return out;
    }

    /** Lays the bands out in plot coordinates (from the chart's layoutPlotChildren). */
    void layout(Axis<Number> xAxis, Axis<Number> yAxis) {
        if (!isShown()) return;
        boolean logX = xAxis instanceof LogAxis la && la.isLogarithmic();
        int n = 0;
        for (int i = 0; i < x.length; i++) if (drawable(i, logX)) n++;
        shownX = new double[n];
        shownIndex = new int[n];
        double[] lo5 = new double[n];
        double[] lo10 = new double[n];
        double[] hi90 = new double[n];
        double[] hi95 = new double[n];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (!drawable(i, logX)) continue;
            shownX[j] = xAxis.getDisplayPosition(x[i]);
            shownIndex[j] = i;
            lo5[j] = yAxis.getDisplayPosition(p5[i]);
            lo10[j] = yAxis.getDisplayPosition(p10[i]);
            hi90[j] = yAxis.getDisplayPosition(p90[i]);
            hi95[j] = yAxis.getDisplayPosition(p95[i]);
            j++;
        }
        outer.getPoints().setAll(polygon(shownX, hi95, lo5));
        inner.getPoints().setAll(polygon(shownX, hi90, lo10));
    }

    private boolean drawable(int i, boolean logX) {
        return Double.isFinite(x[i]) && (!logX || x[i] > 0) && Double.isFinite(p5[i]) && Double.isFinite(p10[i])
                && Double.isFinite(p90[i]) && Double.isFinite(p95[i]);
    }

    /** The top edge left to right, then the bottom edge right to left. */
    private static List<Double> polygon(double[] xs, double[] top, double[] bottom) {
        List<Double> pts = new ArrayList<>(4 * xs.length);
        for (int i = 0; i < xs.length; i++) {
            pts.add(xs[i]);
            pts.add(top[i]);
        }
        for (int i = xs.length - 1; i >= 0; i--) {
            pts.add(xs[i]);
            pts.add(bottom[i]);
        }
        return pts;
    }

    /** The index (in the points given) of the drawn point nearest display x {@code px}, or -1. */
    int nearest(double px) {
        int best = -1;
        double dist = Double.POSITIVE_INFINITY;
        for (int j = 0; j < shownX.length; j++) {
            double d = Math.abs(shownX[j] - px);
            if (d < dist) {
                dist = d;
                best = shownIndex[j];
            }
        }
        return best;
    }
}
