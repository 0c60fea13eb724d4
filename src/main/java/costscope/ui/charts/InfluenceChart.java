package costscope.ui.charts;

import costscope.engine.MonteCarlo;
import costscope.export.Formats;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What drives an output's spread: one horizontal bar per uncertain driver, in the order given (largest |rank| first),
 * from the zero line to the driver's rank correlation with the output on a -1 to 1 axis: right (one colour) when the
 * output tends to rise with the driver, left (another) when it tends to fall. The driver's label sits above its bar
 * (the chart is meant for a narrow side panel: the bars get the whole width) and the signed value (+0.82) at the bar's
 * end. Focusable: the up and down arrow keys step through the rows, each read out
 * in the accessible text; hovering a row shows what its figure means. {@link #show} reuses its nodes.
 */
public final class InfluenceChart extends Region {
    static final double ROW_HEIGHT = 34;
    private static final double NAME_HEIGHT = 17;
    static final double BAR_HEIGHT = 12;
    private static final double AXIS = 20;
    private static final double VALUE_WIDTH = 44;
    private static final double GAP = 8;
    private static final double[] TICKS = {-1, -0.5, 0, 0.5, 1};

    /** The nodes of one row. */
    public record Row(MonteCarlo.Influence influence, Region hit, Label name, Rectangle bar, Label value, Line zero) {
    }

    private final List<Parts> pool = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    /** The axis along the bottom; its tick marks and labels below it. */
    private final Line axisLine = new Line();
    private final List<Line> gridLines = new ArrayList<>();
    private final List<Label> tickLabels = new ArrayList<>();
    private String summary = "";
    private Function<MonteCarlo.Influence, String> describe = MonteCarlo.Influence::label;
    private int selected = -1;

    public InfluenceChart() {
        getStyleClass().add("influence-chart");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.TEXT);
        setAccessibleRoleDescription("bar chart");
        axisLine.getStyleClass().add("influence-axis-line");
        axisLine.setMouseTransparent(true);
        for (double t : TICKS) {
            Line l = new Line();
            l.getStyleClass().add("influence-tick-mark");
            l.setMouseTransparent(true);
            gridLines.add(l);
            Label tl = new Label(t == 0 ? "0" : rankText(t).replace(".00", "").replace(".50", ".5"));
            tl.getStyleClass().add("influence-tick-label");
            tl.setMinWidth(USE_PREF_SIZE);
            tl.setMouseTransparent(true);
            tickLabels.add(tl);
        }
        arrange();
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        focusedProperty().addListener((o, was, is) -> {
            if (!is) select(-1);
        });
    }

    /** A rank correlation with its sign and two decimals: +0.82, −0.10, 0.00; "n/a" when it is not a number. */
    public static String rankText(double r) {
        if (Double.isNaN(r)) return "n/a";
        String a = Formats.number(Math.abs(r), 2);
        if (a.equals("0.00")) return a;
        return (r > 0 ? "+" : "\u2212") + a;
    }

    /**
     * Shows the drivers' influence in the order given; {@code describe} gives a row's tooltip and read-out,
     * {@code summary} the chart's accessible text (its title and figures). An empty list clears the chart.
     */
    public void show(List<MonteCarlo.Influence> influence, Function<MonteCarlo.Influence, String> describe, String summary) {
        this.describe = describe;
        this.summary = summary == null ? "" : summary;
        select(-1);
        rows.clear();
        boolean grew = false;
        while (pool.size() < influence.size()) {
            pool.add(new Parts());
            grew = true;
        }
        for (int i = 0; i < pool.size(); i++) {
            if (i < influence.size()) rows.add(pool.get(i).show(influence.get(i)));
            else pool.get(i).hide();
        }
        boolean any = !rows.isEmpty();
        axisLine.setVisible(any);
        for (int i = 0; i < gridLines.size(); i++) {
            gridLines.get(i).setVisible(any);
            tickLabels.get(i).setVisible(any);
        }
        if (grew) arrange();
        setAccessibleText(this.summary);
        requestLayout();
    }

    /** The children back to front: rows, bars, zero lines, axis, labels. */
    private void arrange() {
        List<Node> children = new ArrayList<>();
        for (Parts p : pool) children.add(p.hit);
        for (Parts p : pool) children.add(p.bar);
        for (Parts p : pool) children.add(p.zero);
        children.add(axisLine);
        children.addAll(gridLines);
        for (Parts p : pool) children.addAll(List.of(p.name, p.value));
        children.addAll(tickLabels);
        getChildren().setAll(children);
    }

    /** The nodes of a row, kept across {@link #show} calls. */
    private final class Parts {
        final Region hit = new Region();
        final Label name = new Label();
        final Rectangle bar = new Rectangle();
        final Label value = new Label();
        /** The zero line across this row's bar (not across the names). */
        final Line zero = new Line();
        final Tooltip tip = new Tooltip();

        Parts() {
            hit.getStyleClass().add("influence-row");
            name.getStyleClass().add("influence-name");
            name.setTextOverrun(OverrunStyle.ELLIPSIS);
            value.getStyleClass().add("influence-value");
            value.setMinWidth(USE_PREF_SIZE);
            zero.getStyleClass().add("influence-zero-line");
            for (Node n : List.of(name, bar, value, zero)) n.setMouseTransparent(true);
            tip.setShowDelay(Duration.millis(250));
            tip.setShowDuration(Duration.seconds(30));
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            Tooltip.install(hit, tip);
        }

        Row show(MonteCarlo.Influence inf) {
            String id = "influence-row-" + inf.driver();
            if (!id.equals(hit.getId())) hit.setId(id);
            name.setText(inf.label());
            value.setText(rankText(inf.rank()));
            bar.getStyleClass().setAll("influence-bar", inf.rank() < 0 ? "influence-bar-negative" : "influence-bar-positive");
            tip.setText(describe.apply(inf));
            for (Node n : List.of(hit, name, value, zero)) n.setVisible(true);
            bar.setVisible(!Double.isNaN(inf.rank()));
            return new Row(inf, hit, name, bar, value, zero);
        }

        void hide() {
            hit.setId(null);
            for (Node n : List.of(hit, name, bar, value, zero)) n.setVisible(false);
        }
    }

    private void key(KeyEvent e) {
        if (rows.isEmpty()) return;
        switch (e.getCode()) {
            case DOWN, KP_DOWN -> select(selected < 0 ? 0 : Math.min(rows.size() - 1, selected + 1));
            case UP, KP_UP -> select(selected < 0 ? 0 : Math.max(0, selected - 1));
            case HOME -> select(0);
            case END -> select(rows.size() - 1);
            case ESCAPE -> {
                if (selected < 0) return;
                select(-1);
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Selects row {@code i} (-1: none): the row is highlighted and read out in the accessible text. */
    public void select(int i) {
        if (selected >= 0 && selected < rows.size()) rows.get(selected).hit().getStyleClass().remove("influence-row-selected");
        selected = i < 0 || i >= rows.size() ? -1 : i;
        if (selected < 0) {
            setAccessibleText(summary);
        } else {
            Row r = rows.get(selected);
            r.hit().getStyleClass().add("influence-row-selected");
            setAccessibleText("Row " + (selected + 1) + " of " + rows.size() + ": " + describe.apply(r.influence()));
        }
    }

    public int selected() {
        return selected;
    }

    /** The rows on show, in order (for tests and the view). */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The plot's left and right x: -1 and +1. */
    private double[] plot() {
        double left = snappedLeftInset() + VALUE_WIDTH;
        double right = getWidth() - snappedRightInset() - VALUE_WIDTH;
        if (right - left < 40) right = left + 40;
        return new double[] {left, right};
    }

    /** The x of a rank correlation. */
    double x(double r) {
        double[] p = plot();
        return p[0] + (Math.max(-1, Math.min(1, r)) + 1) / 2 * (p[1] - p[0]);
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + Math.max(1, rows.size()) * ROW_HEIGHT + AXIS + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 380;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    @Override
    protected void layoutChildren() {
        if (rows.isEmpty()) return;
        double top = snappedTopInset();
        double left = snappedLeftInset();
        double width = getWidth() - left - snappedRightInset();
        double bottom = top + rows.size() * ROW_HEIGHT;
        double zx = Math.round(x(0)) + 0.5;
        double half = (x(1) - x(-1)) / 2;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double y = top + i * ROW_HEIGHT;
            r.hit().resizeRelocate(left, y, width, ROW_HEIGHT);
            r.name().resizeRelocate(left + 2, y + 1, Math.max(0, width - 4), NAME_HEIGHT);
            r.name().setAlignment(Pos.CENTER_LEFT);
            double barTop = y + NAME_HEIGHT + 2;
            double barRow = ROW_HEIGHT - NAME_HEIGHT - 2;
            double rank = r.influence().rank();
            // from the zero line (on its pixel), |rank| of the half width: lengths stay proportional to the ranks
            double bx = Double.isNaN(rank) ? zx : zx + Math.max(-1, Math.min(1, rank)) * half;
            Rectangle bar = r.bar();
            bar.setX(Math.min(zx, bx));
            bar.setWidth(Math.abs(bx - zx));
            bar.setY(barTop + (barRow - BAR_HEIGHT) / 2);
            bar.setHeight(BAR_HEIGHT);
            Line z = r.zero();
            z.setStartX(zx);
            z.setEndX(zx);
            z.setStartY(barTop);
            z.setEndY(barTop + barRow);
            Label v = r.value();
            double vw = v.prefWidth(-1);
            if (!Double.isNaN(rank) && rank < 0) {
                v.resizeRelocate(Math.min(zx, bx) - 4 - vw, barTop, vw, barRow);
                v.setAlignment(Pos.CENTER_RIGHT);
            } else {
                v.resizeRelocate(Math.max(zx, bx) + 4, barTop, vw, barRow);
                v.setAlignment(Pos.CENTER_LEFT);
            }
        }
        axisLine.setStartX(x(-1));
        axisLine.setEndX(x(1));
        axisLine.setStartY(Math.round(bottom) + 0.5);
        axisLine.setEndY(Math.round(bottom) + 0.5);
        for (int i = 0; i < TICKS.length; i++) {
            double tx = Math.round(x(TICKS[i])) + 0.5;
            Line g = gridLines.get(i);
            g.setStartX(tx);
            g.setEndX(tx);
            g.setStartY(Math.round(bottom) + 0.5);
            g.setEndY(Math.round(bottom) + 4);
            Label tl = tickLabels.get(i);
            double tw = tl.prefWidth(-1);
            tl.resizeRelocate(tx - tw / 2, bottom + 4, tw, tl.prefHeight(-1));
        }
    }
}
