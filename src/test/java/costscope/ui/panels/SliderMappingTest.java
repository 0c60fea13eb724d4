package costscope.ui.panels;

import costscope.model.Driver;
import costscope.model.SliderScale;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SliderMappingTest {
    @Test
    void logDriversMapDecadesEvenly() {
        SliderMapping m = SliderMapping.of(new Driver("u", "U", null, 1000, 10.0, 1e9, null, SliderScale.LOG, null));
        assertTrue(m.log());
        assertEquals(1, m.sliderMin(), 0);
        assertEquals(9, m.sliderMax(), 0);
        assertEquals(3, m.toSlider(1000), 1e-12);
        assertEquals(100_000, m.fromSlider(5), 0);
        assertEquals(10_000, m.fromSlider(Math.log10(10_012)), 0, "drag values snap to 3 significant digits");
        assertEquals(1e9, m.fromSlider(12), 0, "clamped to max");
        assertEquals(9, m.toSlider(5e9), 0);
    }

    @Test
    void linearDriversSnapToTheirStep() {
        SliderMapping m = SliderMapping.of(new Driver("m", "M", null, 300, 0.0, 3000.0, 10.0, null, null));
        assertFalse(m.log());
        assertEquals(1230, m.fromSlider(1234.5), 0);
        assertEquals(0.35, SliderMapping.of(new Driver("r", "R", null, 0.3, 0.0, 1.0, 0.05, null, null)).fromSlider(0.3512), 0);
    }

    @Test
    void defaultsWithoutARange() {
        SliderMapping m = SliderMapping.of(new Driver("x", "X", null, 50, null, null, null, null, null));
        assertEquals(0, m.min(), 0);
        assertEquals(500, m.max(), 0);
        assertEquals(0.0457, SliderMapping.round3(0.045678), 0);
        assertEquals(12300, SliderMapping.round3(12345), 0);
    }
}
