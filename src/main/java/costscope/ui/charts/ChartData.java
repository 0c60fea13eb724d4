package costscope.ui.charts;

import costscope.engine.MonteCarlo;
import costscope.engine.Results;
import costscope.engine.Sweep;
import costscope.export.Formats;
import costscope.model.Driver;
import costscope.model.FigureFormat;
import costscope.model.ScalePoint;
import costscope.model.Scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the charts show, computed from the engine's results and sweep without JavaFX: shares, slices, marks, labels. */
public final class ChartData {
    private ChartData() {
    }

    /** A pie slice: a category with a cost above zero at the current point. */
    public record Slice(int category, String id, String label, double monthly, double share) {
        /** The slice's label: its share, 52.4%. */
        public String percent() {
            return Formats.percent(share);
        }
    }

    /** A legend row: every category, in display order; {@code zero} when it costs nothing at the current point. */
    public record LegendRow(int category, String id, String label, double monthly, double share, boolean zero) {
    }

    /** The categories that cost something at the current point, in display order. */
    public static List<Slice> slices(Results r) {
        List<Slice> out = new ArrayList<>();
        List<Results.CategoryResult> cats = r.categories();
        for (int i = 0; i < cats.size(); i++) {
            Results.CategoryResult c = cats.get(i);
            if (c.monthly() > 0 && Double.isFinite(c.monthly())) out.add(new Slice(i, c.id(), c.label(), c.monthly(), c.share()));
        }
        return out;
    }

    public static List<LegendRow> legend(Results r) {
        List<LegendRow> out = new ArrayList<>();
        List<Results.CategoryResult> cats = r.categories();
        for (int i = 0; i < cats.size(); i++) {
            Results.CategoryResult c = cats.get(i);
            boolean zero = !(c.monthly() > 0) || !Double.isFinite(c.monthly());
            out.add(new LegendRow(i, c.id(), c.label(), c.monthly(), c.share(), zero));
        }
        return out;
    }

    /** Each category's share of the monthly total at each sweep point, in percent ([category][point]); 0 where the total is 0. */
    public static double[][] sharePercents(Sweep.Result s) {
        int nc = s.categoryMonthly().length;
        int n = s.x().length;
        double[][] out = new double[nc][n];
        for (int i = 0; i < n; i++) {
            double t = s.total()[i];
            for (int k = 0; k < nc; k++) {
                double v = s.categoryMonthly()[k][i];
                out[k][i] = t != 0 && Double.isFinite(t) && Double.isFinite(v) ? v / t * 100 : 0;
            }
        }
        return out;
    }

    /** True when (x, y) can be drawn: finite, and above 0 on a log axis. */
    public static boolean plottable(double x, double y, boolean logX, boolean logY) {
        return Double.isFinite(x) && Double.isFinite(y) && (!logX || x > 0) && (!logY || y > 0);
    }

    /** The scale points that set {@code driver}, by value: their ids as labels. */
    public static List<RangeMarkers.Mark> scaleMarks(Scenario s, String driver) {
        List<RangeMarkers.Mark> out = new ArrayList<>();
        for (ScalePoint p : s.scalePoints()) {
            Double v = p.values().get(driver);
            if (v != null && Double.isFinite(v)) out.add(new RangeMarkers.Mark(v, p.id()));
        }
        out.sort(Comparator.comparingDouble(RangeMarkers.Mark::x));
        return out;
    }

    /** Who "the user" is in cost per user ("active user"), or null when the scenario has no users. */
    public static String userLabel(Scenario s) {
        if (s.business() == null || s.business().users() == null) return null;
        String l = s.business().users().label();
        return l == null || l.isBlank() ? "user" : l;
    }

    /** The cost-per-user axis label: "$ per active user / month". */
    public static String costPerUserAxis(Scenario s) {
        String user = userLabel(s);
        return symbol(s) + " per " + (user == null ? "user" : user) + " / month";
    }

    /** The cost-per-user chart title: "Cost per active user". */
    public static String costPerUserTitle(Scenario s) {
        String user = userLabel(s);
        return "Cost per " + (user == null ? "user" : user);
    }

    /** "$ / month". */
    public static String monthlyAxis(Scenario s) {
        return symbol(s) + " / month";
    }

    /** The x axis label: the driver's label, its unit when it adds something, and the scale: "Concurrent users (log scale)". */
    public static String driverAxis(Scenario s, String driverId, boolean log) {
        Driver d = s.driver(driverId);
        String name = d == null ? driverId : d.label();
        if (d != null && d.unit() != null && !d.unit().isBlank() && !name.toLowerCase().contains(d.unit().toLowerCase())) {
            name += " (" + d.unit() + ")";
        }
        return log ? name + ", log scale" : name;
    }

    /** "Concurrent users: 1,000". */
    public static String currentPoint(Scenario s, String driverId) {
        Driver d = s.driver(driverId);
        if (d == null) return "";
        return d.label() + ": " + Formats.number(d.value());
    }

    /** Money for a marker label: whole units from 100 up ($2,309), cents below ($1.54). */
    public static String shortMoney(double v, String currency) {
        return Double.isFinite(v) && Math.abs(v) >= 100 ? Formats.money(v, currency, 0) : Formats.money(v, currency);
    }

    /** "P10–P90 $1,073.25 – $1,213.89": a spread's 10th to 90th percentile in the figure's format. */
    public static String p10p90(double p10, double p90, FigureFormat format, String currency) {
        String a = Formats.figure(p10, format, currency);
        String b = Formats.figure(p90, format, currency);
        if (a.equals(b) && p90 > p10 && format != FigureFormat.MONTHS) {
            // a spread narrower than the display precision: enough decimals to tell the ends apart ($0.0199 – $0.0201)
            double scale = format == FigureFormat.PERCENT ? 100 : 1;
            int d = Math.min(8, Math.max(2, Formats.decimalsFor((p90 - p10) * scale / 10)));
            a = format == FigureFormat.PERCENT ? Formats.percent(p10, d) : format == FigureFormat.CURRENCY
                    ? Formats.money(p10, currency, d) : Formats.number(p10, d);
            b = format == FigureFormat.PERCENT ? Formats.percent(p90, d) : format == FigureFormat.CURRENCY
                    ? Formats.money(p90, currency, d) : Formats.number(p90, d);
        }
        return "P10\u2013P90 " + a + " \u2013 " + b;
    }

    /** "10,000 samples". */
    public static String samples(int n) {
        return Formats.number(n) + (n == 1 ? " sample" : " samples");
    }

    /**
     * A spread's tooltip: what P10-P90 means, P5-P95 and the mean, the samples and seed; "(first estimate)" while the
     * full run is still to come.
     */
    public static String spreadTooltip(String what, MonteCarlo.Spread sp, FigureFormat format, String currency, int samples,
                                       long seed, boolean complete) {
        StringBuilder b = new StringBuilder();
        b.append(what).append(" over the drivers' ranges (Monte Carlo, ").append(samples(samples)).append(", seed ")
                .append(seed).append(complete ? ")" : "; first estimate, the full run is on its way)").append(":\n");
        b.append("80% of the samples lie between ").append(Formats.figure(sp.p10(), format, currency)).append(" and ")
                .append(Formats.figure(sp.p90(), format, currency)).append(" (P10\u2013P90),\n");
        b.append("90% between ").append(Formats.figure(sp.p5(), format, currency)).append(" and ")
                .append(Formats.figure(sp.p95(), format, currency)).append(" (P5\u2013P95); mean ")
                .append(Formats.figure(sp.mean(), format, currency)).append(", median ")
                .append(Formats.figure(sp.p50(), format, currency)).append('.');
        if (sp.notANumber() > 0) b.append("\n").append(Formats.number(sp.notANumber())).append(" samples gave no number and are left out.");
        return b.toString();
    }

    /** Whether a spread can be shown: its P10 and P90 are numbers. */
    /** Whether a spread can be shown and is one: finite percentiles, and the ranges move the figure at all. */
    public static boolean showable(MonteCarlo.Spread sp) {
        return sp != null && Double.isFinite(sp.p10()) && Double.isFinite(sp.p90()) && sp.max() > sp.min();
    }

    /** The band, or null when it has no width anywhere (the ranges move nothing at these settings: no key, no band). */
    public static MonteCarlo.Band spreading(MonteCarlo.Band b) {
        if (b == null) return null;
        for (int i = 0; i < b.p5().length; i++) if (b.p95()[i] > b.p5()[i]) return b;
        return null;
    }

    public static String symbol(Scenario s) {
        return Formats.symbol(s.currency()).trim();
    }
}
