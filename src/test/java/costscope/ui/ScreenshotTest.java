package costscope.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app renders its own window to a PNG of the requested size, with real content. */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {
    @TempDir
    Path dir;

    @Test
    void rendersTheWindowAtTheRequestedSize(FxRobot robot) throws Exception {
        Path out = dir.resolve("shot.png");
        AtomicReference<List<String>> errors = new AtomicReference<>();
        robot.interact(() -> {
            try {
                errors.set(Screenshot.render(Path.of("sample-scenarios/innerworld.json"), out, 1200, 800, "10K", java.util.List.of(), "audit"));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertEquals(List.of(), errors.get());
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(800, img.getHeight());
        // the headline total and the selected scale point are drawn in the accent blue (#4f6bed, shaded and anti-aliased)
        int accent = 0;
        int distinct = 0;
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                if (colours.add(rgb)) distinct++;
                int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
                if (b - r > 80 && b - g > 50) accent++;
            }
        }
        assertTrue(accent > 200, "accent pixels: " + accent);
        assertTrue(distinct > 50, "not a blank image: " + distinct + " colours");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("shot.png"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void unknownScalePointIsAnErrorNotAPicture(FxRobot robot) {
        Path out = dir.resolve("x.png");
        AtomicReference<List<String>> errors = new AtomicReference<>();
        robot.interact(() -> {
            try {
                errors.set(Screenshot.render(Path.of("sample-scenarios/innerworld.json"), out, 800, 600, "1M", java.util.List.of(), null));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertEquals(List.of("sample-scenarios/innerworld.json: --at 1M: no such scale point"), errors.get());
        assertTrue(Files.notExists(out));
    }

    @Test
    void setMovesADriverAndAnUnknownOneIsAnError(FxRobot robot) {
        Path out = dir.resolve("set.png");
        AtomicReference<List<String>> errors = new AtomicReference<>();
        robot.interact(() -> {
            try {
                errors.set(Screenshot.render(Path.of("sample-scenarios/innerworld.json"), out, 800, 600, null,
                        List.of("concurrent_users=5k", "nobody=3"), null));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertEquals(List.of("sample-scenarios/innerworld.json: --set nobody=3: expected ID=VALUE with the id of a driver"), errors.get());
        assertTrue(Files.notExists(out));
    }
}
