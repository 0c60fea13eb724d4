package costscope.ui.panels;

import costscope.model.Driver;
import costscope.model.DriverBuilder;
import costscope.model.SliderScale;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SliderMappingTest {
    @Test
    void logDriversMapDecadesEvenly() {
        SliderMapping m = SliderMapping.of(DriverBuilder.builder().id("u").label("U").value(1000).min(10.0).max(1e9).scale(SliderScale.LOG).build());
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
        SliderMapping m = SliderMapping.of(DriverBuilder.builder().id("m").label("M").value(300).min(0.0).max(3000.0).step(10.0).build());
        assertFalse(m.log());
        assertEquals(1230, m.fromSlider(1234.5), 0);
        assertEquals(0.35, SliderMapping.of(DriverBuilder.builder().id("r").label("R").value(0.3).min(0.0).max(1.0).step(0.05).build()).fromSlider(0.3512), 0);
    }

    @Test
    void defaultsWithoutARange() {
        SliderMapping m = SliderMapping.of(DriverBuilder.builder().id("x").label("X").value(50).build());
        assertEquals(0, m.min(), 0);
        assertEquals(500, m.max(), 0);
        assertEquals(0.0457, SliderMapping.round3(0.045678), 0);
        assertEquals(12300, SliderMapping.round3(12345), 0);
    }
}
