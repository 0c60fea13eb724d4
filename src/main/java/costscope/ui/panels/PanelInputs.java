package costscope.ui.panels;

import costscope.export.Formats;
import costscope.formula.Compiler;
import costscope.formula.Expr;
import costscope.formula.FormulaException;
import costscope.formula.Parser;
import costscope.model.Business;
import costscope.model.Driver;
import costscope.model.ScalePoint;
import costscope.model.Scenario;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** What the drivers panel shows of a scenario's inputs, without JavaFX: groups, scale points, filter, lever savings. */
final class PanelInputs {
    private PanelInputs() {
    }

    /** Drivers the business model's formulas name (price, conversion, funding...): shown under "Business". */
    static Set<String> businessDrivers(Scenario s) {
        Set<String> out = new HashSet<>();
        Business b = s.business();
        if (b == null) return out;
        for (String f : new String[]{b.price(), b.conversion(), b.funding(), b.markup()}) {
            if (f == null) continue;
            try {
                Expr e = Parser.parse(f);
                for (Expr.Name n : Compiler.names(e)) if (s.driver(n.name()) != null) out.add(n.name());
            } catch (FormulaException ignored) {
                // an invalid formula names nothing
            }
        }
        return out;
    }

    /** A scale point is "current" when every driver it sets has its value. */
    static boolean matches(Scenario s, ScalePoint p) {
        for (var e : p.values().entrySet()) {
            Driver d = s.driver(e.getKey());
            if (d == null || Math.abs(d.value() - e.getValue()) > 1e-9 * Math.max(1, Math.abs(e.getValue()))) return false;
        }
        return true;
    }

    /** The drivers a scale point sets, one a line: "Concurrent users = 1,000". */
    static String describe(Scenario s, ScalePoint p) {
        StringBuilder b = new StringBuilder();
        for (var e : p.values().entrySet()) {
            Driver d = s.driver(e.getKey());
            if (b.length() > 0) b.append('\n');
            b.append(d != null ? d.label() : e.getKey()).append(" = ").append(Formats.number(e.getValue()));
        }
        return b.toString();
    }

    /** Whether the filter text (blank: everything) is in the driver's label, id or description. */
    static boolean passes(Driver d, String filter) {
        String q = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        return q.isEmpty() || d == null || (d.label() + " " + d.id() + " " + (d.description() == null ? "" : d.description()))
                .toLowerCase(Locale.ROOT).contains(q);
    }

    /** "saves $3,672.00/mo", "costs $120.00/mo more", "no effect here". */
    static String savingText(double saving, String currency) {
        if (!Double.isFinite(saving)) return "";
        if (Formats.showsAsZero(saving)) return "no effect at these values";
        return saving > 0 ? "saves " + Formats.money(saving, currency) + "/mo" : "costs " + Formats.money(-saving, currency) + "/mo more";
    }
}
