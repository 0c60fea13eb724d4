package costscope.ui.charts;

import costscope.engine.Months;
import costscope.export.Formats;
import costscope.model.Category;
import costscope.model.Driver;
import costscope.model.Scenario;
import costscope.model.TimelineEvent;
import costscope.model.TimelinePath;
import javafx.collections.FXCollections;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.List;

/**
 * The timeline's two charts, filled from {@link Months.Result} the same way in the Timeline tab and in an exported
 * slide: the monthly cost stacked by category with revenue as a dashed line over it, and the cash after each month
 * with the month it runs out; events marked on both (events of one month share a mark).
 */
public final class TimelineCharts {
    private TimelineCharts() {
    }

    /** The months 0 .. n-1 as x values. */
    static double[] months(Months.Result r) {
        double[] x = new double[r.months().size()];
        for (int m = 0; m < x.length; m++) x[m] = m;
        return x;
    }

    /**
     * Fills the cost chart: one series per category (made when the categories are not the chart's, coloured by
     * {@link CategoryColors}; the caller sets the colour definitions on an ancestor), the revenue overlay when the
     * model sells, the events as marks. Linear axes from month 0.
     */
    public static void cost(RangeAreaChart chart, Months.Result r, Scenario sc) {
        List<Category> cats = sc.categories();
        chart.xAxis().setLogarithmic(false);   // the y axis as the caller has it: linear, or log on request
        if (chart.getData().size() != cats.size()) {
            List<XYChart.Series<Number, Number>> series = new ArrayList<>();
            for (Category c : cats) series.add(new XYChart.Series<>(c.label(), FXCollections.observableArrayList()));
            chart.getData().setAll(series);
            for (int i = 0; i < series.size(); i++) CategoryColors.colourArea(series.get(i).getNode(), i);
        }
        double[] x = months(r);
        for (int k = 0; k < r.categories().size() && k < chart.getData().size(); k++) {
            double[] y = new double[x.length];
            for (int m = 0; m < x.length; m++) y[m] = r.months().get(m).categories()[k];
            SeriesData.set(chart.getData().get(k), x, y, false, false);
        }
        double[] revenue = r.months().stream().mapToDouble(Months.Month::revenue).toArray();
        chart.setOverlay(r.sells() ? x : null, r.sells() ? revenue : null);
        chart.markers().setScalePoints(marks(sc, x.length));
        chart.markers().setCurrent(Double.NaN, Double.NaN, null);
    }

    /** Fills the cash chart's one series (made if the chart has none), the events, and the month cash runs out. */
    public static void cash(RangeLineChart chart, Months.Result r, Scenario sc) {
        chart.xAxis().setLogarithmic(false);
        chart.yAxis().setLogarithmic(false);
        if (chart.getData().isEmpty()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>("Cash", FXCollections.observableArrayList());
            chart.getData().add(s);
            s.getNode().getStyleClass().add("timeline-cash-line");
        }
        SeriesData.set(chart.getData().get(0), months(r), r.months().stream().mapToDouble(Months.Month::cash).toArray(),
                false, false);
        chart.markers().setScalePoints(marks(sc, r.months().size()));
        Integer out = r.runwayMonth();
        chart.markers().setCurrent(out == null ? Double.NaN : out, out == null ? Double.NaN : r.months().get(out).cash(),
                out == null ? null : "cash runs out, month " + out);
    }

    /**
     * The timeline's marks on the month axis: each event, and each milestone of a path ("Registered users
     * 1,000,000"), at its month within the horizon; what happens in one month shares a mark.
     */
    public static List<RangeMarkers.Mark> marks(Scenario sc, int months) {
        List<RangeMarkers.Mark> marks = new ArrayList<>(eventMarks(sc.timeline().events(), months));
        for (TimelinePath p : sc.timeline().paths()) {
            Driver d = sc.driver(p.driver());
            for (TimelinePath.Milestone m : p.milestones()) {
                if (m.month() >= months || d == null) continue;
                add(marks, m.month(), d.label() + " " + Formats.number(m.value()));
            }
        }
        marks.sort(java.util.Comparator.comparingDouble(RangeMarkers.Mark::x));
        return marks;
    }

    private static void add(List<RangeMarkers.Mark> marks, int month, String label) {
        for (int i = 0; i < marks.size(); i++) {
            if (marks.get(i).x() == month) {
                marks.set(i, new RangeMarkers.Mark(month, marks.get(i).label() + "; " + label));
                return;
            }
        }
        marks.add(new RangeMarkers.Mark(month, label));
    }

    /** Each event at its month (those within the horizon), labelled; events of one month share a mark. */
    public static List<RangeMarkers.Mark> eventMarks(List<TimelineEvent> events, int months) {
        List<RangeMarkers.Mark> marks = new ArrayList<>();
        for (TimelineEvent e : events) {
            if (e.month() < months) add(marks, e.month(), e.label() != null ? e.label() : "month " + e.month());
        }
        return marks;
    }
}
