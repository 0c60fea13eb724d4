package costscope.ui.charts;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Arc;
import javafx.scene.shape.Circle;

/** A pie chart with a hole showing a caption (the total), never animated; the panel's legend replaces its own. */
public class DonutChart extends PieChart {
    /** The hole's radius as a share of the pie's. */
    static final double HOLE = 0.56;

    private final Circle hole = new Circle();
    private final Label centre = new Label();

    public DonutChart() {
        setAnimated(false);
        setLegendVisible(false);
        // a node of our own as the legend: PieChart then skips rebuilding its (hidden) legend on every label change
        setLegend(new javafx.scene.layout.Pane());
        setStartAngle(90);
        getStyleClass().add("donut-chart");
        hole.getStyleClass().add("donut-hole");
        hole.setManaged(false);
        hole.setMouseTransparent(true);
        centre.getStyleClass().add("donut-caption");
        centre.setId("donut-caption");
        centre.setManaged(false);
        centre.setMouseTransparent(true);
        getChartChildren().addAll(hole, centre);
    }

    /** The caption in the hole. */
    public Label caption() {
        return centre;
    }

    @Override
    protected void layoutChartChildren(double top, double left, double contentWidth, double contentHeight) {
        super.layoutChartChildren(top, left, contentWidth, contentHeight);
        ObservableList<Node> children = getChartChildren();
        // slices added after the hole would cover it: keep the hole and the caption above them
        Node last = lastSlice();
        if (last != null && children.indexOf(hole) < children.indexOf(last)) {
            hole.toFront();
            centre.toFront();
        }
        double radius = 0;
        double cx = left + contentWidth / 2;
        double cy = top + contentHeight / 2;
        for (Data d : getData()) {
            if (d.getNode() instanceof Region r && r.getShape() instanceof Arc a) {
                radius = Math.max(radius, a.getRadiusX());
                cx = r.getLayoutX();
                cy = r.getLayoutY();
            }
        }
        boolean show = radius > 0;
        hole.setVisible(show);
        centre.setVisible(show && radius * HOLE > 24);
        if (!show) return;
        hole.setCenterX(cx);
        hole.setCenterY(cy);
        hole.setRadius(radius * HOLE);
        centre.setMaxWidth(radius * HOLE * 1.8);
        centre.autosize();
        centre.relocate(cx - centre.getWidth() / 2, cy - centre.getHeight() / 2);
    }

    private Node lastSlice() {
        Node last = null;
        for (Data d : getData()) if (d.getNode() != null) last = d.getNode();
        return last;
    }
}
