package costscope.ui.tables;

import costscope.engine.Audit;
import costscope.export.Reports;

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
        return new AuditRow(index, l.agrees(), l.agrees() ? "agrees" : "differs", l.label(), l.context(),
                l.of(), Reports.auditStated(l, currency), Reports.auditComputed(l, currency), Reports.auditDifference(l, currency),
                l.note() == null ? "" : l.note());
    }

    /** "76 of 105 agree; 29 differ". */
    public static String summary(List<Audit.Line> lines) {
        if (lines.isEmpty()) return "No stated figures to audit";
        long agree = lines.stream().filter(Audit.Line::agrees).count();
        long differ = lines.size() - agree;
        return agree + " of " + lines.size() + " agree" + (differ == 0 ? "" : "; " + differ + " differ");
    }
}
