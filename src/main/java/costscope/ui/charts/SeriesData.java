package costscope.ui.charts;

import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes values into an existing chart series in place: the series' Data objects are reused and only values that
 * changed are set, so a recalculation per frame neither rebuilds a chart nor replaces its series.
 */
public final class SeriesData {
    private SeriesData() {
    }

    /**
     * Sets the series to the plottable points (x[i], y[i]) (finite, and above 0 on a log axis), reusing its Data.
     */
    public static void set(XYChart.Series<Number, Number> series, double[] x, double[] y, boolean logX, boolean logY) {
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        int n = 0;
        for (int i = 0; i < x.length; i++) if (ChartData.plottable(x[i], y[i], logX, logY)) n++;
        if (data.size() > n) data.remove(n, data.size());
        if (data.size() < n) {
            List<XYChart.Data<Number, Number>> more = new ArrayList<>(n - data.size());
            for (int j = data.size(); j < n; j++) more.add(new XYChart.Data<>(0.0, 0.0));
            data.addAll(more);
        }
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (!ChartData.plottable(x[i], y[i], logX, logY)) continue;
            XYChart.Data<Number, Number> d = data.get(j++);
            if (d.getXValue().doubleValue() != x[i]) d.setXValue(x[i]);
            if (d.getYValue().doubleValue() != y[i]) d.setYValue(y[i]);
        }
    }
}
