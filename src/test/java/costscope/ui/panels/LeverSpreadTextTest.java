package costscope.ui.panels;

import costscope.engine.MonteCarlo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The P10-P90 beside a lever's saving says which way the lever goes, and nothing when the saving does not vary. */
class LeverSpreadTextTest {
    private static MonteCarlo.Spread spread(double p10, double p90) {
        return new MonteCarlo.Spread("saving(x)", (p10 + p90) / 2, p10 - 1, p10, (p10 + p90) / 2, p90, p90 + 1, p10 - 2,
                p90 + 2, new MonteCarlo.Histogram(new double[0], new long[0]), 0);
    }

    @Test
    void savesCostsOrEither() {
        assertEquals("P10\u2013P90 saves $118.88 \u2013 $204.78", LeverRows.spreadText(spread(118.88, 204.78), "USD"));
        assertEquals("P10\u2013P90 costs $4.00 \u2013 $12.50 more", LeverRows.spreadText(spread(-12.5, -4), "USD"));
        assertEquals("P10\u2013P90 -$3.00 \u2013 $7.00", LeverRows.spreadText(spread(-3, 7), "USD"));
        assertEquals("P10\u2013P90 saves $0.00 \u2013 $7.00", LeverRows.spreadText(spread(0, 7), "USD"));
    }

    @Test
    void nothingWhenTheSavingDoesNotVaryOrIsNotANumber() {
        assertNull(LeverRows.spreadText(spread(56.4, 56.4), "USD"));
        assertNull(LeverRows.spreadText(spread(56.401, 56.399), "USD"), "the same in cents");
        assertNull(LeverRows.spreadText(spread(Double.NaN, Double.NaN), "USD"));
        assertNull(LeverRows.spreadText(null, "USD"));
    }
}
