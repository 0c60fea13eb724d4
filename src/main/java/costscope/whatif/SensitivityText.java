package costscope.whatif;

import costscope.export.Formats;
import costscope.formula.NumberInput;
import costscope.model.FigureFormat;
import costscope.model.InputException;

import java.util.List;
import java.util.stream.Collectors;

/** What the Sensitivity view says under its tornado, and how it reads a swing typed in whole percents. */
public final class SensitivityText {
    private SensitivityText() {
    }

    /**
     * "Monthly total = $2,309.00. It hangs most on Concurrent users: from $1,950.40 to $2,667.74 as it moves ±20%
     * (800 to 1,200)." {@code moving}: the bars that move the output, largest first.
     */
    public static String caption(Sensitivity s, List<Sensitivity.Bar> moving, String currency) {
        FigureFormat f = s.output().format();
        String head = s.output().label() + " = " + WhatIfTables.format(s.base(), f, currency) + ". ";
        if (moving.isEmpty()) return head + "No driver moves it when swung " + WhatIfTables.swing(s.swing()) + ".";
        Sensitivity.Bar top = moving.get(0);
        return head + "It hangs most on " + top.label() + ": from " + WhatIfTables.format(top.outLow(), f, currency)
                + " to " + WhatIfTables.format(top.outHigh(), f, currency) + " as it moves " + WhatIfTables.swing(s.swing())
                + " (" + Formats.number(top.low()) + " to " + Formats.number(top.high()) + ").";
    }

    /** "2 drivers have no effect on Monthly total: A, B." for the bars that do not move it; "" when there are none. */
    public static String noEffect(Sensitivity s, List<Sensitivity.Bar> still) {
        return still.isEmpty() ? "" : still.size() + (still.size() == 1 ? " driver has" : " drivers have")
                + " no effect on " + s.output().label() + ": "
                + still.stream().map(Sensitivity.Bar::label).collect(Collectors.joining(", ")) + ".";
    }

    /** A swing typed as whole percents, 20, 20% or 0.2 (a share), kept within 1 to 100; null when it is not a number. */
    public static Integer wholePercent(String typed) {
        try {
            String t = typed.trim();
            double v = t.endsWith("%") ? NumberInput.parse(t) * 100 : NumberInput.parse(t);
            if (v > 0 && v < 1 && !t.endsWith("%")) v *= 100;
            return (int) Math.max(1, Math.min(100, Math.round(v)));
        } catch (InputException e) {
            return null;
        }
    }
}
