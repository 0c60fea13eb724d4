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
    void theTimelineChartsExportWhereThereIsATimeline(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("timeline.png");
        assertEquals(0, run("sample-scenarios/raptorflow.json", "--chart", "timeline", "--out", png.toString(), "--size",
                "1600x900"), err.toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1600, img.getWidth());
        assertEquals(900, img.getHeight());
        Path cash = dir.resolve("cash.svg");
        assertEquals(0, run("sample-scenarios/innerworld.json", "--chart", "cash", "--out", cash.toString()), err.toString());
        String svg = Files.readString(cash);
        assertTrue(svg.contains("cash runs out, month 21"), "the runway marked on the chart");
        assertEquals(2, run("sample-scenarios/beatsight.json", "--chart", "cash", "--out", dir.resolve("x.png").toString()));
        assertTrue(err.toString().contains("--chart cash: the scenario has no timeline section"), err.toString());
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
            if (k == ChartKind.COMPARE || k == ChartKind.WATERFALL) {
                assertFalse(Files.exists(f), "InnerWorld has no variants to compare: " + k.id() + " is skipped");
                continue;
            }
            BufferedImage img = ImageIO.read(f.toFile());
            assertEquals(1080, img.getWidth(), f.toString());
            assertEquals(1080, img.getHeight());
        }
        assertTrue(err.toString().contains(FILE + ": skipped waterfall: the scenario has no variants to compare"), err.toString());
    }

    @Test
    void whatIfChartsForASlide(@TempDir Path dir) throws Exception {
        String billion = "sample-scenarios/billion-users.json";
        Path svg = dir.resolve("waterfall.svg");
        assertEquals(0, run(billion, "--chart", "waterfall", "--out", svg.toString(), "--order", "connection_pooling"), err.toString());
        String text = Files.readString(svg);
        // the bars' labels, in the order asked: pooling first saves the report's $848,262
        assertTrue(text.contains(">-$848k<"), text.length() + " chars");
        assertTrue(text.contains(">-$800k<"));
        assertTrue(text.contains("Original plan $19,955,040.00 \u2192 Optimized plan $8,640,058.00 a month (-56.7%)"));
        Path png = dir.resolve("compare.png");
        assertEquals(0, run(billion, "--chart", "compare", "--variants", "original,optimized_regions", "--out", png.toString(),
                "--size", "1600x900", "--scale", "2"), err.toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(3200, img.getWidth());
        assertEquals(1800, img.getHeight());
        Path tornado = dir.resolve("tornado.svg");
        assertEquals(0, run(FILE, "--chart", "tornado", "--output", "costPerUser", "--swing", "50%", "--out", tornado.toString()), err.toString());
        assertTrue(Files.readString(tornado).contains("Cost per active user $1.54, each driver \u00b150%"));
        assertEquals(2, run(FILE, "--chart", "waterfall", "--out", dir.resolve("w.png").toString()));
        assertTrue(err.toString().contains(FILE + ": --chart waterfall: the scenario has no variants to compare"), err.toString());
        assertEquals(2, run(billion, "--chart", "tornado", "--output", "totl", "--out", dir.resolve("t.png").toString()));
        assertTrue(err.toString().contains(billion + ": output 'totl', position 0: unknown name 'totl'"), err.toString());
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
