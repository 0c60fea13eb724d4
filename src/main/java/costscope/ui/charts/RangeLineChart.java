package costscope.ui.charts;

import javafx.scene.chart.LineChart;

/**
 * A line chart over the scale driver's range, on log axes (x: the driver, y: a cost), with scale-point and
 * current-value markers ({@link RangeChart}).
 */
public class RangeLineChart extends LineChart<Number, Number> implements RangeChart {
    private final RangeMarkers markers = new RangeMarkers();

    public RangeLineChart() {
        this(new LogAxis(), new LogAxis());
    }

    public RangeLineChart(LogAxis xAxis, LogAxis yAxis) {
        super(xAxis, yAxis);
        RangeChart.setUp(this, markers, getPlotChildren(), this::requestChartLayout);
        setCreateSymbols(false);
        getStyleClass().add("range-chart");
    }

    @Override
    public RangeMarkers markers() {
        return markers;
    }

    @Override
    protected void seriesAdded(Series<Number, Number> series, int seriesIndex) {
        super.seriesAdded(series, seriesIndex);
        markers.front().toFront();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        markers.layout(getXAxis(), getYAxis());
    }
}
