package costscope.whatif;

import costscope.model.FigureFormat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SensitivityTextTest {
    static final Output TOTAL = new Output("total", "Monthly total", FigureFormat.CURRENCY);

    @Test
    void theCaptionNamesTheDriverTheOutputHangsOnMost() {
        Sensitivity.Bar users = new Sensitivity.Bar("users", "Concurrent users", null, 1000, 800, 1200, 1950.40, 2667.74, 2309);
        Sensitivity s = new Sensitivity(TOTAL, 2309, 0.2, List.of(users));
        assertEquals("Monthly total = $2,309.00. It hangs most on Concurrent users: from $1,950.40 to $2,667.74 as it moves "
                + "±20% (800 to 1,200).", SensitivityText.caption(s, List.of(users), "USD"));
        assertEquals("Monthly total = $2,309.00. No driver moves it when swung ±20%.", SensitivityText.caption(s, List.of(), "USD"));
    }

    @Test
    void driversWithoutEffectAreListed() {
        Sensitivity.Bar a = new Sensitivity.Bar("a", "Alpha", null, 1, 0.8, 1.2, 10, 10, 10);
        Sensitivity.Bar b = new Sensitivity.Bar("b", "Beta", null, 1, 0.8, 1.2, 10, 10, 10);
        Sensitivity s = new Sensitivity(TOTAL, 10, 0.2, List.of(a, b));
        assertEquals("2 drivers have no effect on Monthly total: Alpha, Beta.", SensitivityText.noEffect(s, List.of(a, b)));
        assertEquals("1 driver has no effect on Monthly total: Beta.", SensitivityText.noEffect(s, List.of(b)));
        assertEquals("", SensitivityText.noEffect(s, List.of()));
    }

    @Test
    void aSwingIsTypedInWholePercentsOrAsAShare() {
        assertEquals(20, SensitivityText.wholePercent("20"));
        assertEquals(20, SensitivityText.wholePercent(" 20% "));
        assertEquals(20, SensitivityText.wholePercent("0.2"));
        assertEquals(100, SensitivityText.wholePercent("250"));
        assertEquals(1, SensitivityText.wholePercent("0"));
        assertNull(SensitivityText.wholePercent("lots"));
    }
}
