package costscope.ui;

import costscope.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** screenshot --size: the window's smallest size to 8000x8000; below it the app would silently draw another size. */
@ExtendWith(ApplicationExtension.class)
class ScreenshotSizeTest {
    static final String FILE = "sample-scenarios/raptorflow.json";
    static final String USAGE = "usage: costscope screenshot FILE --out PNG [--size WxH] [--at POINT] [--set ID=VALUE]..."
            + " [--tab breakdown|scale|audit|timeline|what-if|compare|sensitivity|goal|model] [--theme light|dark]\n";

    record Run(int code, String out, String err) {
    }

    static Run screenshot(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(Cli.root(List.of(Screenshot.command())), args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    BufferedImage render(FxRobot robot, Path out, int w, int h) throws Exception {
        AtomicReference<List<String>> errors = new AtomicReference<>();
        robot.interact(() -> {
            try {
                errors.set(Screenshot.render(Path.of(FILE), out, w, h, null, List.of(), null));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertEquals(List.of(), errors.get());
        return ImageIO.read(out.toFile());
    }

    @Test
    void theSmallestSizeIsTheWindowsAndSmallerIsRefused(FxRobot robot, @TempDir Path dir) throws Exception {
        BufferedImage smallest = render(robot, dir.resolve("a.png"), Screenshot.MIN_WIDTH, Screenshot.MIN_HEIGHT);
        assertEquals(List.of(900, 600), List.of(smallest.getWidth(), smallest.getHeight()));
        // what the command refuses: asked one pixel smaller, the window would still be 900x600
        BufferedImage smaller = render(robot, dir.resolve("b.png"), 899, 599);
        assertEquals(List.of(900, 600), List.of(smaller.getWidth(), smaller.getHeight()));

        Path png = dir.resolve("x.png");
        for (String size : List.of("899x600", "900x599", "100x50", "0x0", "-5x10", "8001x900", "1440x8001")) {
            assertEquals(new Run(2, "", "screenshot: --size " + size + ": expected 900x600 (the window's smallest) to 8000x8000\n" + USAGE),
                    screenshot("screenshot", FILE, "--out", png.toString(), "--size", size), size);
        }
        assertEquals(new Run(2, "", "screenshot: --size 1440x900x2: expected WIDTHxHEIGHT, e.g. 1440x900\n" + USAGE),
                screenshot("screenshot", FILE, "--out", png.toString(), "--size", "1440x900x2"));
        assertTrue(Files.notExists(png));
    }
}
