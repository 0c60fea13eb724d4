package costscope.export;

import costscope.engine.Audit;
import costscope.engine.Metric;
import costscope.engine.Months;
import costscope.engine.Results;
import costscope.engine.ScaleTable;
import costscope.engine.Sweep;
import costscope.export.Table.Column;
import costscope.model.FigureFormat;
import costscope.model.LineItem;
import costscope.model.Pool;
import costscope.model.Scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the tables the CLI prints and the app exports: one definition per table, every format. */
public final class Reports {
    private Reports() {
    }

    /**
     * The breakdown: one row per line item, with its category, quantity, unit price, monthly cost and share (and its
     * upfront payment when the model has any).
     */
    public static Table breakdown(Results r) {
        Scenario sc = r.compiled().scenario();
        boolean upfront = sc.hasUpfront();
        List<Column> cols = new ArrayList<>(List.of(Column.text("Category"), Column.text("Item"),
                Column.of("Quantity", FigureFormat.NUMBER), Column.text("Unit"), Column.of("Unit price", FigureFormat.CURRENCY),
                Column.text("Per"), Column.of("Monthly", FigureFormat.CURRENCY), Column.of("Share", FigureFormat.PERCENT)));
        // the upfront column only when the model has upfront payments, so other models' tables stay as they were
        if (upfront) cols.add(Column.of("Upfront", FigureFormat.CURRENCY));
        Table t = new Table(sc.currency(), cols);
        // the items grouped by category, categories in their order, items in theirs
        Map<String, List<LineItem>> byCategory = new LinkedHashMap<>();
        sc.categories().forEach(c -> byCategory.put(c.id(), new ArrayList<>()));
        for (LineItem it : sc.items()) {
            List<LineItem> in = byCategory.get(it.category());
            if (in != null) in.add(it);
        }
        for (var c : sc.categories()) {
            for (LineItem it : byCategory.get(c.id())) {
                Results.ItemResult ir = r.item(it.id());
                // an item in a pool is priced at the pool's average unit price, quoted as the pool's
                Pool pool = sc.poolOf(it.id());
                String per = nz(pool != null ? pool.priceUnit() : it.priceUnit());   // as the file gives it
                if (upfront) {
                    t.row(c.label(), it.label(), ir.quantity(), nz(it.quantityUnit()), ir.unitPrice(), per, ir.monthly(),
                            ir.share(), ir.upfront());
                } else {
                    t.row(c.label(), it.label(), ir.quantity(), nz(it.quantityUnit()), ir.unitPrice(), per, ir.monthly(),
                            ir.share());
                }
            }
        }
        return t;
    }

    public static Table categories(Results r) {
        Scenario sc = r.compiled().scenario();
        Table t = new Table(sc.currency(), List.of(Column.text("Category"), Column.of("Monthly", FigureFormat.CURRENCY),
                Column.of("Share", FigureFormat.PERCENT)));
        for (Results.CategoryResult c : r.categories()) t.row(c.label(), c.monthly(), c.share());
        double total = r.monthlyTotal();
        Double share = !Double.isFinite(total) ? Double.valueOf(Double.NaN) : total == 0 ? null : Double.valueOf(1.0);
        t.row("Total", total, share);
        return t;
    }

    public static Table metrics(Results r) {
        Scenario sc = r.compiled().scenario();
        Table t = new Table(sc.currency(), List.of(Column.text("Metric"), Column.figure("Value")));
        Map<String, Double> values = r.metrics();
        for (Metric.Shown m : Metric.of(sc)) {
            Double v = values.get(m.id());
            if (v == null) continue;
            t.row(m.label(), Formats.figure(v, m.format(), sc.currency()));
        }
        return t;
    }

    /** Every scale point side by side: items, categories, totals, per-user and business metrics. */
    public static Table scalePoints(List<ScaleTable.Column> cols) {
        Scenario sc = cols.get(0).results().compiled().scenario();
        List<Column> head = new ArrayList<>();
        head.add(Column.text(""));
        for (ScaleTable.Column c : cols) head.add(Column.figure(c.id()));
        Table t = new Table(sc.currency(), head);
        for (LineItem it : sc.items()) {
            t.row(rowOf(it.label(), cols, r -> r.item(it.id()).monthly(), FigureFormat.CURRENCY, sc.currency()));
        }
        for (var c : sc.categories()) {
            t.row(rowOf(c.label() + " (category)", cols, r -> r.category(c.id()).monthly(), FigureFormat.CURRENCY, sc.currency()));
        }
        for (Metric.Shown m : Metric.totals(sc)) {
            t.row(rowOf(m.label(), cols, r -> r.value(m.id()), m.format(), sc.currency()));
        }
        for (Metric.Shown m : shownMetrics(cols)) {
            t.row(rowOf(m.label(), cols, r -> r.metrics().get(m.id()), m.format(), sc.currency()));
        }
        return t;
    }

    /** The same table with plain numbers, for CSV: header row of scale point ids, first column row ids. */
    public static Table scalePointsPlain(List<ScaleTable.Column> cols) {
        Scenario sc = cols.get(0).results().compiled().scenario();
        List<Column> head = new ArrayList<>();
        head.add(Column.text("row"));
        for (ScaleTable.Column c : cols) head.add(Column.of(c.id(), FigureFormat.NUMBER));
        Table t = new Table(sc.currency(), head);
        for (LineItem it : sc.items()) t.row(plainRow("item:" + it.id(), cols, r -> r.item(it.id()).monthly()));
        for (var c : sc.categories()) t.row(plainRow("category:" + c.id(), cols, r -> r.category(c.id()).monthly()));
        t.row(plainRow("monthlyTotal", cols, Results::monthlyTotal));
        t.row(plainRow("annualTotal", cols, Results::annualTotal));
        for (Metric.Shown m : shownMetrics(cols)) t.row(plainRow("metric:" + m.id(), cols, r -> r.metrics().get(m.id())));
        return t;
    }

    /** The scenario's business metrics (a value that is not a number in a column is shown as such, not dropped). */
    public static List<Metric.Shown> shownMetrics(List<ScaleTable.Column> cols) {
        return Metric.of(cols.get(0).results().compiled().scenario());
    }

    private static Object[] rowOf(String label, List<ScaleTable.Column> cols, java.util.function.ToDoubleFunction<Results> f,
                                  FigureFormat format, String currency) {
        Object[] row = new Object[cols.size() + 1];
        row[0] = label;
        for (int i = 0; i < cols.size(); i++) row[i + 1] = Formats.figure(f.applyAsDouble(cols.get(i).results()), format, currency);
        return row;
    }

    private static Object[] plainRow(String label, List<ScaleTable.Column> cols, java.util.function.ToDoubleFunction<Results> f) {
        Object[] row = new Object[cols.size() + 1];
        row[0] = label;
        for (int i = 0; i < cols.size(); i++) {
            row[i + 1] = f.applyAsDouble(cols.get(i).results());
        }
        return row;
    }

    /** Stated figures beside computed ones. */
    public static Table audit(List<Audit.Line> lines, String currency) {
        Table t = new Table(currency, List.of(Column.text(""), Column.text("Stated figure"), Column.text("At"),
                Column.figure("Stated"), Column.figure("Computed"), Column.figure("Difference")));
        for (Audit.Line l : lines) {
            t.row(l.agrees() ? "ok" : "DIFFERS", l.label(), l.context(), auditStated(l, currency),
                    auditComputed(l, currency), auditDifference(l, currency));
        }
        return t;
    }

    /** Audit lines with plain numbers, for CSV. */
    public static Table auditPlain(List<Audit.Line> lines) {
        Table t = new Table("USD", List.of(Column.text("label"), Column.text("at"), Column.text("of"),
                Column.of("stated", FigureFormat.NUMBER), Column.of("computed", FigureFormat.NUMBER),
                Column.of("difference", FigureFormat.NUMBER), Column.text("agrees")));
        for (Audit.Line l : lines) {
            t.row(l.label(), l.context(), l.of(), l.stated(), l.computed(), l.difference(),
                    Boolean.toString(l.agrees()));
        }
        return t;
    }

    /** A stated figure at the report's own precision; a range recorded as midpoint +/- half its width as "A to B". */
    public static String auditStated(Audit.Line l, String currency) {
        if (l.low() != null) return fmt(l.low(), l, currency, 0) + " to " + fmt(l.high(), l, currency, 0);
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
        List<Column> cols = new ArrayList<>();
        cols.add(Column.of(s.driver(), FigureFormat.NUMBER));
        cols.add(Column.of("monthlyTotal", FigureFormat.CURRENCY));
        cols.add(Column.of("costPerUser", FigureFormat.CURRENCY));
        for (String c : s.categories()) cols.add(Column.of(c, FigureFormat.CURRENCY));
        Table t = new Table(currency, cols);
        // a model without users has no cost per user (empty cells); any other value that is not finite is written as such
        boolean perUser = Arrays.stream(s.costPerUser()).anyMatch(v -> !Double.isNaN(v));
        for (int i = 0; i < s.x().length; i++) {
            Object[] row = new Object[cols.size()];
            row[0] = s.x()[i];
            row[1] = s.total()[i];
            row[2] = perUser ? (Object) s.costPerUser()[i] : null;
            for (int k = 0; k < s.categories().size(); k++) row[3 + k] = s.categoryMonthly()[k][i];
            t.row(row);
        }
        return t;
    }

    /**
     * A timeline's months (or quarters, years) as a table: the period, its date when the timeline has a start, the
     * monthly total, revenue and profit when the model sells, one-off costs, funding, the cash balance and the spend so
     * far at the period's end, and what happened; with {@code categories}, a column per category after the total.
     */
    public static Table timeline(Months.Result r, Months.Period by, String currency, boolean categories) {
        List<Column> cols = new ArrayList<>();
        cols.add(Column.text(by == Months.Period.MONTH ? "month" : "months"));
        if (r.start() != null) cols.add(Column.text("date"));
        cols.add(Column.of("total", FigureFormat.CURRENCY));
        if (categories) for (String c : r.categories()) cols.add(Column.of(c, FigureFormat.CURRENCY));
        if (r.sells()) {
            cols.add(Column.of("revenue", FigureFormat.CURRENCY));
            cols.add(Column.of("profit", FigureFormat.CURRENCY));
        }
        cols.add(Column.of("oneOff", FigureFormat.CURRENCY));
        cols.add(Column.of("funding", FigureFormat.CURRENCY));
        cols.add(Column.of("cash", FigureFormat.CURRENCY));
        cols.add(Column.of("cumulative", FigureFormat.CURRENCY));
        cols.add(Column.text("events"));
        Table t = new Table(currency, cols);
        for (Months.Month m : r.by(by)) {
            List<Object> row = new ArrayList<>();
            row.add(m.month() == m.lastMonth() ? Integer.toString(m.month()) : m.month() + "-" + m.lastMonth());
            if (r.start() != null) row.add(m.date());
            row.add(m.total());
            if (categories) for (double c : m.categories()) row.add(c);
            if (r.sells()) {
                row.add(m.revenue());
                row.add(m.profit());
            }
            row.add(m.oneOff());
            row.add(m.funding());
            row.add(m.cash());
            row.add(m.cumulative());
            row.add(String.join("; ", m.events()));
            t.row(row.toArray());
        }
        return t;
    }

    /** What a timeline comes to, one line each: the runway, the break-even month and each lever event's payback. */
    public static List<String> timelineSummary(Months.Result r, String currency) {
        int n = r.months().size();
        List<String> out = new ArrayList<>();
        if (!r.funded()) {
            out.add("Runway: no funding given (business.funding or a funding event), so cash starts at 0");
        } else {
            out.add(r.runwayMonth() == null ? "Runway: the cash lasts all " + n + " months (" + Formats.money(r.months().get(n - 1).cash(), currency)
                    + " at the end)" : "Runway: the cash runs out in month " + r.runwayMonth() + dated(r, r.runwayMonth()));
        }
        if (r.sells()) {
            out.add(r.breakEvenMonth() == null ? "Break-even: no month's profit is above 0 within " + n + " months"
                    : "Break-even: month " + r.breakEvenMonth() + dated(r, r.breakEvenMonth()) + ", the first with profit above 0");
        }
        for (Months.Payback p : r.paybacks()) {
            String saves = "saves " + Formats.money(p.firstSaving(), currency) + " in its first month";
            if (p.cost() == 0) {
                out.add("Payback of " + p.label() + " (month " + p.month() + "): no one-off cost to pay back; " + saves);
                continue;
            }
            out.add("Payback of " + p.label() + " (month " + p.month() + "): " + Formats.money(p.cost(), currency)
                    + (p.paybackMonth() == null ? " not paid back within " + n + " months"
                    : " paid back in month " + p.paybackMonth() + dated(r, p.paybackMonth()))
                    + " (" + saves + ")");
        }
        return out;
    }

    private static String dated(Months.Result r, int month) {
        return r.start() == null ? "" : " (" + r.months().get(month).date() + ")";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
