package costscope.ui.tables;

import costscope.engine.Months;
import costscope.export.Formats;

import java.util.List;

/** One row of the Timeline tab's table: a month (or quarter, year) with its figures as shown. */
public record TimelineRow(String period, String date, String total, String revenue, String profit, String oneOff,
                          String funding, String cash, String cumulative, String events, boolean negativeCash) {

    /** The rows of a timeline grouped by {@code by}, money in {@code currency}. */
    static List<TimelineRow> of(Months.Result r, Months.Period by, String currency) {
        return r.by(by).stream().map(m -> new TimelineRow(
                m.month() == m.lastMonth() ? Integer.toString(m.month()) : m.month() + "\u2013" + m.lastMonth(),
                m.date() == null ? "" : m.date(),
                Formats.money(m.total(), currency),
                r.sells() ? Formats.money(m.revenue(), currency) : "",
                r.sells() ? Formats.money(m.profit(), currency) : "",
                m.oneOff() == 0 ? "" : Formats.money(m.oneOff(), currency),
                m.funding() == 0 ? "" : Formats.money(m.funding(), currency),
                Formats.money(m.cash(), currency),
                Formats.money(m.cumulative(), currency),
                String.join("; ", m.events()),
                r.funded() && m.cash() < 0)).toList();
    }
}
