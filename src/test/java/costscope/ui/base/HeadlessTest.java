package costscope.ui.base;

import costscope.export.chart.ChartKind;
import costscope.export.chart.DeckStyle;
import costscope.files.ScenarioFiles;
import costscope.ui.TestWindow;
import costscope.ui.export.ChartRenderer;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drawing in tiles gives the picture one snapshot gives (so big PNGs are the same pictures), for a chart at 2x on
 * white and on transparent and at 3x across real 4096-pixel tiles, and for the main window (the screenshot, with its
 * shadows across the seams).
 */
@ExtendWith(ApplicationExtension.class)
class HeadlessTest {
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, Path.of("sample-scenarios/innerworld.json"));
    }

    static int[] pixels(WritableImage img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] px = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        return px;
    }

    static int[] pixels(BufferedImage b) {
        return ((DataBufferInt) b.getRaster().getDataBuffer()).getData();
    }

    /**
     * The same picture: every pixel equal but for a few antialiased ones (text and edges drawn at another offset round
     * differently in JavaFX's float rasterizer: at most 1 pixel in 20,000, by at most 16 levels of a channel). A tile
     * out of place, or a seam, differs in whole rows or columns.
     */
    static void assertSamePicture(int[] expected, int[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        int off = 0;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] == actual[i]) continue;
            off++;
            for (int shift = 0; shift < 32; shift += 8) {
                int d = Math.abs((expected[i] >>> shift & 0xff) - (actual[i] >>> shift & 0xff));
                assertTrue(d <= 16, what + ": pixel " + i + " is " + Integer.toHexString(actual[i]) + ", not " + Integer.toHexString(expected[i]));
            }
        }
        assertTrue(off <= Math.max(2, expected.length / 20_000), what + ": " + off + " pixels differ");
    }

    @Test
    void aChartInTilesIsTheSameAsInOneSnapshot(FxRobot robot) throws Exception {
        ChartRenderer.Input in = ChartRenderer.compute(ScenarioFiles.load(Path.of("sample-scenarios/innerworld.json")));
        for (DeckStyle.Background bg : DeckStyle.Background.values()) {
            DeckStyle style = new DeckStyle(700, 450, 2, bg, null, "tiles", "seams");
            AtomicReference<WritableImage> one = new AtomicReference<>();
            List<BufferedImage> tiled = new ArrayList<>();
            robot.interact(() -> {
                ChartRenderer.Rendered r = ChartRenderer.render(ChartKind.TOTAL, in, style);
                one.set(ChartRenderer.snapshot(r));
                // seams everywhere, edge tiles of every size
                for (int tile : new int[] {100, 256, 333, 1024}) {
                    tiled.add(Headless.snapshot(r.root(), 1400, 900, 2, bg == DeckStyle.Background.WHITE ? Color.WHITE : Color.TRANSPARENT, tile));
                }
                tiled.add(ChartRenderer.image(r));
            });
            int[] expected = pixels(one.get());
            assertTrue(Arrays.stream(expected).distinct().count() > 50, "a real chart, not a blank image");
            for (BufferedImage t : tiled) {
                assertEquals(List.of(1400, 900), List.of(t.getWidth(), t.getHeight()));
                assertSamePicture(expected, pixels(t), bg.toString());
            }
            assertArrayEquals(expected, pixels(tiled.get(tiled.size() - 1)), "within one tile: one snapshot, exactly");
        }
    }

    @Test
    void aChartLargerThanATileIsTheSamePicture(FxRobot robot) throws Exception {
        ChartRenderer.Input in = ChartRenderer.compute(ScenarioFiles.load(Path.of("sample-scenarios/innerworld.json")));
        DeckStyle style = new DeckStyle(3000, 1700, 3, DeckStyle.Background.WHITE, null, null, null);
        AtomicReference<int[]> one = new AtomicReference<>();
        AtomicReference<int[]> tiled = new AtomicReference<>();
        robot.interact(() -> {
            ChartRenderer.Rendered r = ChartRenderer.render(ChartKind.TOTAL, in, style);
            one.set(pixels(ChartRenderer.snapshot(r)));
            tiled.set(pixels(ChartRenderer.image(r)));
        });
        assertEquals(9000 * 5100, tiled.get().length, "three 4096-pixel tiles across, two down");
        assertSamePicture(one.get(), tiled.get(), "9000x5100");
    }

    @Test
    void theWindowInTilesIsTheSameAsTheScenesSnapshot(FxRobot robot) {
        AtomicReference<WritableImage> one = new AtomicReference<>();
        AtomicReference<BufferedImage> tiled = new AtomicReference<>();
        robot.interact(() -> {
            Scene scene = window.scene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            one.set(scene.snapshot(null));
            tiled.set(Headless.snapshot(scene.getRoot(), (int) one.get().getWidth(), (int) one.get().getHeight(), 1, scene.getFill(), 500));
        });
        // the same rule as the charts': the uncertainty bands are translucent polygons, which JavaFX's float rasterizer
        // may shade one level differently at another tile offset
        assertSamePicture(pixels(one.get()), pixels(tiled.get()), "the window");
    }
}
