package costscope.ui.charts;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.Axis;

/**
 * A chart over the scale driver's range (the cost-per-user line, the stacked category areas): log axes, scale-point
 * and current-value markers in front of the plot, uncertainty bands of the curve ({@link RangeBands}) when there are
 * any, never animated (series update in place as the model changes).
 */
public interface RangeChart {
    Axis<Number> getXAxis();

    Axis<Number> getYAxis();

    RangeMarkers markers();

    /** The uncertainty bands of the chart's curve (hidden until given bands). */
    RangeBands bands();

    default LogAxis xAxis() {
        return (LogAxis) getXAxis();
    }

    default LogAxis yAxis() {
        return (LogAxis) getYAxis();
    }

    /**
     * Sets up a range chart from its constructor: no animation, the markers put on the plot ({@code plot}, the chart's
     * plot children) and a new layout ({@code relayout}) whenever they change.
     */
    static void setUp(javafx.scene.chart.XYChart<Number, Number> chart, RangeMarkers markers, ObservableList<Node> plot,
                      Runnable relayout) {
        chart.setAnimated(false);
        chart.getXAxis().setAnimated(false);
        chart.getYAxis().setAnimated(false);
        chart.setLegendVisible(false);
        plot.add(markers.front());
        markers.onChange(relayout);
        // reachable with Tab (a visible focus, styles/charts.css), and spoken by a screen reader: its title, and where
        // the chart's owner sets it, the current point and value
        chart.setFocusTraversable(true);
        chart.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        chart.setAccessibleRoleDescription("chart");
        if (!chart.getStyleClass().contains("range-chart")) chart.getStyleClass().add("range-chart");
        chart.setAccessibleText(chart.getTitle());
        chart.titleProperty().addListener((o, was, now) -> {
            String spoken = chart.getAccessibleText();
            if (spoken == null || spoken.equals(was) || was != null && spoken.startsWith(was + ".")) chart.setAccessibleText(now);
        });
    }
}
