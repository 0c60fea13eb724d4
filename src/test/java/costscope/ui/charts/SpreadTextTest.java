package costscope.ui.charts;

import costscope.model.FigureFormat;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The headline's "P10–P90 a – b": ends that would print alike get the decimals that tell them apart. */
class SpreadTextTest {
    @Test
    void endsThatWouldPrintAlikeGetTheDecimalsThatTellThemApart() {
        assertEquals("P10\u2013P90 $1,074.65 \u2013 $1,212.74", ChartData.p10p90(1074.654, 1212.738, FigureFormat.CURRENCY, "USD"));
        // $0.019955 and $0.019957 both print $0.02: a spread of 0.000002 needs 7 decimals
        assertEquals("P10\u2013P90 $0.0199552 \u2013 $0.0199571", ChartData.p10p90(0.0199552, 0.0199571, FigureFormat.CURRENCY, "USD"));
        assertEquals("P10\u2013P90 48.251% \u2013 48.268%", ChartData.p10p90(0.48251, 0.48268, FigureFormat.PERCENT, "USD"));
        assertEquals("P10\u2013P90 $5.00 \u2013 $5.00", ChartData.p10p90(5, 5, FigureFormat.CURRENCY, "USD"), "no spread: as it is");
    }
}
