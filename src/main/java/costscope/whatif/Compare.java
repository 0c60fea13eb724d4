package costscope.whatif;

import costscope.engine.CompiledScenario;
import costscope.engine.Metric;
import costscope.engine.Results;
import costscope.model.Category;
import costscope.model.FigureFormat;
import costscope.model.LineItem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;

import java.util.ArrayList;
import java.util.List;

/**
 * Two or more states of a model side by side: every category and line item, the totals, cost per user and the
 * business metrics, each with its difference from the first column (the reference).
 */
public record Compare(List<Column> columns, List<Row> rows) {
    public Compare {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A state to compare: a variant applied, or the model as it is. */
    public record Named(String id, String label, Scenario scenario) {
    }

    public record Column(String id, String label, Results results) {
    }

    public enum RowKind { CATEGORY, ITEM, TOTAL, METRIC }

    /**
     * One line of the comparison.
     *
     * @param key    "total", a category or item id, or a metric name (as in evaluate's JSON)
     * @param values one per column
     */
    public record Row(String key, String label, RowKind kind, FigureFormat format, double[] values) {
        public double value(int column) {
            return values[column];
        }

        /** Whether any column has a figure (a metric the business model lacks inputs for is NaN everywhere). */
        public boolean hasValue() {
            for (double v : values) if (!Double.isNaN(v)) return true;
            return false;
        }

        /** Column minus the reference column. */
        public double difference(int column) {
            return values[column] - values[0];
        }

        /** The difference as a fraction of the reference (NaN when the reference is 0). */
        public double relative(int column) {
            return values[0] == 0 ? (values[column] == 0 ? 0 : Double.NaN) : difference(column) / Math.abs(values[0]);
        }
    }

    public static Compare run(List<Named> states) throws ScenarioException {
        if (states.size() < 2) throw new IllegalArgumentException("compare needs at least two variants, got " + states.size());
        List<Column> cols = new ArrayList<>();
        for (Named n : states) {
            cols.add(new Column(n.id(), n.label(), CompiledScenario.evaluatorAt(n.scenario()).evaluate()));
        }
        Scenario sc = states.get(0).scenario();
        List<Row> rows = new ArrayList<>();
        for (Category c : sc.categories()) {
            rows.add(row(c.id(), c.label(), RowKind.CATEGORY, FigureFormat.CURRENCY, cols, r -> r.category(c.id()).monthly()));
            for (LineItem i : sc.items()) {
                if (i.category().equals(c.id())) {
                    rows.add(row(i.id(), i.label(), RowKind.ITEM, FigureFormat.CURRENCY, cols, r -> r.item(i.id()).monthly()));
                }
            }
        }
        for (Metric.Shown m : Metric.totals(sc)) rows.add(row(m.id(), m.label(), RowKind.TOTAL, m.format(), cols, r -> r.value(m.id())));
        for (Metric.Shown m : Metric.of(sc)) rows.add(row(m.id(), m.label(), RowKind.METRIC, m.format(), cols, r -> r.metrics().get(m.id())));
        return new Compare(cols, rows);
    }

    private static Row row(String key, String label, RowKind kind, FigureFormat format, List<Column> cols,
                           java.util.function.ToDoubleFunction<Results> f) {
        double[] v = new double[cols.size()];
        for (int i = 0; i < v.length; i++) v[i] = f.applyAsDouble(cols.get(i).results());
        return new Row(key, label, kind, format, v);
    }

    public Row row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row '" + key + "' in the comparison"));
    }
}
