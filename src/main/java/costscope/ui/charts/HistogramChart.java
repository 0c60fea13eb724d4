package costscope.ui.charts;

import costscope.engine.MonteCarlo;
import costscope.export.Formats;
import costscope.model.FigureFormat;
import costscope.whatif.WhatIfTables;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A histogram of one output's Monte Carlo samples: one bar per bin of the engine's histogram, its height proportional
 * to the bin's count, on a value axis in the output's units. A solid line marks the output's value now (the drivers at
 * their values) and dashed lines mark P10, P50 and P90; the bars outside P10-P90 are paler. Focusable: the left and
 * right arrow keys step through the bins (Home and End jump to the ends, Escape clears), each bin's count shown in a
 * read-out and in the accessible text; hovering a bar shows the same in a tooltip. {@link #show} reuses its nodes.
 */
public final class HistogramChart extends Region {
    private static final double TOP = 36;
    private static final double AXIS = 20;
    private static final double SIDE = 10;
    private static final int MAX_TICKS = 6;
    /** The narrowest bar drawn for a histogram whose samples are all one value. */
    private static final double SINGLE_BAR = 8;

    /** A bar and the bin it draws. */
    public record Bar(int bin, double from, double to, long count, Rectangle node) {
    }

    private final List<Rectangle> pool = new ArrayList<>();
    private final List<Tooltip> tips = new ArrayList<>();
    private final List<Bar> bars = new ArrayList<>();
    private final List<Line> gridLines = new ArrayList<>();
    private final List<Label> tickLabels = new ArrayList<>();
    private List<Double> ticks = List.of();
    private final Line axisLine = new Line();
    private final Line nowLine = new Line();
    private final Label nowLabel = new Label();
    private final Line[] percentileLines = {new Line(), new Line(), new Line()};
    private final Label[] percentileLabels = {new Label("P10"), new Label("P50"), new Label("P90")};
    private final Label readout = new Label();
    private MonteCarlo.Spread spread;
    private double now = Double.NaN;
    private double lo = 0;
    private double hi = 1;
    private long total;
    private long maxCount;
    private int selected = -1;
    private String summary = "";
    private DoubleFunction<String> valueText = Formats::number;
    private FigureFormat format = FigureFormat.NUMBER;
    private String currency = "USD";

    public HistogramChart() {
        getStyleClass().add("histogram-chart");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.TEXT);
        setAccessibleRoleDescription("histogram");
        axisLine.getStyleClass().add("histogram-axis-line");
        nowLine.getStyleClass().add("histogram-now-line");
        nowLabel.getStyleClass().add("histogram-now-label");
        readout.getStyleClass().add("histogram-readout");
        for (int i = 0; i < 3; i++) {
            percentileLines[i].getStyleClass().add("histogram-percentile-line");
            percentileLabels[i].getStyleClass().add("histogram-percentile-label");
        }
        for (Node n : List.of(nowLabel, readout, percentileLabels[0], percentileLabels[1], percentileLabels[2])) {
            n.setMouseTransparent(true);
            ((Label) n).setMinWidth(USE_PREF_SIZE);
        }
        for (Line l : percentileLines) l.setMouseTransparent(true);
        nowLine.setMouseTransparent(true);
        readout.setVisible(false);
        arrange();
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        focusedProperty().addListener((o, was, is) -> {
            if (!is) select(-1);
        });
    }

    /**
     * Shows the histogram of {@code s} with the value now marked; {@code format} and {@code currency} label the axis
     * and markers as the rest of the app does. {@code summary} is its accessible text (title and key figures). Null clears the chart.
     */
    public void show(MonteCarlo.Spread s, double now, FigureFormat format, String currency, String summary) {
        this.spread = s;
        this.now = now;
        this.summary = summary == null ? "" : summary;
        FigureFormat f = format == null ? FigureFormat.NUMBER : format;
        this.format = f;
        this.currency = currency;
        this.valueText = v -> WhatIfTables.format(v, f, currency);
        // a bin read out by keyboard stays selected when newer figures come (a first estimate, then the full count)
        int keep = isFocused() ? selected : -1;
        bars.clear();
        selected = -1;
        readout.setVisible(false);
        if (s == null || s.histogram().counts().length == 0) {
            spread = null;
            ticks = List.of();
            for (Rectangle r : pool) r.setVisible(false);
            for (int i = 0; i < gridLines.size(); i++) showTick(i, false);
            setMarkersVisible(false);
            setAccessibleText(this.summary);
            requestLayout();
            return;
        }
        double[] edges = s.histogram().edges();
        long[] counts = s.histogram().counts();
        range(edges[0], edges[edges.length - 1], now);
        ticks = AxisMath.linearTicks(lo, hi, MAX_TICKS);
        boolean grew = false;
        while (gridLines.size() < ticks.size()) {
            Line l = new Line();
            l.getStyleClass().add("histogram-grid-line");
            l.setMouseTransparent(true);
            gridLines.add(l);
            Label tl = new Label();
            tl.getStyleClass().add("histogram-tick-label");
            tl.setMinWidth(USE_PREF_SIZE);
            tl.setMouseTransparent(true);
            tickLabels.add(tl);
            grew = true;
        }
        for (int i = 0; i < gridLines.size(); i++) {
            if (i < ticks.size()) tickLabels.get(i).setText(tick(ticks.get(i), f, currency));
            showTick(i, i < ticks.size());
        }
        while (pool.size() < counts.length) {
            Rectangle r = new Rectangle();
            r.getStyleClass().add("histogram-bar");
            Tooltip tip = new Tooltip();
            tip.setShowDelay(Duration.millis(200));
            Tooltip.install(r, tip);
            pool.add(r);
            tips.add(tip);
            grew = true;
        }
        // nodes are only added (unused ones hide): a node taken out and put back is styled again from scratch
        if (grew) arrange();
        total = 0;
        maxCount = 0;
        for (long c : counts) {
            total += c;
            maxCount = Math.max(maxCount, c);
        }
        for (int i = 0; i < pool.size(); i++) {
            Rectangle r = pool.get(i);
            if (i < counts.length) {
                double from = edges[i];
                double to = edges[Math.min(i + 1, edges.length - 1)];
                bars.add(new Bar(i, from, to, counts[i], r));
                boolean inner = to >= s.p10() && from <= s.p90();
                r.getStyleClass().setAll("histogram-bar", inner ? "histogram-bar-inner" : "histogram-bar-outer");
                r.setVisible(true);
                tips.get(i).setText(binText(i));
            } else {
                r.setVisible(false);
            }
        }
        String[] names = {"P10", "P50", "P90"};
        double[] values = {s.p10(), s.p50(), s.p90()};
        for (int i = 0; i < 3; i++) percentileLabels[i].setText(names[i]);
        nowLabel.setText("now " + valueText.apply(now));
        setMarkersVisible(true);
        nowLine.setVisible(Double.isFinite(now));
        nowLabel.setVisible(Double.isFinite(now));
        for (int i = 0; i < 3; i++) {
            percentileLines[i].setVisible(Double.isFinite(values[i]));
            percentileLabels[i].setVisible(Double.isFinite(values[i]));
        }
        setAccessibleText(this.summary);
        if (keep >= 0) select(Math.min(keep, bars.size() - 1));
        requestLayout();
    }

    /** The children back to front: grid, axis, bars, markers, labels. */
    private void arrange() {
        List<Node> children = new ArrayList<>(gridLines);
        children.add(axisLine);
        children.addAll(pool);
        children.addAll(List.of(percentileLines));
        children.add(nowLine);
        children.addAll(List.of(percentileLabels));
        children.add(nowLabel);
        children.addAll(tickLabels);
        children.add(readout);
        getChildren().setAll(children);
    }

    private void setMarkersVisible(boolean on) {
        axisLine.setVisible(on);
        nowLine.setVisible(on);
        nowLabel.setVisible(on);
        for (int i = 0; i < 3; i++) {
            percentileLines[i].setVisible(on);
            percentileLabels[i].setVisible(on);
        }
    }

    private void showTick(int i, boolean on) {
        gridLines.get(i).setVisible(on);
        tickLabels.get(i).setVisible(on);
    }

    /** The axis: the samples' extent and the value now, with a little room either side. */
    private void range(double min, double max, double v) {
        double a = min;
        double b = max;
        if (Double.isFinite(v)) {
            a = Math.min(a, v);
            b = Math.max(b, v);
        }
        if (!(b > a)) {
            double pad = a == 0 ? 1 : Math.abs(a) * 0.1;
            a -= pad;
            b += pad;
        } else {
            double pad = (b - a) * 0.04;
            a -= pad;
            b += pad;
        }
        lo = a;
        hi = b;
    }

    private static String tick(double v, FigureFormat f, String currency) {
        return switch (f) {
            case CURRENCY -> AxisMath.compactMoney(v, Formats.symbol(currency).trim());
            case PERCENT -> AxisMath.compact(v * 100) + "%";
            default -> AxisMath.compact(v);
        };
    }

    private String binText(int i) {
        Bar b = bars.get(i);
        double w = b.to() - b.from();
        return edge(b.from(), w) + " \u2013 " + edge(b.to(), w) + ": " + String.format("%,d", b.count())
                + (b.count() == 1 ? " sample" : " samples") + " (" + Formats.percent(total == 0 ? 0 : (double) b.count() / total) + ")";
    }

    /**
     * A bin's edge in the output's format, with the decimals a bin of width {@code w} needs (adjacent bins of a narrow
     * histogram would otherwise read alike: 1.4% – 1.4%), never fewer than the format's own.
     */
    private String edge(double v, double w) {
        int d = Formats.decimalsFor(w);
        return switch (format) {
            case CURRENCY -> d <= 2 ? WhatIfTables.format(v, format, currency) : Formats.money(v, currency, d);
            case PERCENT -> Formats.percent(v, Math.max(1, Formats.decimalsFor(w * 100)));
            case MONTHS -> Formats.number(v, Math.max(1, d)) + " months";
            case NUMBER -> d == 0 ? Formats.number(v) : Formats.number(v, d);
        };
    }

    private void key(KeyEvent e) {
        if (bars.isEmpty()) return;
        switch (e.getCode()) {
            case RIGHT, KP_RIGHT -> select(selected < 0 ? 0 : Math.min(bars.size() - 1, selected + 1));
            case LEFT, KP_LEFT -> select(selected < 0 ? bars.size() - 1 : Math.max(0, selected - 1));
            case HOME -> select(0);
            case END -> select(bars.size() - 1);
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

    /** Selects bin {@code i} (-1: none): the bar is highlighted and its count read out. */
    public void select(int i) {
        if (selected >= 0 && selected < bars.size()) bars.get(selected).node().getStyleClass().remove("histogram-bar-selected");
        selected = i < 0 || i >= bars.size() ? -1 : i;
        nowLabel.setVisible(spread != null && selected < 0 && Double.isFinite(now));
        if (selected < 0) {
            readout.setVisible(false);
            setAccessibleText(summary);
        } else {
            bars.get(selected).node().getStyleClass().add("histogram-bar-selected");
            String text = binText(selected);
            readout.setText(text);
            readout.setVisible(true);
            setAccessibleText("Bin " + (selected + 1) + " of " + bars.size() + ": " + text);
        }
        requestLayout();
    }

    /** The selected bin, or -1. */
    public int selected() {
        return selected;
    }

    /** The bars on show, one per bin, in order (for tests and the view). */
    public List<Bar> bars() {
        return List.copyOf(bars);
    }

    public Line nowLine() {
        return nowLine;
    }

    public Label nowLabel() {
        return nowLabel;
    }

    /** The P10, P50 and P90 lines. */
    public List<Line> percentileLines() {
        return List.of(percentileLines);
    }

    /** The plot's bottom: where the bars stand. */
    public double baseY() {
        return getHeight() - snappedBottomInset() - AXIS;
    }

    /** The x of a value on the axis. */
    double x(double v) {
        double left = snappedLeftInset() + SIDE;
        double right = Math.max(left + 20, getWidth() - snappedRightInset() - SIDE);
        return left + (v - lo) / (hi - lo) * (right - left);
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + TOP + 150 + AXIS + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + TOP + 50 + AXIS + snappedBottomInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 380;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 160;
    }

    @Override
    protected void layoutChildren() {
        if (spread == null) return;
        double top = snappedTopInset() + TOP;
        double base = baseY();
        double plotH = Math.max(1, base - top);
        double left = snappedLeftInset();
        double right = getWidth() - snappedRightInset();
        axisLine.setStartX(left + 0.5);
        axisLine.setEndX(right - 0.5);
        axisLine.setStartY(Math.round(base) + 0.5);
        axisLine.setEndY(Math.round(base) + 0.5);
        boolean single = bars.size() == 1 && !(bars.get(0).to() > bars.get(0).from());
        for (Bar b : bars) {
            double x0 = x(b.from());
            double x1 = x(b.to());
            if (single) {
                x0 -= SINGLE_BAR / 2;
                x1 += SINGLE_BAR / 2;
            }
            double h = maxCount == 0 ? 0 : plotH * b.count() / maxCount;
            Rectangle r = b.node();
            double gap = x1 - x0 > 4 ? 1 : 0;
            r.setX(x0 + gap / 2);
            r.setWidth(Math.max(0.5, x1 - x0 - gap));
            r.setY(base - h);
            r.setHeight(h);
        }
        double[] values = {spread.p10(), spread.p50(), spread.p90()};
        double labelY = snappedTopInset() + 19;
        double lastRight = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 3; i++) {
            Line l = percentileLines[i];
            double px = Math.round(x(values[i])) + 0.5;
            l.setStartX(px);
            l.setEndX(px);
            l.setStartY(top);
            l.setEndY(base);
            Label pl = percentileLabels[i];
            double w = pl.prefWidth(-1);
            double lx = Math.max(lastRight + 3, px - w / 2);
            lx = Math.min(lx, right - w);
            pl.resizeRelocate(lx, labelY, w, pl.prefHeight(-1));
            lastRight = lx + w;
        }
        double nx = Math.round(x(now)) + 0.5;
        nowLine.setStartX(nx);
        nowLine.setEndX(nx);
        nowLine.setStartY(top - 2);
        nowLine.setEndY(base);
        double nw = nowLabel.prefWidth(-1);
        double nlx = Math.max(left, Math.min(nx - nw / 2, right - nw));
        nowLabel.resizeRelocate(nlx, snappedTopInset(), nw, nowLabel.prefHeight(-1));
        if (readout.isVisible() && selected >= 0) {
            // the read-out in the top row in place of the "now" label, over the selected bar
            Rectangle r = bars.get(selected).node();
            double rw = Math.min(readout.prefWidth(-1), Math.max(40, right - left));
            double rx = Math.max(left, Math.min(r.getX() + r.getWidth() / 2 - rw / 2, right - rw));
            readout.resizeRelocate(rx, snappedTopInset(), rw, readout.prefHeight(-1));
            readout.setAlignment(Pos.CENTER_LEFT);
        }
        double lastTick = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ticks.size(); i++) {
            double tx = Math.round(x(ticks.get(i))) + 0.5;
            Line g = gridLines.get(i);
            g.setStartX(tx);
            g.setEndX(tx);
            g.setStartY(top);
            g.setEndY(base + 3);
            Label tl = tickLabels.get(i);
            double tw = tl.prefWidth(-1);
            double tlx = Math.max(left, Math.min(tx - tw / 2, right - tw));
            tl.resizeRelocate(tlx, base + 3, tw, tl.prefHeight(-1));
            tl.setVisible(tlx > lastTick + 6);
            if (tl.isVisible()) lastTick = tlx + tw;
        }
    }
}
