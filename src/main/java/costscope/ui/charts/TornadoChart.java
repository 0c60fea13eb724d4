package costscope.ui.charts;

import costscope.export.Formats;
import costscope.model.FigureFormat;
import costscope.ui.charts.AxisMath;
import costscope.whatif.Sensitivity;
import costscope.whatif.WhatIfTables;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;

/**
 * A tornado chart: one horizontal bar per driver, largest effect on top. Each bar spans the output's values over the
 * driver's low-high range and is split at the vertical base line (the output now): the part reached with the driver
 * at its low end in one colour, the part reached at its high end in another. Driver names and their ranges sit on the
 * left, the output's values at the bar ends, a value axis below. {@link #show} reuses the nodes it made before (it runs
 * on every frame of a slider drag while the view shows; new nodes would be styled from scratch each time), makes more
 * only when more rows show, and hides the ones not needed; layout only places them.
 */
public final class TornadoChart extends Region {
    static final double ROW_HEIGHT = 38;
    static final double MIN_ROW_HEIGHT = 29;
    static final double BAR_HEIGHT = 18;
    private static final double TOP = 24;
    private static final double AXIS = 24;
    private static final double GAP = 8;
    private static final int MAX_TICKS = 7;

    /** The nodes of one row. */
    public record RowNodes(Sensitivity.Bar bar, Region hit, Label name, Label range, Rectangle low, Rectangle high,
                    Label lowValue, Label highValue) {
    }

    private final List<RowNodes> rows = new ArrayList<>();
    /** Row nodes made so far; the first {@code rows.size()} show, the others hide. */
    private final List<Parts> pool = new ArrayList<>();
    /** Grid lines and tick labels made so far; the first {@code ticks.size()} show. */
    private final List<Line> gridLines = new ArrayList<>();
    private final List<Label> tickLabels = new ArrayList<>();
    private List<Double> ticks = List.of();
    private final Line baseLine = new Line();
    private final Label baseLabel = new Label();
    private Sensitivity data;
    private double fitHeight;
    private double maxRowHeight = ROW_HEIGHT;
    private double lo = 0;
    private double hi = 1;

    public TornadoChart() {
        getStyleClass().add("tornado-chart");
        baseLine.getStyleClass().add("tornado-base-line");
        baseLabel.getStyleClass().add("tornado-base-label");
        baseLabel.setMouseTransparent(true);
        baseLabel.setMinWidth(USE_PREF_SIZE);
    }

    /** The legend's words for the two halves of a bar and the base line: "driver −20%", "driver +20%", "Monthly total now". */
    public static String lowLegend(Sensitivity s) {
        return "driver \u2212" + Formats.number(s.swing() * 100) + "%";
    }

    public static String highLegend(Sensitivity s) {
        return "driver +" + Formats.number(s.swing() * 100) + "%";
    }

    public static String baseLegend(Sensitivity s) {
        return s.output().label() + " now";
    }

    /** True when the driver moves the output at all (beyond rounding noise). */
    public static boolean hasEffect(Sensitivity.Bar b) {
        double e = b.effect();
        return e > Math.max(1e-12, 1e-9 * Math.abs(b.base()));
    }

    /**
     * Shows the bars of {@code s} that have an effect, at most {@code maxRows} of them (in the order given: largest
     * effect first); null clears the chart.
     */
    public void show(Sensitivity s, String currency, int maxRows) {
        data = s;
        rows.clear();
        if (s == null) {
            ticks = List.of();
            for (Parts p : pool) p.hide();
            for (int i = 0; i < gridLines.size(); i++) showTick(i, false);
            baseLine.setVisible(false);
            baseLabel.setVisible(false);
            requestLayout();
            return;
        }
        FigureFormat f = s.output().format();
        List<Sensitivity.Bar> shown = s.bars().stream().filter(TornadoChart::hasEffect).limit(Math.max(0, maxRows)).toList();
        range(s.base(), shown);
        ticks = AxisMath.linearTicks(lo, hi, MAX_TICKS);
        boolean grew = getChildren().isEmpty();
        while (gridLines.size() < ticks.size()) {
            Line l = new Line();
            l.getStyleClass().add("tornado-grid-line");
            gridLines.add(l);
            Label tl = new Label();
            tl.getStyleClass().add("tornado-tick-label");
            tl.setMinWidth(USE_PREF_SIZE);
            tickLabels.add(tl);
            grew = true;
        }
        for (int i = 0; i < gridLines.size(); i++) {
            if (i < ticks.size()) tickLabels.get(i).setText(tick(ticks.get(i), f, currency));
            showTick(i, i < ticks.size());
        }
        while (pool.size() < shown.size()) {
            pool.add(new Parts());
            grew = true;
        }
        String lowText = lowLegend(s);
        String highText = highLegend(s);
        for (int i = 0; i < pool.size(); i++) {
            if (i < shown.size()) rows.add(pool.get(i).show(shown.get(i), f, currency, lowText, highText));
            else pool.get(i).hide();
        }
        baseLabel.setText(s.output().label() + " now " + WhatIfTables.format(s.base(), f, currency));
        baseLine.setVisible(true);
        baseLabel.setVisible(true);
        if (grew) {
            // nodes are only added (unused ones hide): a node taken out and put back is styled again from scratch
            List<Node> children = new ArrayList<>(gridLines);
            for (Parts p : pool) children.add(p.hit);
            for (Parts p : pool) children.addAll(List.of(p.name, p.range, p.low, p.high, p.lowValue, p.highValue));
            children.addAll(List.of(baseLine, baseLabel));
            children.addAll(tickLabels);
            getChildren().setAll(children);
        }
        requestLayout();
    }

    private void showTick(int i, boolean on) {
        gridLines.get(i).setVisible(on);
        tickLabels.get(i).setVisible(on);
    }

    /** The nodes of a row, kept across {@link #show} calls and given the bar of whichever row they show. */
    private final class Parts {
        final Region hit = new Region();
        final Label name = label("tornado-name");
        final Label range = label("tornado-range");
        final Rectangle low = new Rectangle();
        final Rectangle high = new Rectangle();
        final Label lowValue = label("tornado-value");
        final Label highValue = label("tornado-value");
        final Tooltip tip = new Tooltip();

        Parts() {
            hit.getStyleClass().add("tornado-row");
            name.setTextOverrun(OverrunStyle.ELLIPSIS);
            range.setTextOverrun(OverrunStyle.ELLIPSIS);
            low.getStyleClass().addAll("tornado-bar", "tornado-bar-low");
            high.getStyleClass().addAll("tornado-bar", "tornado-bar-high");
            low.setMouseTransparent(true);
            high.setMouseTransparent(true);
            tip.setShowDelay(Duration.millis(250));
            tip.setShowDuration(Duration.seconds(30));
            Tooltip.install(hit, tip);
        }

        RowNodes show(Sensitivity.Bar b, FigureFormat f, String currency, String lowText, String highText) {
            String id = "tornado-row-" + b.driver();
            if (!id.equals(hit.getId())) hit.setId(id);
            name.setText(b.label());
            range.setText(AxisMath.compact(b.low()) + " – " + AxisMath.compact(b.high())
                    + (b.unit() == null || b.unit().isBlank() ? "" : " " + b.unit()));
            double left = Math.min(b.outLow(), b.outHigh());
            double right = Math.max(b.outLow(), b.outHigh());
            lowValue.setText(left < b.base() ? WhatIfTables.format(left, f, currency) : "");
            highValue.setText(right > b.base() ? WhatIfTables.format(right, f, currency) : "");
            tip.setText(tooltip(b, f, currency, lowText, highText));
            for (Node n : List.of(hit, name, range, lowValue, highValue)) n.setVisible(true);
            return new RowNodes(b, hit, name, range, low, high, lowValue, highValue);
        }

        void hide() {
            hit.setId(null);
            for (Node n : List.of(hit, name, range, low, high, lowValue, highValue)) n.setVisible(false);
        }
    }

    /**
     * The height the chart should fit in when it can (the scroll pane's viewport): rows get thinner, down to a
     * minimum, so that the axis stays in view; 0 for full-height rows.
     */
    public void setFitHeight(double height) {
        if (height != fitHeight) {
            fitHeight = height;
            requestLayout();
        }
    }

    /**
     * The tallest a row may be when the fit height leaves room (default 38 px; a slide-sized chart lets rows grow to
     * fill its height).
     */
    public void setMaxRowHeight(double height) {
        maxRowHeight = Math.max(ROW_HEIGHT, height);
        requestLayout();
    }

    /** The height of a row: full, or thinner to fit the chart in its fit height. */
    double rowHeight() {
        if (!(fitHeight > 0) || rows.isEmpty()) return ROW_HEIGHT;
        double avail = fitHeight - snappedTopInset() - snappedBottomInset() - TOP - AXIS;
        return Math.max(MIN_ROW_HEIGHT, Math.min(maxRowHeight, Math.floor(avail / rows.size())));
    }

    /** The rows on show (for tests and the controller). */
    public List<RowNodes> rows() {
        return List.copyOf(rows);
    }

    /** The axis: the output's value at the left and right ends of the plot. */
    double[] axisRange() {
        return new double[] {lo, hi};
    }

    List<Double> ticks() {
        return ticks;
    }

    public Line baseLine() {
        return baseLine;
    }

    private void range(double base, List<Sensitivity.Bar> bars) {
        double min = Double.isFinite(base) ? base : Double.POSITIVE_INFINITY;
        double max = Double.isFinite(base) ? base : Double.NEGATIVE_INFINITY;
        for (Sensitivity.Bar b : bars) {
            for (double v : new double[] {b.outLow(), b.outHigh()}) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!(min <= max)) {
            min = 0;
            max = 1;
        }
        if (max == min) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = AxisMath.linearStep(min, max, MAX_TICKS - 1);
        lo = Math.floor(min / step) * step;
        hi = Math.ceil(max / step) * step;
    }

    private static String tick(double v, FigureFormat f, String currency) {
        return switch (f) {
            case CURRENCY -> AxisMath.compactMoney(v, Formats.symbol(currency).trim());
            case PERCENT -> AxisMath.compact(v * 100) + "%";
            default -> AxisMath.compact(v);
        };
    }

    private String tooltip(Sensitivity.Bar b, FigureFormat f, String currency, String lowText, String highText) {
        String out = data.output().label();
        String rel = Double.isNaN(b.relativeEffect()) ? "" : " (" + Formats.percent(b.relativeEffect()) + " of the value now)";
        return b.label() + " (" + b.driver() + ")\n"
                + "now " + Formats.number(b.value()) + ", moved from " + Formats.number(b.low()) + " to " + Formats.number(b.high()) + "\n"
                + out + " at " + Formats.number(b.low()) + " (" + lowText + "): " + WhatIfTables.format(b.outLow(), f, currency) + "\n"
                + out + " now: " + WhatIfTables.format(b.base(), f, currency) + "\n"
                + out + " at " + Formats.number(b.high()) + " (" + highText + "): " + WhatIfTables.format(b.outHigh(), f, currency) + "\n"
                + "Effect: " + WhatIfTables.format(b.effect(), f, currency) + rel;
    }

    private static Label label(String style) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setMouseTransparent(true);
        return l;
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + TOP + Math.max(1, rows.size()) * rowHeight() + AXIS + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 640;
    }

    /**
     * Width of the driver label column: the longest label, within a third of the chart (under 45% in a narrow chart,
     * beside the uncertainty charts, where a third would cut the names).
     */
    double labelWidth() {
        double w = 0;
        for (RowNodes r : rows) w = Math.max(w, Math.max(r.name().prefWidth(-1), r.range().prefWidth(-1)));
        double avail = getWidth() - snappedLeftInset() - snappedRightInset();
        return Math.min(Math.ceil(w) + 6, Math.max(90, avail * (avail < 800 ? 0.45 : 0.34)));
    }

    /** The x of a value on the plot. */
    double x(double v) {
        double[] p = plot();
        double c = Math.max(lo, Math.min(hi, v));
        return p[0] + (c - lo) / (hi - lo) * (p[1] - p[0]);
    }

    /** The plot's left and right x. */
    private double[] plot() {
        double valueW = 0;
        for (RowNodes r : rows) valueW = Math.max(valueW, Math.max(r.lowValue().prefWidth(-1), r.highValue().prefWidth(-1)));
        valueW = Math.ceil(valueW) + 6;
        double left = snappedLeftInset() + labelWidth() + GAP + valueW;
        double right = getWidth() - snappedRightInset() - valueW;
        if (right - left < 40) right = left + 40;
        return new double[] {left, right};
    }

    @Override
    protected void layoutChildren() {
        if (data == null) return;
        double top = snappedTopInset();
        double left = snappedLeftInset();
        double labelW = labelWidth();
        double rowsTop = top + TOP;
        double rowH = rowHeight();
        double rowsBottom = rowsTop + rows.size() * rowH;
        double width = getWidth() - left - snappedRightInset();
        // name over range, the two lines centred in the row
        for (int i = 0; i < rows.size(); i++) {
            RowNodes r = rows.get(i);
            double y = rowsTop + i * rowH;
            r.hit().resizeRelocate(left, y, width, rowH);
            // the label heights follow the font (a slide's is larger than the screen's)
            double nameH = Math.max(16, Math.ceil(r.name().prefHeight(-1)));
            double rangeH = Math.max(14, Math.ceil(r.range().prefHeight(-1)));
            double textTop = Math.max(0, Math.floor((rowH - nameH - rangeH + 1) / 2));
            r.name().resizeRelocate(left + 4, y + textTop, labelW, nameH);
            r.range().resizeRelocate(left + 4, y + textTop + nameH - 1, labelW, rangeH);
            double barH = Math.min(BAR_HEIGHT * maxRowHeight / ROW_HEIGHT, Math.round(rowH * 0.5));
            double barY = y + (rowH - barH) / 2;
            Sensitivity.Bar b = r.bar();
            place(r.low(), b.base(), b.outLow(), barY, barH);
            place(r.high(), b.base(), b.outHigh(), barY, barH);
            // the shorter part on top, so both show when the driver moves the output the same way at both ends
            if (r.low().getWidth() < r.high().getWidth()) r.low().toFront();
            else r.high().toFront();
            double barLeft = Math.min(r.low().getX(), r.high().getX());
            double barRight = Math.max(r.low().getX() + r.low().getWidth(), r.high().getX() + r.high().getWidth());
            double lw = r.lowValue().prefWidth(-1);
            r.lowValue().resizeRelocate(barLeft - 4 - lw, y, lw, rowH);
            r.highValue().resizeRelocate(barRight + 4, y, r.highValue().prefWidth(-1), rowH);
            r.lowValue().setAlignment(Pos.CENTER_RIGHT);
            r.highValue().setAlignment(Pos.CENTER_LEFT);
        }
        double bx = Math.round(x(data.base())) + 0.5;
        baseLine.setStartX(bx);
        baseLine.setEndX(bx);
        baseLine.setStartY(rowsTop - 4);
        baseLine.setEndY(rowsBottom + 2);
        double blw = baseLabel.prefWidth(-1);
        double[] p = plot();
        double blx = Math.max(left + labelW + GAP, Math.min(bx - blw / 2, getWidth() - snappedRightInset() - blw));
        baseLabel.resizeRelocate(blx, top + 2, blw, baseLabel.prefHeight(-1));
        double lastRight = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ticks.size(); i++) {
            double tx = Math.round(x(ticks.get(i))) + 0.5;
            Line l = gridLines.get(i);
            l.setStartX(tx);
            l.setEndX(tx);
            l.setStartY(rowsTop);
            l.setEndY(rowsBottom + 4);
            Label tl = tickLabels.get(i);
            double tw = tl.prefWidth(-1);
            double tlx = Math.max(p[0] - tw, tx - tw / 2);
            tl.resizeRelocate(tlx, rowsBottom + 5, tw, tl.prefHeight(-1));
            // thin out labels that would overlap their neighbour
            tl.setVisible(tlx > lastRight + 6);
            if (tl.isVisible()) lastRight = tlx + tw;
        }
    }

    /** Sizes a bar part from the base to {@code v} (nothing when v is the base or not a number). */
    private void place(Rectangle r, double base, double v, double y, double height) {
        if (!Double.isFinite(v) || !Double.isFinite(base) || v == base) {
            r.setVisible(false);
            r.setX(x(base));
            r.setWidth(0);
            return;
        }
        double a = x(Math.min(base, v));
        double b = x(Math.max(base, v));
        r.setVisible(true);
        r.setX(a);
        r.setY(y);
        r.setWidth(Math.max(1, b - a));
        r.setHeight(height);
    }
}
