package costscope.ui.charts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log axis arithmetic: positions, inverse, ticks, auto ranges and labels. */
class AxisMathTest {
    @Test
    void logPositionsPutTheEndsAtTheEndsAndTheMiddleDecadeInTheMiddle() {
        // 10..1e6 is five decades (10^1..10^6): 1000 = 10^3 is two fifths of the way, 10^3.5 in the middle
        assertEquals(0, AxisMath.position(10, 10, 1e6, true, 600, false), 1e-9);
        assertEquals(600, AxisMath.position(1e6, 10, 1e6, true, 600, false), 1e-9);
        assertEquals(240, AxisMath.position(1000, 10, 1e6, true, 600, false), 1e-9);
        assertEquals(300, AxisMath.position(Math.pow(10, 3.5), 10, 1e6, true, 600, false), 1e-9);
        // 1000 is the middle of 10..1e5 and of 1..1e6
        assertEquals(300, AxisMath.position(1000, 10, 1e5, true, 600, false), 1e-9);
        assertEquals(300, AxisMath.position(1000, 1, 1e6, true, 600, false), 1e-9);
        assertEquals(120, AxisMath.position(100, 10, 1e6, true, 600, false), 1e-9);
        // 10^2.5 lies half-way between 100 and 1000
        assertEquals(180, AxisMath.position(Math.pow(10, 2.5), 10, 1e6, true, 600, false), 1e-9);
        // vertical: the lower bound at the bottom
        assertEquals(400, AxisMath.position(10, 10, 1e6, true, 400, true), 1e-9);
        assertEquals(0, AxisMath.position(1e6, 10, 1e6, true, 400, true), 1e-9);
        assertEquals(240, AxisMath.position(1000, 10, 1e6, true, 400, true), 1e-9);
        assertEquals(200, AxisMath.position(1000, 10, 1e5, true, 400, true), 1e-9);
    }

    @Test
    void logPositionsOnARangeNotOnDecades() {
        // 50..5000 is two decades: 500 is in the middle, 158.1 (= 50 * 10^0.5) a quarter of the way
        assertEquals(250, AxisMath.position(500, 50, 5000, true, 500, false), 1e-9);
        assertEquals(125, AxisMath.position(50 * Math.sqrt(10), 50, 5000, true, 500, false), 1e-9);
    }

    @Test
    void valueAtPositionInvertsPosition() {
        for (double v : new double[] {10, 37, 1000, 12345, 1e6}) {
            double p = AxisMath.position(v, 10, 1e6, true, 733, false);
            assertEquals(v, AxisMath.valueAtPosition(p, 10, 1e6, true, 733, false), v * 1e-12);
            double q = AxisMath.position(v, 10, 1e6, true, 291, true);
            assertEquals(v, AxisMath.valueAtPosition(q, 10, 1e6, true, 291, true), v * 1e-12);
        }
        assertEquals(1000, AxisMath.valueAtPosition(240, 10, 1e6, true, 600, false), 1e-9);
        assertEquals(Math.pow(10, 3.5), AxisMath.valueAtPosition(300, 10, 1e6, true, 600, false), 1e-9);
    }

    @Test
    void linearPositions() {
        assertEquals(250, AxisMath.position(50, 0, 100, false, 500, false), 1e-12);
        assertEquals(375, AxisMath.position(25, 0, 100, false, 500, true), 1e-12);
        assertEquals(25, AxisMath.valueAtPosition(375, 0, 100, false, 500, true), 1e-12);
    }

    @Test
    void nonPositiveValuesOnALogAxisStayFinite() {
        double p = AxisMath.position(0, 10, 1e6, true, 600, false);
        assertTrue(Double.isFinite(p) && p < 0);
    }

    @Test
    void majorTicksAreTheDecades() {
        assertEquals(List.of(10.0, 100.0, 1e3, 1e4, 1e5, 1e6), AxisMath.logMajorTicks(10, 1e6, 20));
        assertEquals(List.of(1e5, 1e6, 1e7, 1e8, 1e9), AxisMath.logMajorTicks(1e5, 1e9, 20));
        // a range that starts and ends between decades
        assertEquals(List.of(100.0, 1e3, 1e4, 1e5), AxisMath.logMajorTicks(37, 420000, 20));
    }

    @Test
    void tooManyDecadesAreThinnedToEveryNth() {
        assertEquals(List.of(1.0, 1e3, 1e6, 1e9, 1e12), AxisMath.logMajorTicks(1, 1e12, 5));
        assertEquals(List.of(1e2, 1e4, 1e6), AxisMath.logMajorTicks(10, 1e6, 3));
    }

    @Test
    void fewDecadesGetOneTwoFive() {
        assertEquals(List.of(50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0), AxisMath.logMajorTicks(50, 5000, 20));
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0), AxisMath.logMajorTicks(1, 50, 20));
        assertEquals(List.of(0.01, 0.02, 0.05, 0.1, 0.2), AxisMath.logMajorTicks(0.01, 0.2, 20));
    }

    @Test
    void lessThanADecadeGetsEveryMultiple() {
        assertEquals(List.of(2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0), AxisMath.logMajorTicks(2, 8, 20));
        assertEquals(List.of(300.0, 400.0, 500.0, 600.0), AxisMath.logMajorTicks(250, 650, 20));
    }

    @Test
    void minorTicksAreTwoToNineTimesEachDecade() {
        List<Double> major = AxisMath.logMajorTicks(10, 1000, 20);
        List<Double> minor = AxisMath.logMinorTicks(10, 1000, major);
        assertEquals(List.of(20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 200.0, 300.0, 400.0, 500.0, 600.0, 700.0,
                800.0, 900.0), minor);
        assertFalse(minor.contains(100.0));
        // ranges off the decades: only the multiples inside
        assertEquals(List.of(40.0, 60.0, 70.0, 80.0, 90.0, 300.0, 400.0),
                AxisMath.logMinorTicks(35, 450, AxisMath.logMajorTicks(35, 450, 20)));
    }

    @Test
    void autoRangeRoundsOutToOneTwoFive() {
        assertArrayEquals(new double[] {1, 50}, AxisMath.logAutoRange(1.2077, 35.59), 1e-12);
        assertArrayEquals(new double[] {0.01, 0.2}, AxisMath.logAutoRange(0.01995, 0.1558), 1e-15);
        assertArrayEquals(new double[] {500, 2e6}, AxisMath.logAutoRange(533.93, 1811633), 1e-9);
        // a constant: the nice values either side
        assertArrayEquals(new double[] {50, 100}, AxisMath.logAutoRange(57.37, 57.37), 1e-9);
        // a constant on a nice value: one step either side
        assertArrayEquals(new double[] {50, 200}, AxisMath.logAutoRange(100, 100), 1e-9);
        // exactly on a nice value stays there
        assertArrayEquals(new double[] {10, 1000}, AxisMath.logAutoRange(10, 1000), 1e-9);
    }

    @Test
    void linearTicksAndRange() {
        assertEquals(List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0), AxisMath.linearTicks(0, 100, 6));
        assertEquals(List.of(0.0, 50.0, 100.0), AxisMath.linearTicks(0, 100, 5));
        assertEquals(List.of(-10.0, 0.0, 10.0, 20.0), AxisMath.linearTicks(-12, 25, 6));
        assertArrayEquals(new double[] {0, 2e6}, AxisMath.linearAutoRange(0, 1811633, 6), 1e-9);
    }

    @Test
    void compactLabels() {
        assertEquals("10", AxisMath.compact(10));
        assertEquals("1k", AxisMath.compact(1000));
        assertEquals("10k", AxisMath.compact(1e4));
        assertEquals("100k", AxisMath.compact(1e5));
        assertEquals("1M", AxisMath.compact(1e6));
        assertEquals("1B", AxisMath.compact(1e9));
        assertEquals("1T", AxisMath.compact(1e12));
        assertEquals("1.5k", AxisMath.compact(1500));
        assertEquals("250k", AxisMath.compact(250000));
        assertEquals("1M", AxisMath.compact(999999));
        assertEquals("0.05", AxisMath.compact(0.05));
        assertEquals("0", AxisMath.compact(0));
        assertEquals("-2.5M", AxisMath.compact(-2.5e6));
        assertEquals("$1.5k", AxisMath.compactMoney(1500, "$"));
        assertEquals("-$20", AxisMath.compactMoney(-20, "$"));
    }
}
