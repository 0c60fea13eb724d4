package costscope.whatif;

import costscope.export.Formats;
import costscope.model.FigureFormat;

/** The sentences the Compare view shows beside its table and waterfall. */
public final class CompareText {
    private CompareText() {
    }

    /** "Monthly: Optimized -$11,314,982.00 (-56.7%) vs Original": each state's total against the reference. */
    public static String summary(Compare c, String currency) {
        Compare.Row total = c.row("total");
        StringBuilder s = new StringBuilder("Monthly: ");
        for (int i = 1; i < c.columns().size(); i++) {
            if (i > 1) s.append(" · ");
            s.append(c.columns().get(i).label()).append(" ")
                    .append(WhatIfTables.signed(total.difference(i), FigureFormat.CURRENCY, currency))
                    .append(" (").append(WhatIfTables.relative(total.relative(i))).append(")");
        }
        return s.append(" vs ").append(c.columns().get(0).label()).toString();
    }

    /** What the waterfall from {@code from} to {@code to} adds up to, or that there is nothing to show. */
    public static String waterfallCaption(Waterfall w, String from, String to, String currency) {
        if (w.steps().isEmpty()) return from + " and " + to + " have the same drivers, levers and prices: nothing to show.";
        return "Bars add up to the difference: " + WhatIfTables.signed(w.difference(), FigureFormat.CURRENCY, currency)
                + " (" + from + " " + Formats.money(w.fromTotal(), currency) + " → " + to + " " + Formats.money(w.toTotal(), currency) + ")."
                + (w.steps().size() > 1 ? " With interacting changes a bar depends on the order; reorder to see." : "");
    }
}
