package costscope.ui.tables;

import costscope.engine.Metric;
import costscope.engine.Results;
import costscope.engine.ScaleTable;
import costscope.export.Formats;
import costscope.export.Reports;
import costscope.model.Category;
import costscope.model.FigureFormat;
import costscope.model.LineItem;
import costscope.model.ScalePoint;
import costscope.model.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One row of the scale-point table: a line item, a category, a total or a metric, with one formatted cell per scale
 * point. The rows are those of {@code Reports.scalePoints} (items, categories, totals, then the business metrics the
 * model has inputs for), formatted the same way.
 */
public record ScaleRow(String key, Kind kind, String label, String color, List<String> cells) {
    public enum Kind { ITEM, CATEGORY, TOTAL, METRIC }

    public static List<ScaleRow> of(List<ScaleTable.Column> cols) {
        List<ScaleRow> out = new ArrayList<>();
        if (cols.isEmpty()) return out;
        Results first = cols.get(0).results();
        Scenario sc = first.compiled().scenario();
        String cur = sc.currency();
        for (LineItem it : sc.items()) {
            out.add(row("item:" + it.id(), Kind.ITEM, it.label(), first.category(it.category()).color(), cols,
                    r -> r.item(it.id()).monthly(), FigureFormat.CURRENCY, cur));
        }
        for (Category c : sc.categories()) {
            out.add(row("category:" + c.id(), Kind.CATEGORY, c.label(), first.category(c.id()).color(), cols,
                    r -> r.category(c.id()).monthly(), FigureFormat.CURRENCY, cur));
        }
        for (Metric.Shown m : Metric.totals(sc)) {
            String key = m.metric() == Metric.TOTAL ? "monthlyTotal" : m.id();
            out.add(row(key, Kind.TOTAL, m.label(), null, cols, r -> r.value(m.id()), m.format(), cur));
        }
        for (Metric.Shown m : Reports.shownMetrics(cols)) {
            out.add(row("metric:" + m.id(), Kind.METRIC, m.label(), null, cols, r -> r.metrics().get(m.id()), m.format(), cur));
        }
        return out;
    }

    private static ScaleRow row(String key, Kind kind, String label, String color, List<ScaleTable.Column> cols,
                                ToDoubleFunction<Results> f, FigureFormat format, String currency) {
        List<String> cells = new ArrayList<>(cols.size());
        for (ScaleTable.Column c : cols) cells.add(Formats.figure(f.applyAsDouble(c.results()), format, currency));
        return new ScaleRow(key, kind, label, color, List.copyOf(cells));
    }

    /**
     * The index of the column whose scale point sets every driver it names to the scenario's current value, or -1.
     * Columns are the scale points in order; a point that names no driver never matches.
     */
    public static int currentColumn(Scenario sc, List<ScaleTable.Column> cols) {
        if (sc == null) return -1;
        for (int i = 0; i < cols.size(); i++) {
            ScalePoint p = sc.scalePoint(cols.get(i).id());
            if (p == null || p.values().isEmpty()) continue;
            boolean all = true;
            for (Map.Entry<String, Double> e : p.values().entrySet()) {
                var d = sc.driver(e.getKey());
                if (d == null || !same(d.value(), e.getValue())) {
                    all = false;
                    break;
                }
            }
            if (all) return i;
        }
        return -1;
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    }
}
