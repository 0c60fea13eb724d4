package costscope.ui.charts;

import javafx.scene.Group;
import javafx.scene.chart.Axis;
import javafx.scene.control.Label;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The overlays of a chart over the scale driver's range, in front of the series: a dashed vertical line with its label
 * at each scale point, and the current value: a vertical line, a dot on the curve and the dot's value.
 * Nodes are created once (scale points again only when they change) and moved at each layout.
 */
public final class RangeMarkers {
    /** A scale point: the driver value and the label shown. */
    public record Mark(double x, String label) {
    }

    private static final double LABEL_ROW = 13;
    private static final double LABEL_GAP = 4;

    private final Group points = new Group();
    private final Group front = new Group();
    private final Line currentLine = new Line();
    private final Circle dot = new Circle(4.5);
    private final Label dotLabel = new Label();
    private final List<Line> pointLines = new ArrayList<>();
    private final List<Label> pointLabels = new ArrayList<>();
    private List<Mark> marks = List.of();
    private double currentX = Double.NaN;
    private double currentY = Double.NaN;
    private Runnable onChange = () -> { };

    public RangeMarkers() {
        front.setManaged(false);
        points.getStyleClass().add("scale-point-markers");
        currentLine.getStyleClass().add("current-line");
        dot.getStyleClass().add("current-dot");
        dotLabel.getStyleClass().add("current-label");
        currentLine.setId("current-line");
        dot.setId("current-dot");
        dotLabel.setId("current-label");
        front.getChildren().addAll(points, currentLine, dot, dotLabel);
    }

    void onChange(Runnable r) {
        onChange = r;
    }

    Group front() {
        return front;
    }

    /** Sets the scale points; nodes are rebuilt only when they differ from the current ones. */
    public void setScalePoints(List<Mark> newMarks) {
        if (newMarks.equals(marks)) return;
        marks = List.copyOf(newMarks);
        points.getChildren().clear();
        pointLines.clear();
        pointLabels.clear();
        for (Mark m : marks) {
            Line l = new Line();
            l.getStyleClass().add("scale-point-line");
            Label t = new Label(m.label());
            t.getStyleClass().add("scale-point-label");
            pointLines.add(l);
            pointLabels.add(t);
            points.getChildren().addAll(l, t);
        }
        onChange.run();
    }

    /** Moves the current-value marker: x on the x axis, y the curve's value there (NaN: no dot), its label. */
    public void setCurrent(double x, double y, String label) {
        boolean same = Double.compare(x, currentX) == 0 && Double.compare(y, currentY) == 0
                && Objects.equals(label, dotLabel.getText());
        currentX = x;
        currentY = y;
        dotLabel.setText(label);
        if (!same) onChange.run();
    }

    public double currentX() {
        return currentX;
    }

    public double currentY() {
        return currentY;
    }

    public List<Mark> scalePoints() {
        return marks;
    }

    /** Display x of the current-value line in the plot, or NaN when it is hidden (outside the range). */
    public double currentLineX() {
        return currentLine.isVisible() ? currentLine.getStartX() : Double.NaN;
    }

    /** Lays the markers out in plot coordinates (called from the chart's layoutPlotChildren). */
    void layout(Axis<Number> xAxis, Axis<Number> yAxis) {
        double w = xAxis.getWidth();
        double h = yAxis.getHeight();
        double[] rowEnd = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < marks.size(); i++) {
            Line l = pointLines.get(i);
            Label t = pointLabels.get(i);
            double px = snap(xAxis.getDisplayPosition(marks.get(i).x()));
            boolean in = px >= -0.5 && px <= w + 0.5;
            l.setVisible(in);
            t.setVisible(in);
            if (!in) continue;
            l.setStartX(px);
            l.setEndX(px);
            l.setStartY(0);
            l.setEndY(h);
            t.autosize();
            double tw = t.getWidth();
            double left = Math.max(2, Math.min(w - tw - 2, px + 3));
            int row = left > rowEnd[0] + LABEL_GAP ? 0 : left > rowEnd[1] + LABEL_GAP ? 1 : -1;
            t.setVisible(row >= 0);
            if (row < 0) continue;
            rowEnd[row] = left + tw;
            t.setLayoutX(left);
            t.setLayoutY(2 + row * LABEL_ROW);
        }
        double cx = Double.isNaN(currentX) ? Double.NaN : snap(xAxis.getDisplayPosition(currentX));
        boolean show = !Double.isNaN(cx) && cx >= -0.5 && cx <= w + 0.5;
        currentLine.setVisible(show);
        if (show) {
            currentLine.setStartX(cx);
            currentLine.setEndX(cx);
            currentLine.setStartY(0);
            currentLine.setEndY(h);
        }
        double cy = show && Double.isFinite(currentY) && yAxis.isValueOnAxis(currentY) ? yAxis.getDisplayPosition(currentY) : Double.NaN;
        boolean showDot = !Double.isNaN(cy);
        dot.setVisible(showDot);
        boolean showLabel = showDot && dotLabel.getText() != null && !dotLabel.getText().isEmpty();
        dotLabel.setVisible(showLabel);
        if (showDot) {
            dot.setCenterX(cx);
            dot.setCenterY(cy);
        }
        if (showLabel) {
            dotLabel.autosize();
            double lw = dotLabel.getWidth();
            double lh = dotLabel.getHeight();
            double lx = cx + 8 + lw <= w ? cx + 8 : cx - 8 - lw;
            double ly = Math.max(0, Math.min(h - lh, cy - lh - 4));
            dotLabel.relocate(lx, ly);
        }
    }

    private static double snap(double v) {
        return Math.floor(v) + 0.5;
    }
}
