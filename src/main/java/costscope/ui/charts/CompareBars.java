package costscope.ui.charts;

import costscope.export.Formats;
import costscope.ui.charts.AxisMath;
import costscope.whatif.Compare;
import javafx.collections.FXCollections;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;

/** The grouped bar chart of the comparison: a group per category, a bar per state, monthly cost on the y axis. */
public final class CompareBars {
    private static final int MAX_TICKS = 7;
    private static final int MAX_LABEL = 20;
    private final BarChart<String, Number> chart;
    private List<String> labels = List.of();
    /** What the bars show now: the categories' names and the states' labels; the bars' tooltips by state and category. */
    private List<String> shownNames = List.of();
    private List<String> shownStates = List.of();
    private final List<List<Tooltip>> tips = new ArrayList<>();
    private String symbol;
    /** The labels and chart width the label rotation was last worked out for. */
    private List<String> rotatedFor;
    private double rotatedAt = Double.NaN;

    public CompareBars(BarChart<String, Number> chart) {
        this.chart = chart;
        chart.setAnimated(false);
        chart.getXAxis().setAnimated(false);
        chart.getYAxis().setAnimated(false);
        ((NumberAxis) chart.getYAxis()).setMinorTickVisible(false);
        chart.widthProperty().addListener((o, a, b) -> rotateLabels());
    }

    /** The categories with a cost in at least one state, in the model's order. */
    static List<Compare.Row> categories(Compare c) {
        List<Compare.Row> out = new ArrayList<>();
        for (Compare.Row r : c.rows()) {
            if (r.kind() != Compare.RowKind.CATEGORY) continue;
            boolean any = false;
            for (double v : r.values()) any |= Double.isFinite(v) && v != 0;
            if (any) out.add(r);
        }
        return out;
    }

    /**
     * Shows a comparison. While the states and categories stay the same (a slider moving), the bars' values and
     * tooltips are updated in place: new bars, their tooltips and their CSS are made only when the states or the
     * categories change.
     */
    public void show(Compare c, String currency) {
        String symbol = Formats.symbol(currency).trim();
        if (!symbol.equals(this.symbol)) {
            this.symbol = symbol;
            ((NumberAxis) chart.getYAxis()).setTickLabelFormatter(costscope.ui.base.TextConverter.ofNumbers(v -> AxisMath.compactMoney(v, symbol)));
        }
        List<Compare.Row> cats = categories(c);
        scaleAxis(cats);
        List<String> names = axisNames(cats);
        List<String> states = c.columns().stream().map(Compare.Column::label).toList();
        if (!names.equals(shownNames) || !states.equals(shownStates) || chart.getData().size() != states.size()) {
            shownNames = names;
            shownStates = states;
            // set the categories first: a CategoryAxis left to collect them keeps stale ones across updates
            ((CategoryAxis) chart.getXAxis()).setCategories(FXCollections.observableArrayList(names));
            List<XYChart.Series<String, Number>> series = new ArrayList<>();
            for (int i = 0; i < states.size(); i++) {
                XYChart.Series<String, Number> s = new XYChart.Series<>();
                s.setName(states.get(i));
                for (int j = 0; j < cats.size(); j++) s.getData().add(new XYChart.Data<>(names.get(j), value(cats.get(j), i)));
                series.add(s);
            }
            chart.getData().setAll(series);
            tips.clear();
            for (int i = 0; i < series.size(); i++) {
                List<Tooltip> row = new ArrayList<>();
                for (int j = 0; j < cats.size(); j++) {
                    XYChart.Data<String, Number> d = series.get(i).getData().get(j);
                    Tooltip t = new Tooltip();
                    t.setShowDelay(Duration.millis(150));
                    if (d.getNode() != null) Tooltip.install(d.getNode(), t);
                    row.add(t);
                }
                tips.add(row);
            }
        } else {
            for (int i = 0; i < states.size(); i++) {
                List<XYChart.Data<String, Number>> data = chart.getData().get(i).getData();
                for (int j = 0; j < cats.size(); j++) {
                    double v = value(cats.get(j), i);
                    if (data.get(j).getYValue().doubleValue() != v) data.get(j).setYValue(v);
                }
            }
        }
        for (int i = 0; i < states.size(); i++) {
            for (int j = 0; j < cats.size(); j++) {
                Compare.Row r = cats.get(j);
                tips.get(i).get(j).setText(r.label() + "\n" + c.columns().get(i).label() + ": " + Formats.money(r.value(i), currency) + " a month"
                        + (i == 0 ? " (reference)" : "\n" + costscope.whatif.WhatIfTables.signed(r.difference(i), r.format(), currency)
                        + " vs " + c.columns().get(0).label()));
            }
        }
    }

    private static double value(Compare.Row r, int state) {
        double v = r.value(state);
        return Double.isFinite(v) ? v : 0;
    }

    /** A nice range from 0 with about six ticks (NumberAxis's own choice crowds the axis with $500k steps). */
    private void scaleAxis(List<Compare.Row> cats) {
        double min = 0;
        double max = 0;
        for (Compare.Row r : cats) {
            for (double v : r.values()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        double[] range = AxisMath.linearAutoRange(min, max, MAX_TICKS);
        List<Double> ticks = AxisMath.linearTicks(range[0], range[1], MAX_TICKS);
        NumberAxis y = (NumberAxis) chart.getYAxis();
        y.setAutoRanging(false);
        y.setLowerBound(range[0]);
        y.setUpperBound(range[1]);
        y.setTickUnit(ticks.size() >= 2 ? ticks.get(1) - ticks.get(0) : range[1] - range[0]);
        labels = axisNames(cats);
        rotateLabels();
    }

    /** The categories' labels, long ones shortened (the bars' tooltips have them in full); unique. */
    public static List<String> axisNames(List<Compare.Row> cats) {
        List<String> out = new ArrayList<>();
        for (Compare.Row r : cats) {
            String l = r.label();
            String s = l.length() > MAX_LABEL ? l.substring(0, MAX_LABEL - 1).strip() + "…" : l;
            out.add(out.contains(s) ? l : s);
        }
        return out;
    }

    /** Category labels stand upright when they would not fit side by side (else the axis hides every other one). */
    private void rotateLabels() {
        // the same labels in the same width: nothing to measure (this runs on every frame of a drag)
        if (labels.equals(rotatedFor) && chart.getWidth() == rotatedAt) return;
        rotatedFor = labels;
        rotatedAt = chart.getWidth();
        Text t = new Text();
        t.setFont(Font.font("DejaVu Sans", 10));
        double need = 0;
        for (String l : labels) {
            t.setText(l);
            need += t.getLayoutBounds().getWidth() + 12;
        }
        double room = chart.getWidth() > 0 ? chart.getWidth() - 80 : 500;
        chart.getXAxis().setTickLabelRotation(need > room ? -90 : 0);
    }

    public void clear() {
        chart.getData().clear();
        tips.clear();
        shownNames = List.of();
        shownStates = List.of();
    }
}
