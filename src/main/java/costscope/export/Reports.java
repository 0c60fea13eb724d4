package costscope.export;

import costscope.engine.Audit;
import costscope.engine.Results;
import costscope.engine.ScaleTable;
import costscope.engine.Sweep;
import costscope.model.Denominator;
import costscope.model.LineItem;
import costscope.model.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the tables the CLI prints and the app exports: one definition per table, every format. */
public final class Reports {
    private Reports() {
    }

    /** The breakdown: one row per line item, with its category, quantity, unit price, monthly cost and share. */
    public static Table breakdown(Results r) {
        Scenario sc = r.compiled().scenario();
        Table t = new Table(sc.currency(), List.of(new Table.Column("Category", Table.Kind.TEXT),
                new Table.Column("Item", Table.Kind.TEXT), new Table.Column("Quantity", Table.Kind.NUMBER),
                new Table.Column("Unit", Table.Kind.TEXT), new Table.Column("Unit price", Table.Kind.MONEY),
                new Table.Column("Per", Table.Kind.TEXT), new Table.Column("Monthly", Table.Kind.MONEY),
                new Table.Column("Share", Table.Kind.PERCENT)));
        Map<String, String> catLabel = new LinkedHashMap<>();
        sc.categories().forEach(c -> catLabel.put(c.id(), c.label()));
        for (String cat : catLabel.keySet()) {
            for (int i = 0; i < sc.items().size(); i++) {
                LineItem it = sc.items().get(i);
                if (!it.category().equals(cat)) continue;
                Results.ItemResult ir = r.item(it.id());
                t.row(catLabel.get(cat), it.label(), ir.quantity(), nz(it.quantityUnit()), ir.unitPrice(),
                        nz(it.priceUnit()), ir.monthly(), ir.share());
            }
        }
        return t;
    }

    public static Table categories(Results r) {
        Scenario sc = r.compiled().scenario();
        Table t = new Table(sc.currency(), List.of(new Table.Column("Category", Table.Kind.TEXT),
                new Table.Column("Monthly", Table.Kind.MONEY), new Table.Column("Share", Table.Kind.PERCENT)));
        for (Results.CategoryResult c : r.categories()) t.row(c.label(), c.monthly(), c.share());
        t.row("Total", r.monthlyTotal(), r.monthlyTotal() == 0 ? null : 1.0);
        return t;
    }

    /** Headline metrics with their display labels; keys are the JSON metric names. */
    /** Only the metrics the scenario's business model gives inputs for: no revenue rows without a price. */
    public static Map<String, String> metricLabels(Scenario sc) {
        Map<String, String> m = new LinkedHashMap<>();
        var b = sc.business();
        if (b == null) return m;
        if (b.users() != null) {
            String user = b.users().label() != null ? b.users().label() : "user";
            m.put("users", "Users (" + user + ")");
            m.put("costPerUser", "Cost per " + user);
        }
        for (Denominator d : b.denominators()) m.put("costPer_" + d.id(), "Cost per " + d.label());
        if (b.price() != null && b.conversion() != null) {
            m.put("payingUsers", "Paying users");
            m.put("revenue", "Revenue");
            m.put("profit", "Profit");
            m.put("margin", "Margin");
        }
        if (b.price() != null || b.markup() != null) m.put("breakEvenRevenue", "Break-even revenue");
        if (b.price() != null) {
            m.put("breakEvenPayingUsers", "Paying users to break even");
            m.put("breakEvenConversion", "Conversion to break even");
        }
        if (b.funding() != null) m.put("runwayMonths", "Runway (months)");
        return m;
    }

    /** How a business metric is shown: counts, months, shares or money. */
    public static Table.Kind metricKind(String key) {
        return switch (key) {
            case "users", "payingUsers", "breakEvenPayingUsers" -> Table.Kind.NUMBER;
            case "runwayMonths" -> Table.Kind.MONTHS;
            case "margin", "breakEvenConversion" -> Table.Kind.PERCENT;
            default -> Table.Kind.MONEY;
        };
    }

    public static Table metrics(Results r) {
        Scenario sc = r.compiled().scenario();
        Table t = new Table(sc.currency(), List.of(new Table.Column("Metric", Table.Kind.TEXT),
                new Table.Column("Value", Table.Kind.FIGURE)));
        Map<String, Double> values = r.metrics();
        for (Map.Entry<String, String> e : metricLabels(sc).entrySet()) {
            Double v = values.get(e.getKey());
            if (v == null || Double.isNaN(v)) continue;
            t.row(e.getValue(), formatKind(v, metricKind(e.getKey()), sc.currency()));
        }
        return t;
    }

    /** A value shown as its kind: money, share, months or a count. */
    public static String formatKind(double v, Table.Kind k, String currency) {
        return switch (k) {
            case MONEY -> Formats.money(v, currency);
            case PERCENT -> Formats.percent(v);
            case MONTHS -> Double.isInfinite(v) ? "unlimited" : Formats.number(v, 1) + " months";
            default -> Formats.number(v);
        };
    }

    /** Every scale point side by side: items, categories, totals, per-user and business metrics. */
    public static Table scalePoints(List<ScaleTable.Column> cols) {
        Scenario sc = cols.get(0).results().compiled().scenario();
        List<Table.Column> head = new ArrayList<>();
        head.add(new Table.Column("", Table.Kind.TEXT));
        for (ScaleTable.Column c : cols) head.add(new Table.Column(c.id(), Table.Kind.FIGURE));
        Table t = new Table(sc.currency(), head);
        for (LineItem it : sc.items()) {
            t.row(rowOf(it.label(), cols, r -> r.item(it.id()).monthly(), Table.Kind.MONEY, sc.currency()));
        }
        for (var c : sc.categories()) {
            t.row(rowOf(c.label() + " (category)", cols, r -> r.category(c.id()).monthly(), Table.Kind.MONEY, sc.currency()));
        }
        t.row(rowOf("Monthly total", cols, Results::monthlyTotal, Table.Kind.MONEY, sc.currency()));
        t.row(rowOf("Annual total", cols, Results::annualTotal, Table.Kind.MONEY, sc.currency()));
        for (Map.Entry<String, String> e : metricLabels(sc).entrySet()) {
            boolean any = cols.stream().anyMatch(c -> !Double.isNaN(c.results().metrics().get(e.getKey())));
            if (!any) continue;
            t.row(rowOf(e.getValue(), cols, r -> r.metrics().get(e.getKey()), metricKind(e.getKey()), sc.currency()));
        }
        return t;
    }

    /** The same table with plain numbers, for CSV: header row of scale point ids, first column row ids. */
    public static Table scalePointsPlain(List<ScaleTable.Column> cols) {
        Scenario sc = cols.get(0).results().compiled().scenario();
        List<Table.Column> head = new ArrayList<>();
        head.add(new Table.Column("row", Table.Kind.TEXT));
        for (ScaleTable.Column c : cols) head.add(new Table.Column(c.id(), Table.Kind.NUMBER));
        Table t = new Table(sc.currency(), head);
        for (LineItem it : sc.items()) t.row(plainRow("item:" + it.id(), cols, r -> r.item(it.id()).monthly()));
        for (var c : sc.categories()) t.row(plainRow("category:" + c.id(), cols, r -> r.category(c.id()).monthly()));
        t.row(plainRow("monthlyTotal", cols, Results::monthlyTotal));
        t.row(plainRow("annualTotal", cols, Results::annualTotal));
        for (String k : metricLabels(sc).keySet()) {
            boolean any = cols.stream().anyMatch(c -> !Double.isNaN(c.results().metrics().get(k)));
            if (any) t.row(plainRow("metric:" + k, cols, r -> r.metrics().get(k)));
        }
        return t;
    }

    private static Object[] rowOf(String label, List<ScaleTable.Column> cols, java.util.function.ToDoubleFunction<Results> f,
                                  Table.Kind k, String currency) {
        Object[] row = new Object[cols.size() + 1];
        row[0] = label;
        for (int i = 0; i < cols.size(); i++) row[i + 1] = formatKind(f.applyAsDouble(cols.get(i).results()), k, currency);
        return row;
    }

    private static Object[] plainRow(String label, List<ScaleTable.Column> cols, java.util.function.ToDoubleFunction<Results> f) {
        Object[] row = new Object[cols.size() + 1];
        row[0] = label;
        for (int i = 0; i < cols.size(); i++) {
            double v = f.applyAsDouble(cols.get(i).results());
            row[i + 1] = Double.isFinite(v) ? (Object) v : null;
        }
        return row;
    }

    /** Stated figures beside computed ones. */
    public static Table audit(List<Audit.Line> lines, String currency) {
        Table t = new Table(currency, List.of(new Table.Column("", Table.Kind.TEXT), new Table.Column("Stated figure", Table.Kind.TEXT),
                new Table.Column("At", Table.Kind.TEXT), new Table.Column("Stated", Table.Kind.FIGURE),
                new Table.Column("Computed", Table.Kind.FIGURE), new Table.Column("Difference", Table.Kind.FIGURE)));
        for (Audit.Line l : lines) {
            t.row(l.agrees() ? "ok" : "DIFFERS", l.label(), l.at() == null ? "" : l.at(), auditStated(l, currency),
                    auditComputed(l, currency), auditDifference(l, currency));
        }
        return t;
    }

    /** Audit lines with plain numbers, for CSV. */
    public static Table auditPlain(List<Audit.Line> lines) {
        Table t = new Table("USD", List.of(new Table.Column("label", Table.Kind.TEXT), new Table.Column("at", Table.Kind.TEXT),
                new Table.Column("of", Table.Kind.TEXT), new Table.Column("stated", Table.Kind.NUMBER),
                new Table.Column("computed", Table.Kind.NUMBER), new Table.Column("difference", Table.Kind.NUMBER),
                new Table.Column("agrees", Table.Kind.TEXT)));
        for (Audit.Line l : lines) {
            t.row(l.label(), l.at() == null ? "" : l.at(), l.of(), l.stated(), finite(l.computed()), finite(l.difference()),
                    Boolean.toString(l.agrees()));
        }
        return t;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** A stated figure at the report's own precision; a range recorded as midpoint +/- half its width as "A to B". */
    public static String auditStated(Audit.Line l, String currency) {
        if (l.rounding() > 1 && l.rounding() >= Math.abs(l.stated()) * 0.05) {
            return fmt(l.stated() - l.rounding() / 2, l, currency, 0) + " to " + fmt(l.stated() + l.rounding() / 2, l, currency, 0);
        }
        return fmt(l.stated(), l, currency, 0);
    }

    /** A computed figure: the report's precision plus enough to see why it differs. */
    public static String auditComputed(Audit.Line l, String currency) {
        return fmt(l.computed(), l, currency, 1);
    }

    /** The signed difference of a disagreeing figure ("+$500.00", "-1.2%"); empty when it agrees. */
    public static String auditDifference(Audit.Line l, String currency) {
        if (l.agrees()) return "";
        String t = fmt(l.difference(), l, currency, 1);
        return l.difference() > 0 && !t.startsWith("+") ? "+" + t : t;
    }

    private static String fmt(double v, Audit.Line l, String currency, int extra) {
        int d = Formats.decimalsFor(l.rounding());
        return switch (l.format()) {
            case CURRENCY -> Formats.money(v, currency, extra > 0 ? Math.max(d, 2) : d);
            case PERCENT -> Formats.percent(v, Math.max(0, Formats.decimalsFor(l.rounding() * 100)) + extra);
            case MONTHS -> Formats.number(v, d + extra) + " months";
            case NUMBER -> Formats.number(v, extra > 0 ? Math.max(d, Math.abs(v) < 100 ? 2 : d) : d);
        };
    }

    /** A sweep as plain numbers: driver value, total, cost per user, then one column per category. */
    public static Table sweep(Sweep.Result s, String currency) {
        List<Table.Column> cols = new ArrayList<>();
        cols.add(new Table.Column(s.driver(), Table.Kind.NUMBER));
        cols.add(new Table.Column("monthlyTotal", Table.Kind.MONEY));
        cols.add(new Table.Column("costPerUser", Table.Kind.MONEY));
        for (String c : s.categories()) cols.add(new Table.Column(c, Table.Kind.MONEY));
        Table t = new Table(currency, cols);
        for (int i = 0; i < s.x().length; i++) {
            Object[] row = new Object[cols.size()];
            row[0] = s.x()[i];
            row[1] = finite(s.total()[i]);
            row[2] = finite(s.costPerUser()[i]);
            for (int k = 0; k < s.categories().size(); k++) row[3 + k] = finite(s.categoryMonthly()[k][i]);
            t.row(row);
        }
        return t;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
