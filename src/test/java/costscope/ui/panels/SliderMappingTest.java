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

    @Test
    void pixelsFollowTheSliderScaleOnTheTrack() {
        SliderMapping lin = SliderMapping.of(DriverBuilder.builder().id("n").label("N").value(2).min(0.0).max(20.0).build());
        assertEquals(8 + 300 * 3 / 20.0, lin.pixel(3, 8, 300), 1e-9);
        assertEquals(8, lin.pixel(-5, 8, 300), 0, "below min: the start of the track");
        assertEquals(308, lin.pixel(50, 8, 300), 0, "above max: its end");
        SliderMapping log = SliderMapping.of(DriverBuilder.builder().id("u").label("U").value(1000).min(10.0).max(1e9).scale(SliderScale.LOG).build());
        assertEquals(8 + 400 * 2 / 8.0, log.pixel(1000, 8, 400), 1e-9, "1,000 is two of the eight decades from 10");
        assertEquals(8 + 400 * 4 / 8.0, log.pixel(100_000, 8, 400), 1e-9);
    }
}
