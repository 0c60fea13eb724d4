package costscope.ui.whatif;

import costscope.export.Formats;
import costscope.ui.charts.AxisMath;
import costscope.whatif.Compare;
import javafx.collections.FXCollections;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;

/** The grouped bar chart of the comparison: a group per category, a bar per state, monthly cost on the y axis. */
final class CompareBars {
    private final BarChart<String, Number> chart;

    CompareBars(BarChart<String, Number> chart) {
        this.chart = chart;
        chart.setAnimated(false);
        chart.getXAxis().setAnimated(false);
        chart.getYAxis().setAnimated(false);
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

    void show(Compare c, String currency) {
        String symbol = Formats.symbol(currency).trim();
        ((NumberAxis) chart.getYAxis()).setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return AxisMath.compactMoney(n.doubleValue(), symbol);
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        List<Compare.Row> cats = categories(c);
        // set the categories first: a CategoryAxis left to collect them keeps stale ones across updates
        ((CategoryAxis) chart.getXAxis()).setCategories(FXCollections.observableArrayList(cats.stream().map(Compare.Row::label).toList()));
        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        for (int i = 0; i < c.columns().size(); i++) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(c.columns().get(i).label());
            for (Compare.Row r : cats) {
                double v = r.value(i);
                s.getData().add(new XYChart.Data<>(r.label(), Double.isFinite(v) ? v : 0));
            }
            series.add(s);
        }
        chart.getData().setAll(series);
        for (int i = 0; i < series.size(); i++) {
            for (int j = 0; j < cats.size(); j++) {
                XYChart.Data<String, Number> d = series.get(i).getData().get(j);
                if (d.getNode() == null) continue;
                Compare.Row r = cats.get(j);
                String tip = r.label() + "\n" + c.columns().get(i).label() + ": " + Formats.money(r.value(i), currency) + " a month"
                        + (i == 0 ? " (reference)" : "\n" + costscope.whatif.WhatIfTables.signed(r.difference(i), r.format(), currency)
                        + " vs " + c.columns().get(0).label());
                Tooltip t = new Tooltip(tip);
                t.setShowDelay(Duration.millis(150));
                Tooltip.install(d.getNode(), t);
            }
        }
    }

    void clear() {
        chart.getData().clear();
    }
}
