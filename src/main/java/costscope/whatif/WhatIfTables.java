package costscope.whatif;

import costscope.export.Formats;
import costscope.export.Table;
import costscope.model.FigureFormat;

import java.util.ArrayList;
import java.util.List;

/** The what-if results as tables: formatted for reading (text, Markdown) and plain (CSV). No JavaFX. */
public final class WhatIfTables {
    private WhatIfTables() {
    }

    /** A value in its row's format: $1,234.56, 52.4%, 12.0 months, 1,000,000. */
    public static String format(double v, FigureFormat f, String currency) {
        return switch (f) {
            case CURRENCY -> Formats.money(v, currency);
            case PERCENT -> Formats.percent(v);
            case MONTHS -> Double.isInfinite(v) ? "unlimited" : Formats.number(v, 1) + " months";
            case NUMBER -> Formats.number(v);
        };
    }

    /**
     * Like {@link #format}, but money of $1,000 or more in whole units ($4,809,600): narrower columns where several
     * states sit side by side.
     */
    public static String formatCompact(double v, FigureFormat f, String currency) {
        if (f == FigureFormat.CURRENCY && Double.isFinite(v) && Math.abs(v) >= 1000) return Formats.money(v, currency, 0);
        return format(v, f, currency);
    }

    /** Like {@link #signed}, with money of $1,000 or more in whole units. */
    public static String signedCompact(double d, FigureFormat f, String currency) {
        if (f == FigureFormat.CURRENCY && d == 0) return Formats.money(0, currency);
        if (f == FigureFormat.CURRENCY && Double.isFinite(d) && Math.abs(d) >= 1000) {
            return (d > 0 ? "+" : "-") + Formats.money(Math.abs(d), currency, 0);
        }
        return signed(d, f, currency);
    }

    /** A difference with its sign: +$1,234.56, -3.2 pp (percentage points for shares), +12 months. */
    public static String signed(double d, FigureFormat f, String currency) {
        if (Double.isNaN(d)) return "n/a";
        if (d == 0) {
            return switch (f) {
                case CURRENCY -> Formats.money(0, currency);
                case PERCENT -> "0 pp";
                case MONTHS -> "0 months";
                case NUMBER -> "0";
            };
        }
        String sign = d > 0 ? "+" : "-";
        double a = Math.abs(d);
        return switch (f) {
            case CURRENCY -> sign + Formats.money(a, currency);
            case PERCENT -> sign + (a * 100 < 0.1 ? Formats.number(a * 100) : Formats.number(a * 100, 1)) + " pp";
            case MONTHS -> Double.isInfinite(a) ? sign + "∞" : sign + Formats.number(a, 1) + " months";
            case NUMBER -> sign + Formats.number(a);
        };
    }

    /** "±20%" for a swing of 0.2. */
    public static String swing(double s) {
        return "±" + Formats.number(s * 100) + "%";
    }

    /** +12.5%, -58.0%; "n/a" when the reference is 0. */
    public static String relative(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) return "n/a";
        if (r == 0) return "0%";
        return (r > 0 ? "+" : "-") + Formats.percent(Math.abs(r));
    }

    /** Rows and columns side by side; for each column after the first, its difference and relative difference. */
    public static Table compare(Compare c, String currency) {
        List<Table.Column> head = new ArrayList<>();
        head.add(Table.Column.text(""));
        for (Compare.Column col : c.columns()) head.add(Table.Column.figure(col.label()));
        for (int i = 1; i < c.columns().size(); i++) {
            head.add(Table.Column.figure("Δ " + c.columns().get(i).label()));
            head.add(Table.Column.figure("Δ%"));
        }
        Table t = new Table(currency, head);
        for (Compare.Row r : c.rows()) {
            if (!r.hasValue()) continue;
            List<Object> cells = new ArrayList<>();
            cells.add(r.kind() == Compare.RowKind.ITEM ? "  " + r.label() : r.label());
            for (int i = 0; i < c.columns().size(); i++) cells.add(format(r.value(i), r.format(), currency));
            for (int i = 1; i < c.columns().size(); i++) {
                cells.add(signed(r.difference(i), r.format(), currency));
                cells.add(r.format() == FigureFormat.PERCENT ? "" : relative(r.relative(i)));
            }
            t.row(cells.toArray());
        }
        return t;
    }

    /** The comparison with plain numbers for CSV: row key, kind, each column's value, then each difference. */
    public static Table comparePlain(Compare c) {
        List<Table.Column> head = new ArrayList<>();
        head.add(Table.Column.text("row"));
        head.add(Table.Column.text("kind"));
        head.add(Table.Column.text("label"));
        for (Compare.Column col : c.columns()) head.add(Table.Column.of(col.id(), FigureFormat.NUMBER));
        for (int i = 1; i < c.columns().size(); i++) {
            head.add(Table.Column.of("diff_" + c.columns().get(i).id(), FigureFormat.NUMBER));
            head.add(Table.Column.of("rel_" + c.columns().get(i).id(), FigureFormat.NUMBER));
        }
        Table t = new Table(null, head);
        for (Compare.Row r : c.rows()) {
            if (!r.hasValue()) continue;
            List<Object> cells = new ArrayList<>();
            cells.add(r.key());
            cells.add(r.kind().name().toLowerCase());
            cells.add(r.label());
            for (int i = 0; i < c.columns().size(); i++) cells.add(r.value(i));
            for (int i = 1; i < c.columns().size(); i++) {
                cells.add(r.difference(i));
                cells.add(r.relative(i));
            }
            t.row(cells.toArray());
        }
        return t;
    }

    /** The waterfall: the start, one row per change with the total after it, the end. */
    public static Table waterfall(Waterfall w, String fromLabel, String toLabel, String currency) {
        Table t = new Table(currency, List.of(Table.Column.text("#"), Table.Column.text("Change"),
                Table.Column.text("Id"), Table.Column.figure("Effect"),
                Table.Column.figure("Total after")));
        t.row("", fromLabel, "", "", Formats.money(w.fromTotal(), currency));
        int n = 1;
        for (Waterfall.Step s : w.steps()) {
            t.row(Integer.toString(n++), s.change().describe(), s.change().id(), signed(s.delta(), FigureFormat.CURRENCY, currency),
                    Formats.money(s.after(), currency));
        }
        t.row("", toLabel, "", signed(w.difference(), FigureFormat.CURRENCY, currency), Formats.money(w.toTotal(), currency));
        return t;
    }

    /** The tornado as a table, largest effect first. */
    public static Table sensitivity(Sensitivity s, String currency) {
        FigureFormat f = s.output().format();
        Table t = new Table(currency, List.of(Table.Column.text("Driver"), Table.Column.figure("Low"),
                Table.Column.figure("Value"), Table.Column.figure("High"),
                Table.Column.figure(s.output().label() + " at low"),
                Table.Column.figure("at high"), Table.Column.figure("Effect"),
                Table.Column.figure("Effect %")));
        for (Sensitivity.Bar b : s.bars()) {
            t.row(b.label(), Formats.number(b.low()), Formats.number(b.value()), Formats.number(b.high()),
                    format(b.outLow(), f, currency), format(b.outHigh(), f, currency),
                    b.defined() ? format(b.effect(), f, currency) : Formats.NOT_A_NUMBER,
                    !b.defined() ? Formats.NOT_A_NUMBER : Double.isNaN(b.relativeEffect()) ? "n/a" : Formats.percent(b.relativeEffect()));
        }
        return t;
    }

    /** The tornado with plain numbers, for CSV. */
    public static Table sensitivityPlain(Sensitivity s) {
        Table t = new Table(null, List.of(Table.Column.text("driver"), Table.Column.text("label"),
                Table.Column.of("low", FigureFormat.NUMBER), Table.Column.of("value", FigureFormat.NUMBER),
                Table.Column.of("high", FigureFormat.NUMBER), Table.Column.of("output_low", FigureFormat.NUMBER),
                Table.Column.of("output_base", FigureFormat.NUMBER), Table.Column.of("output_high", FigureFormat.NUMBER),
                Table.Column.of("effect", FigureFormat.NUMBER)));
        for (Sensitivity.Bar b : s.bars()) {
            t.row(b.driver(), b.label(), b.low(), b.value(), b.high(), b.outLow(), b.base(), b.outHigh(), b.effect());
        }
        return t;
    }

    /** One sentence per answer, or why there is none. */
    public static List<String> goalSeek(GoalSeek g, String driverLabel, String currency) {
        FigureFormat f = g.output().format();
        List<String> out = new ArrayList<>();
        String target = format(g.target(), f, currency);
        if (!g.solved()) {
            out.add("No solution: " + g.output().label() + " never reaches " + target + " for " + driverLabel + " from "
                    + Formats.number(g.lo()) + " to " + Formats.number(g.hi()) + "; it ranges from "
                    + format(g.outMin(), f, currency) + " to " + format(g.outMax(), f, currency) + ".");
            return out;
        }
        if (g.solutions().size() > 1) {
            out.add(g.solutions().size() + " solutions: " + g.output().label() + " reaches " + target + " at "
                    + g.solutions().size() + " places in " + Formats.number(g.lo()) + " to " + Formats.number(g.hi()) + ".");
        }
        for (GoalSeek.Solution s : g.solutions()) {
            String where = driverLabel + " = " + Formats.number(s.x());
            out.add(switch (s.kind()) {
                case EXACT -> where + ": " + g.output().label() + " = " + target + ".";
                case JUMP -> where + ": " + g.output().label() + " jumps from " + format(s.outBefore(), f, currency)
                        + " to " + format(s.outAfter(), f, currency) + " (a step), passing " + target + ".";
                case PLATEAU -> driverLabel + " from " + Formats.number(s.x()) + " to " + Formats.number(s.xTo()) + ": "
                        + g.output().label() + " = " + target + " on the whole interval.";
            });
        }
        return out;
    }
}
