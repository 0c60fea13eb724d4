package costscope.ui.charts;

import javafx.collections.FXCollections;
import javafx.scene.Group;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;

import java.util.ArrayList;
import java.util.List;

/**
 * A stacked area chart over the scale driver's range (x: the driver on a {@link LogAxis}; y: linear, or log on
 * request), one series per category, with scale-point and current-value markers. Every series holds the same x values
 * (one sweep), so the stack is a running sum by point. Each series is drawn as one polygon (its band) and one polyline
 * (its top edge) whose point lists are replaced in one change per layout: JavaFX's StackedAreaChart rebuilds its paths
 * element by element, which costs several milliseconds a frame for ten categories of 240 points. Never animated.
 * The uncertainty bands of the total ({@link RangeBands}), when given, lie over the category fills, translucent, with
 * the deterministic total (the stack's top) drawn again on top of them.
 */
public class RangeAreaChart extends XYChart<Number, Number> implements RangeChart {
    private final RangeMarkers markers = new RangeMarkers();
    private final RangeBands bands = new RangeBands();
    private double[] sums = new double[0];
    /** A line over the stack, not stacked (the timeline's revenue), or none. */
    private final Polyline overlay = new Polyline();
    private double[] overlayX = new double[0];
    private double[] overlayY = new double[0];

    public RangeAreaChart() {
        this(new LogAxis(), new LogAxis());
    }

    public RangeAreaChart(LogAxis xAxis, LogAxis yAxis) {
        super(xAxis, yAxis);
        yAxis.setLogarithmic(false);
        RangeChart.setUp(this, markers, getPlotChildren(), this::requestChartLayout);
        getPlotChildren().add(0, bands.node());
        bands.curve().setVisible(true);
        bands.onChange(() -> {
            updateAxisRange();
            requestChartLayout();
        });
        setData(FXCollections.observableArrayList());
        // a linear range starts at 0, a log one at the least top: range again when the scale changes
        yAxis.logarithmicProperty().addListener((o, was, log) -> {
            updateAxisRange();
            requestChartLayout();
        });
        getStyleClass().addAll("stacked-area-chart", "range-chart");
        overlay.getStyleClass().add("range-overlay-line");
        overlay.setVisible(false);
        getPlotChildren().add(overlay);
    }

    /** Draws a line over the stack at these points (not added to it), in the axis range; null or empty removes it. */
    public void setOverlay(double[] x, double[] y) {
        overlayX = x == null ? new double[0] : x.clone();
        overlayY = y == null ? new double[0] : y.clone();
        overlay.setVisible(overlayX.length > 0);
        updateAxisRange();
        requestChartLayout();
    }

    /** The overlay line (for tests and styling). */
    public Polyline overlay() {
        return overlay;
    }

    @Override
    public RangeMarkers markers() {
        return markers;
    }

    @Override
    public RangeBands bands() {
        return bands;
    }

    /** The band (a polygon) of a series. */
    public static Polygon band(Series<Number, Number> s) {
        return (Polygon) ((Group) s.getNode()).getChildren().get(0);
    }

    /** The top edge (a polyline) of a series. */
    public static Polyline edge(Series<Number, Number> s) {
        return (Polyline) ((Group) s.getNode()).getChildren().get(1);
    }

    @Override
    protected void seriesAdded(Series<Number, Number> series, int seriesIndex) {
        Polygon fill = new Polygon();
        Polyline line = new Polyline();
        String colour = "default-color" + (seriesIndex % 8);
        fill.getStyleClass().addAll("chart-series-area-fill", "series" + seriesIndex, colour);
        line.getStyleClass().addAll("chart-series-area-line", "series" + seriesIndex, colour);
        Group g = new Group(fill, line);
        series.setNode(g);
        getPlotChildren().add(g);
        bands.node().toFront();
        overlay.toFront();
        markers.front().toFront();
    }

    @Override
    protected void seriesRemoved(Series<Number, Number> series) {
        getPlotChildren().remove(series.getNode());
        removeSeriesFromDisplay(series);
    }

    @Override
    protected void dataItemAdded(Series<Number, Number> series, int itemIndex, Data<Number, Number> item) {
    }

    @Override
    protected void dataItemRemoved(Data<Number, Number> item, Series<Number, Number> series) {
        removeDataItemFromDisplay(series, item);
    }

    @Override
    protected void dataItemChanged(Data<Number, Number> item) {
    }

    @Override
    protected void updateLegend() {
        // the charts panel has one legend for every chart
    }

    /** Running sums by point of every series: the stack's tops. */
    private double[] stackTops() {
        int n = 0;
        for (Series<Number, Number> s : getData()) n = Math.max(n, s.getData().size());
        double[] tops = new double[n];
        for (Series<Number, Number> s : getData()) {
            List<Data<Number, Number>> d = s.getData();
            for (int i = 0; i < d.size(); i++) tops[i] += d.get(i).getYValue().doubleValue();
        }
        return tops;
    }

    /** The y axis ranges over the stack's tops (from 0 on a linear axis); the x axis over the x values. */
    @Override
    protected void updateAxisRange() {
        Axis<Number> xa = getXAxis();
        Axis<Number> ya = getYAxis();
        if (xa.isAutoRanging()) {
            List<Number> xs = new ArrayList<>();
            for (Series<Number, Number> s : getData()) for (Data<Number, Number> d : s.getData()) xs.add(d.getXValue());
            xa.invalidateRange(xs);
        }
        if (ya.isAutoRanging()) {
            boolean log = yAxis().isLogarithmic();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double t : stackTops()) {
                if (!Double.isFinite(t) || log && !(t > 0)) continue;
                min = Math.min(min, t);
                max = Math.max(max, t);
            }
            for (Number b : bands.yExtent(log)) {
                min = Math.min(min, b.doubleValue());
                max = Math.max(max, b.doubleValue());
            }
            for (double v : overlayY) {
                if (!Double.isFinite(v) || log && !(v > 0)) continue;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max >= min) ya.invalidateRange(log ? List.of(min, max) : List.of(Math.min(0, min), max));
            else ya.invalidateRange(List.of());
        }
    }

    @Override
    protected void layoutPlotChildren() {
        Axis<Number> xa = getXAxis();
        Axis<Number> ya = getYAxis();
        boolean log = yAxis().isLogarithmic();
        double bottom = ya.getHeight();
        double zero = log ? bottom : ya.getDisplayPosition(0.0);
        int n = 0;
        for (Series<Number, Number> s : getData()) n = Math.max(n, s.getData().size());
        if (sums.length != n) sums = new double[n];
        java.util.Arrays.fill(sums, 0);
        double[] lower = new double[n];
        List<Double> stackTop = List.of();
        for (Series<Number, Number> s : getData()) {
            List<Data<Number, Number>> d = s.getData();
            int m = d.size();
            List<Double> band = new ArrayList<>(4 * m);
            List<Double> top = new ArrayList<>(2 * m);
            for (int i = 0; i < m; i++) {
                double x = xa.getDisplayPosition(d.get(i).getXValue());
                double from = sums[i];
                double to = from + d.get(i).getYValue().doubleValue();
                lower[i] = from == 0 || log && !(from > 0) ? zero : ya.getDisplayPosition(from);
                double y = log && !(to > 0) ? zero : ya.getDisplayPosition(to);
                sums[i] = to;
                band.add(x);
                band.add(y);
                top.add(x);
                top.add(y);
            }
            for (int i = m - 1; i >= 0; i--) {
                band.add(top.get(2 * i));
                band.add(lower[i]);
            }
            band(s).getPoints().setAll(band);
            edge(s).getPoints().setAll(top);
            stackTop = top;
        }
        if (bands.isShown()) {
            bands.layout(xa, ya);
            bands.curve().getPoints().setAll(stackTop);
        }
        List<Double> line = new ArrayList<>(2 * overlayX.length);
        for (int i = 0; i < overlayX.length; i++) {
            if (!Double.isFinite(overlayY[i]) || log && !(overlayY[i] > 0)) continue;
            line.add(xa.getDisplayPosition(overlayX[i]));
            line.add(ya.getDisplayPosition(overlayY[i]));
        }
        overlay.getPoints().setAll(line);
        markers.layout(xa, ya);
    }
}
