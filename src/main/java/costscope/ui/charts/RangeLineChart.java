package costscope.ui.charts;

import javafx.scene.chart.LineChart;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart over the scale driver's range, on log axes (x: the driver, y: a cost), with scale-point and
 * current-value markers ({@link RangeChart}) and, when given, the line's uncertainty bands behind it.
 */
public class RangeLineChart extends LineChart<Number, Number> implements RangeChart {
    private final RangeMarkers markers = new RangeMarkers();
    private final RangeBands bands = new RangeBands();

    public RangeLineChart() {
        this(new LogAxis(), new LogAxis());
    }

    public RangeLineChart(LogAxis xAxis, LogAxis yAxis) {
        super(xAxis, yAxis);
        RangeChart.setUp(this, markers, getPlotChildren(), this::requestChartLayout);
        // behind every series: the series' nodes are added after it
        getPlotChildren().add(0, bands.node());
        bands.onChange(() -> {
            updateAxisRange();
            requestChartLayout();
        });
        setCreateSymbols(false);
        getStyleClass().add("range-chart");
    }

    @Override
    public RangeMarkers markers() {
        return markers;
    }

    @Override
    public RangeBands bands() {
        return bands;
    }

    @Override
    protected void seriesAdded(Series<Number, Number> series, int seriesIndex) {
        super.seriesAdded(series, seriesIndex);
        markers.front().toFront();
    }

    /** The y axis also spans the bands, when there are any. */
    @Override
    protected void updateAxisRange() {
        super.updateAxisRange();
        if (!bands.isShown() || !getYAxis().isAutoRanging()) return;
        boolean logY = yAxis().isLogarithmic();
        List<Number> ys = new ArrayList<>();
        for (Series<Number, Number> s : getData()) {
            for (Data<Number, Number> d : s.getData()) ys.add(d.getYValue());
        }
        ys.addAll(bands.yExtent(logY));
        getYAxis().invalidateRange(ys);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        bands.layout(getXAxis(), getYAxis());
        markers.layout(getXAxis(), getYAxis());
    }
}
