package costscope.ui.tables;

import costscope.engine.Audit;
import costscope.export.Formats;

import java.util.List;

/**
 * One stated figure of the audit as the audit view shows it: stated and computed at the figure's own precision
 * (the same formatting as {@code costscope.export.Reports.audit}, so the view and the exported text agree).
 */
public record AuditRow(int index, boolean agrees, String status, String label, String at, String of, String stated,
                       String computed, String difference, String note) {

    public static List<AuditRow> of(List<Audit.Line> lines, String currency) {
        return java.util.stream.IntStream.range(0, lines.size()).mapToObj(i -> of(i, lines.get(i), currency)).toList();
    }

    public static AuditRow of(int index, Audit.Line l, String currency) {
        String stated = fmt(l.stated(), l, currency, 0);
        if (l.rounding() > 1 && l.rounding() >= Math.abs(l.stated()) * 0.05) {
            // a range recorded as midpoint +/- half its width: show it as the report does
            stated = fmt(l.stated() - l.rounding() / 2, l, currency, 0) + " to " + fmt(l.stated() + l.rounding() / 2, l, currency, 0);
        }
        return new AuditRow(index, l.agrees(), l.agrees() ? "agrees" : "differs", l.label(), l.at() == null ? "" : l.at(),
                l.of(), stated, fmt(l.computed(), l, currency, 1), l.agrees() ? "" : signed(fmt(l.difference(), l, currency, 1), l.difference()),
                l.note() == null ? "" : l.note());
    }

    /** "76 of 105 agree; 29 differ". */
    public static String summary(List<Audit.Line> lines) {
        if (lines.isEmpty()) return "No stated figures to audit";
        long agree = lines.stream().filter(Audit.Line::agrees).count();
        long differ = lines.size() - agree;
        return agree + " of " + lines.size() + " agree" + (differ == 0 ? "" : "; " + differ + " differ");
    }

    private static String signed(String text, double v) {
        return v > 0 && !text.startsWith("+") ? "+" + text : text;
    }

    /** As Reports: the report's precision for stated figures, plus enough (extra) to see why a computed one differs. */
    static String fmt(double v, Audit.Line l, String currency, int extra) {
        int d = Formats.decimalsFor(l.rounding());
        return switch (l.format()) {
            case CURRENCY -> Formats.money(v, currency, extra > 0 ? Math.max(d, 2) : d);
            case PERCENT -> Formats.percent(v, Math.max(0, Formats.decimalsFor(l.rounding() * 100)) + extra);
            case MONTHS -> Formats.number(v, d + extra) + " months";
            case NUMBER -> Formats.number(v, extra > 0 ? Math.max(d, Math.abs(v) < 100 ? 2 : d) : d);
        };
    }
}
