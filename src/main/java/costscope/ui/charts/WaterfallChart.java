package costscope.ui.charts;

import costscope.export.Formats;
import costscope.model.FigureFormat;
import costscope.ui.charts.AxisMath;
import costscope.whatif.WhatIfTables;
import costscope.whatif.Waterfall;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;

/**
 * A savings waterfall: a bar from 0 to the starting total, one floating bar per change from the total before it to the
 * total after it (a saving goes down, an increase up), a bar from 0 to the final total, thin connectors between bar
 * ends, the change on each bar and a linear currency axis. Styled by compare.css. Its nodes are reused by the next
 * {@link #setData} (it runs on every frame of a slider drag while the view shows): made once, hidden when not needed.
 */
public final class WaterfallChart extends Region {
    public enum BarKind { TOTAL, SAVING, INCREASE }

    /** One drawn bar: from {@code start} to {@code end} on the value axis. */
    public record Bar(String label, String detail, double start, double end, BarKind kind) {
        public double delta() {
            return end - start;
        }
    }

    private static final int MAX_TICKS = 6;
    private static final double GAP = 4;
    private static final double MAX_LABEL_LINES_HEIGHT = 44;
    /** Below this height the chart drops its value labels and wraps no category label. */
    private static final double CRAMPED_HEIGHT = 180;

    private List<Bar> bars = List.of();
    private final List<Region> barNodes = new ArrayList<>();
    private final List<Label> valueLabels = new ArrayList<>();
    private final List<Label> categoryLabels = new ArrayList<>();
    private final List<Line> connectors = new ArrayList<>();
    private final List<Label> tickLabels = new ArrayList<>();
    private final List<Line> gridLines = new ArrayList<>();
    /** Every node made so far: the ones in the lists above show, the others hide until a bigger waterfall needs them. */
    private final List<Parts> barPool = new ArrayList<>();
    private final List<Label> tickPool = new ArrayList<>();
    private final List<Line> gridPool = new ArrayList<>();
    private List<Double> ticks = List.of();
    private final Line zeroLine = new Line();
    private double lo = 0;
    private double hi = 1;

    public WaterfallChart() {
        getStyleClass().add("waterfall-chart");
        zeroLine.getStyleClass().add("waterfall-zero");
        setMinSize(160, 120);
    }

    /** Shows a waterfall: {@code fromLabel} and {@code toLabel} name its first and last bar. */
    public void setData(Waterfall w, String fromLabel, String toLabel, String currency) {
        List<Bar> out = new ArrayList<>();
        out.add(new Bar(fromLabel, fromLabel + ": " + Formats.money(w.fromTotal(), currency) + " a month", 0, w.fromTotal(), BarKind.TOTAL));
        for (Waterfall.Step s : w.steps()) {
            String detail = s.change().describe() + "\n" + WhatIfTables.signed(s.delta(), FigureFormat.CURRENCY, currency)
                    + " a month (" + Formats.money(s.before(), currency) + " → " + Formats.money(s.after(), currency) + ")";
            out.add(new Bar(s.change().label(), detail, s.before(), s.after(), s.delta() <= 0 ? BarKind.SAVING : BarKind.INCREASE));
        }
        out.add(new Bar(toLabel, toLabel + ": " + Formats.money(w.toTotal(), currency) + " a month ("
                + WhatIfTables.signed(w.difference(), FigureFormat.CURRENCY, currency) + ")", 0, w.toTotal(), BarKind.TOTAL));
        show(out, Formats.symbol(currency).trim());
    }

    /** Removes every bar. */
    public void clear() {
        show(List.of(), "$");
    }

    /** The bars drawn, first to last (read-only). */
    public List<Bar> bars() {
        return bars;
    }

    /** The node drawn for bar {@code i} (its laid-out bounds are the bar's geometry). */
    public Region barNode(int i) {
        return barNodes.get(i);
    }

    /** The value axis range shown. */
    public double[] range() {
        return new double[] {lo, hi};
    }

    private void show(List<Bar> newBars, String symbol) {
        bars = List.copyOf(newBars);
        barNodes.clear();
        valueLabels.clear();
        categoryLabels.clear();
        connectors.clear();
        tickLabels.clear();
        gridLines.clear();
        double min = 0;
        double max = 0;
        for (Bar b : bars) {
            min = Math.min(min, Math.min(b.start(), b.end()));
            max = Math.max(max, Math.max(b.start(), b.end()));
        }
        double[] r = AxisMath.linearAutoRange(min, max, MAX_TICKS);
        lo = r[0];
        hi = r[1];
        ticks = bars.isEmpty() ? List.of() : AxisMath.linearTicks(lo, hi, MAX_TICKS);
        boolean grew = getChildren().isEmpty();
        while (gridPool.size() < ticks.size()) {
            Line g = new Line();
            g.getStyleClass().add("waterfall-grid");
            gridPool.add(g);
            Label l = new Label();
            l.getStyleClass().add("waterfall-tick");
            tickPool.add(l);
            grew = true;
        }
        for (int i = 0; i < gridPool.size(); i++) {
            boolean on = i < ticks.size();
            gridPool.get(i).setVisible(on);
            tickPool.get(i).setVisible(on);
            if (!on) continue;
            tickPool.get(i).setText(AxisMath.compactMoney(ticks.get(i), symbol));
            gridLines.add(gridPool.get(i));
            tickLabels.add(tickPool.get(i));
        }
        while (barPool.size() < bars.size()) {
            barPool.add(new Parts());
            grew = true;
        }
        for (int i = 0; i < barPool.size(); i++) {
            Parts p = barPool.get(i);
            if (i >= bars.size()) {
                p.hide();
                continue;
            }
            Bar b = bars.get(i);
            String kind = b.kind().name().toLowerCase(java.util.Locale.ROOT);
            styleOnly(p.bar, "waterfall-bar", "waterfall-" + kind);
            p.barTip.setText(b.detail());
            double shown = b.kind() == BarKind.TOTAL ? b.end() : b.delta();
            p.value.setText(b.kind() == BarKind.TOTAL ? AxisMath.compactMoney(shown, symbol)
                    : (shown > 0 ? "+" : "") + AxisMath.compactMoney(shown, symbol));
            styleOnly(p.value, "label", "waterfall-value", "waterfall-value-" + kind);
            p.category.setText(b.label());
            p.categoryTip.setText(b.detail());
            p.bar.setVisible(true);
            p.value.setVisible(true);
            p.category.setVisible(true);
            p.connector.setVisible(i + 1 < bars.size());
            barNodes.add(p.bar);
            valueLabels.add(p.value);
            categoryLabels.add(p.category);
            if (i + 1 < bars.size()) connectors.add(p.connector);
        }
        zeroLine.setVisible(!bars.isEmpty());
        if (grew) {
            // nodes are only added (unused ones hide): a node taken out and put back is styled again from scratch
            List<javafx.scene.Node> children = new ArrayList<>(gridPool);
            children.addAll(tickPool);
            children.add(zeroLine);
            for (Parts p : barPool) children.add(p.connector);
            for (Parts p : barPool) children.add(p.bar);
            for (Parts p : barPool) children.add(p.value);
            for (Parts p : barPool) children.add(p.category);
            getChildren().setAll(children);
        }
        requestLayout();
    }

    /** Sets a node's style classes when they differ (a change of style class restyles the node). */
    private static void styleOnly(javafx.scene.Node n, String... classes) {
        if (!n.getStyleClass().equals(List.of(classes))) n.getStyleClass().setAll(classes);
    }

    /** The nodes of one bar, kept across {@link #setData} calls and given whichever bar they show. */
    private static final class Parts {
        final Region bar = new Region();
        final Tooltip barTip = new Tooltip();
        final Label value = new Label();
        final Label category = new Label();
        final Tooltip categoryTip = new Tooltip();
        final Line connector = new Line();

        Parts() {
            barTip.setShowDelay(Duration.millis(150));
            Tooltip.install(bar, barTip);
            value.setMouseTransparent(true);
            category.getStyleClass().add("waterfall-label");
            category.setWrapText(true);
            category.setTextAlignment(TextAlignment.CENTER);
            category.setAlignment(Pos.TOP_CENTER);
            category.setTextOverrun(OverrunStyle.ELLIPSIS);
            category.setTooltip(categoryTip);
            connector.getStyleClass().add("waterfall-connector");
        }

        void hide() {
            bar.setVisible(false);
            value.setVisible(false);
            category.setVisible(false);
            connector.setVisible(false);
        }
    }

    @Override
    protected void layoutChildren() {
        if (bars.isEmpty()) return;
        double x0 = snappedLeftInset();
        double y0 = snappedTopInset();
        double w = getWidth() - x0 - snappedRightInset();
        double h = getHeight() - y0 - snappedBottomInset();
        double axisW = 0;
        for (Label l : tickLabels) axisW = Math.max(axisW, l.prefWidth(-1));
        double valueH = valueLabels.isEmpty() ? 0 : valueLabels.get(0).prefHeight(-1);
        double left = x0 + axisW + 6;
        double plotW = Math.max(1, w - axisW - 6);
        double slot = plotW / bars.size();
        // labels wrap within their bar's slot; when a word does not fit, they alternate between two rows, twice as wide
        // a short chart keeps its height for the bars: one line of labels, no value labels
        boolean cramped = h < CRAMPED_HEIGHT;
        boolean staggered = !cramped && bars.size() > 2 && longestWord() > slot - GAP;
        double catW = Math.max(10, (staggered ? 2 * slot : slot) - GAP);
        double lineH = categoryLabels.get(0).prefHeight(-1);
        double catH = 0;
        for (Label l : categoryLabels) catH = Math.max(catH, l.prefHeight(catW));
        catH = Math.min(catH, cramped ? lineH : staggered ? 2 * lineH + 1 : Math.min(3 * lineH + 1, MAX_LABEL_LINES_HEIGHT));
        double rowH = catH;
        if (staggered) catH = 2 * rowH + 2;
        double headroom = cramped ? valueH / 2 : valueH + 2;
        double top = y0 + headroom;
        double plotH = Math.max(1, h - headroom - catH - GAP - valueH / 2);
        for (int i = 0; i < ticks.size(); i++) {
            double y = snap(y(ticks.get(i), top, plotH));
            Line g = gridLines.get(i);
            g.setStartX(left);
            g.setEndX(left + plotW);
            g.setStartY(y);
            g.setEndY(y);
            Label l = tickLabels.get(i);
            double lw = l.prefWidth(-1);
            double lh = l.prefHeight(-1);
            l.resizeRelocate(left - 6 - lw, y - lh / 2, lw, lh);
        }
        double zero = snap(y(0, top, plotH));
        zeroLine.setStartX(left);
        zeroLine.setEndX(left + plotW);
        zeroLine.setStartY(zero);
        zeroLine.setEndY(zero);
        double barW = Math.max(4, Math.min(72, slot * 0.62));
        Label shown = null;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double cx = left + slot * (i + 0.5);
            double ya = y(b.start(), top, plotH);
            double yb = y(b.end(), top, plotH);
            double yTop = Math.min(ya, yb);
            double height = Math.max(1, Math.abs(ya - yb));
            Region node = barNodes.get(i);
            node.resizeRelocate(cx - barW / 2, yTop, barW, height);
            Label v = valueLabels.get(i);
            double vw = v.prefWidth(-1);
            boolean below = b.kind() == BarKind.SAVING && yTop + height + valueH + 2 <= top + plotH;
            double vy = below ? yTop + height + 1 : Math.max(y0, yTop - valueH - 1);
            v.resizeRelocate(cx - vw / 2, vy, vw, valueH);
            // a figure that would be cut or run into the one before is left out (the bar's tooltip has it)
            boolean fits = !cramped && vw <= slot * 1.5 && (shown == null || !shown.getBoundsInParent().intersects(v.getBoundsInParent()));
            v.setVisible(fits);
            if (fits) shown = v;
            Label c = categoryLabels.get(i);
            // cramped, a change is named by its number in the order list
            String text = cramped && b.kind() != BarKind.TOTAL ? Integer.toString(i) : b.label();
            if (!text.equals(c.getText())) c.setText(text);
            double cy = top + plotH + GAP + (staggered && i % 2 == 1 ? rowH + 2 : 0);
            // centred under the bar, narrower where the chart's edge is nearer than half a label (never narrower than
            // its longest word), and inside the chart
            double cw = Math.min(catW, Math.max(2 * Math.min(cx - x0, x0 + w - cx), longestWord(c) + 2));
            double cxl = Math.max(x0, Math.min(x0 + w - cw, cx - cw / 2));
            c.resizeRelocate(cxl, cy, cw, rowH);

            if (i < connectors.size()) {
                double y = snap(yb);
                Line l = connectors.get(i);
                l.setStartX(cx + barW / 2);
                l.setEndX(cx + slot - barW / 2);
                l.setStartY(y);
                l.setEndY(y);
            }
        }
    }

    /** The width of the longest word of the category labels, in their font. */
    private double longestWord() {
        double w = 0;
        for (Label l : categoryLabels) w = Math.max(w, longestWord(l));
        return w;
    }

    private static double longestWord(Label l) {
        Text t = new Text();
        t.setFont(l.getFont());
        double w = 0;
        for (String word : l.getText().split("\\s+")) {
            t.setText(word);
            w = Math.max(w, t.getLayoutBounds().getWidth());
        }
        return Math.ceil(w);
    }

    private double y(double v, double top, double plotH) {
        return top + AxisMath.position(v, lo, hi, false, plotH, true);
    }

    /** Lines on pixel centres (crisp 1px strokes). */
    private static double snap(double y) {
        return Math.floor(y) + 0.5;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 480;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 300;
    }
}
