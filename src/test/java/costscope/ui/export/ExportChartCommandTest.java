package costscope.ui.export;

import costscope.export.chart.ChartKind;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export-chart command with the toolkit already running (the jar starts it headless itself). */
@ExtendWith(ApplicationExtension.class)
class ExportChartCommandTest {
    static final String FILE = "sample-scenarios/innerworld.json";
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @Start
    void start(Stage stage) {
    }

    int run(String... args) {
        return ExportChartCommand.run(args, new PrintWriter(out), new PrintWriter(err), true);
    }

    @Test
    void writesAPngOfTheChosenSizeAndScale(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("total.png");
        assertEquals(0, run("export-chart", FILE, "--chart", "total", "--out", png.toString(), "--size", "1600x1200",
                "--scale", "2", "--at", "10K", "--title", "At launch"), err.toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(3200, img.getWidth());
        assertEquals(2400, img.getHeight());
        assertTrue(out.toString().contains("wrote " + png), out.toString());
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }

    @Test
    void writesAnSvgAndAllChartsIntoAFolder(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("cpu.svg");
        assertEquals(0, run(FILE, "--chart", "cost-per-user", "--out", svg.toString(), "--set", "concurrent_users=10k"), err.toString());
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<?xml") && text.contains("<svg") && text.contains("data-series=\"costPerUser\""));
        Path folder = dir.resolve("all");
        assertEquals(0, run(FILE, "--chart", "all", "--out", folder.toString(), "--size", "1080x1080"), err.toString());
        for (ChartKind k : ChartKind.values()) {
            Path f = folder.resolve("innerworld-" + k.id() + ".png");
            BufferedImage img = ImageIO.read(f.toFile());
            assertEquals(1080, img.getWidth(), f.toString());
            assertEquals(1080, img.getHeight());
        }
    }

    @Test
    void unknownChartExitsTwoNamingTheFileAndTheChoices(@TempDir Path dir) {
        Path png = dir.resolve("x.png");
        assertEquals(2, run(FILE, "--chart", "pie", "--out", png.toString()));
        assertTrue(err.toString().contains(FILE + ": --chart pie: no such chart"), err.toString());
        assertTrue(err.toString().contains("cost-per-user, total, category-shares, shares-over-scale"));
        assertFalse(Files.exists(png));
    }

    @Test
    void unknownScalePointExitsTwoListingThePoints(@TempDir Path dir) {
        assertEquals(2, run(FILE, "--chart", "total", "--out", dir.resolve("x.png").toString(), "--at", "mars"));
        assertTrue(err.toString().contains(FILE + ": --at mars: no such scale point (have: "), err.toString());
    }

    @Test
    void badSizeScaleAndExtensionExitTwo(@TempDir Path dir) {
        assertEquals(2, run(FILE, "--chart", "total", "--out", dir.resolve("x.png").toString(), "--size", "big"));
        assertTrue(err.toString().contains("--size big: expected WIDTHxHEIGHT"), err.toString());
        assertEquals(2, run(FILE, "--chart", "total", "--out", dir.resolve("x.png").toString(), "--scale", "4"));
        assertTrue(err.toString().contains("scale 4: expected 1, 2 or 3"), err.toString());
        assertEquals(2, run(FILE, "--chart", "total", "--out", dir.resolve("x.jpg").toString()));
        assertTrue(err.toString().contains("expected a .png or .svg file name"), err.toString());
    }
}
