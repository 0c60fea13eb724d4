package costscope.ui.charts;

import javafx.scene.chart.StackedAreaChart;

import java.util.List;

/**
 * A stacked area chart over the scale driver's range (x: the driver on a {@link LogAxis}; y: linear, or log on
 * request), one series per category, with scale-point and current-value markers. Never animated: series update in
 * place as the model changes.
 */
public class RangeAreaChart extends StackedAreaChart<Number, Number> {
    private final RangeMarkers markers = new RangeMarkers();

    public RangeAreaChart() {
        this(new LogAxis(), new LogAxis());
    }

    public RangeAreaChart(LogAxis xAxis, LogAxis yAxis) {
        super(xAxis, yAxis);
        yAxis.setLogarithmic(false);
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

    /**
     * On a log y axis the stack's floor is not 0: range over the stack tops (the totals), so every total shows;
     * linear axes range as usual (from 0 to the highest total).
     */
    @Override
    protected void updateAxisRange() {
        LogAxis y = yAxis();
        if (!y.isLogarithmic() || !y.isAutoRanging()) {
            super.updateAxisRange();
            return;
        }
        int n = 0;
        for (Series<Number, Number> s : getData()) n = Math.max(n, s.getData().size());
        double[] tops = new double[n];
        for (Series<Number, Number> s : getData()) {
            for (int i = 0; i < s.getData().size(); i++) tops[i] += s.getData().get(i).getYValue().doubleValue();
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double t : tops) {
            if (t > 0 && Double.isFinite(t)) {
                min = Math.min(min, t);
                max = Math.max(max, t);
            }
        }
        y.invalidateRange(max > 0 ? List.of(min, max) : List.of());
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
