package costscope.ui.charts;

import javafx.scene.chart.LineChart;

/**
 * A line chart over the scale driver's range, on log axes (x: the driver, y: a cost), with scale-point and
 * current-value markers. Never animated: series update in place as the model changes.
 */
public class RangeLineChart extends LineChart<Number, Number> {
    private final RangeMarkers markers = new RangeMarkers();

    public RangeLineChart() {
        this(new LogAxis(), new LogAxis());
    }

    public RangeLineChart(LogAxis xAxis, LogAxis yAxis) {
        super(xAxis, yAxis);
        setAnimated(false);
        xAxis.setAnimated(false);
        yAxis.setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(false);
        getStyleClass().add("range-chart");
        getPlotChildren().add(markers.front());
        markers.onChange(this::requestChartLayout);
    }

    public LogAxis xAxis() {
        return (LogAxis) getXAxis();
    }

    public LogAxis yAxis() {
        return (LogAxis) getYAxis();
    }

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
