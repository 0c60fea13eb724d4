package costscope.ui.export;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * export-chart on a scenario with a range draws the uncertainty bands (Monte Carlo with --samples and --seed): the
 * PNG differs from the same model without the range, the same seed gives the same bytes, another seed other bands;
 * without ranges --samples and --seed change nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ExportChartBandsTest {
    static final String RANGE = "src/test/resources/scenarios/example-range.json";
    static final String PLAIN = "src/test/resources/scenarios/example.json";
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @Start
    void start(Stage stage) {
    }

    /** Exports a chart at 960x540 with a fixed footnote (no date) and the same subtitle for both files; returns its bytes. */
    byte[] export(Path dir, String name, String file, String chart, String... more) throws Exception {
        Path png = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("export-chart", file, "--chart", chart, "--out", png.toString(),
                "--size", "960x540", "--subtitle", "Chat app", "--footnote", "Test"));
        args.addAll(Arrays.asList(more));
        assertEquals(0, ExportChartCommand.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), true),
                err.toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(960, img.getWidth());
        assertEquals(540, img.getHeight());
        return Files.readAllBytes(png);
    }

    @Test
    void bandsOnBothRangeChartsReproducibleBySeed(@TempDir Path dir) throws Exception {
        for (String chart : List.of("cost-per-user", "total")) {
            byte[] plain = export(dir, chart + "-plain.png", PLAIN, chart);
            byte[] banded = export(dir, chart + "-a.png", RANGE, chart, "--samples", "2000", "--seed", "7");
            byte[] again = export(dir, chart + "-b.png", RANGE, chart, "--samples", "2k", "--seed", "7");
            byte[] other = export(dir, chart + "-c.png", RANGE, chart, "--samples", "200", "--seed", "8");
            assertFalse(Arrays.equals(plain, banded), chart + ": the bands are drawn");
            assertArrayEquals(banded, again, chart + ": the same samples and seed, the same chart");
            assertFalse(Arrays.equals(banded, other), chart + ": other samples, other bands");
        }
    }

    @Test
    void theBandsDarkenThePlotAroundTheCurve(@TempDir Path dir) throws Exception {
        export(dir, "plain.png", PLAIN, "cost-per-user");
        export(dir, "banded.png", RANGE, "cost-per-user", "--samples", "1000");
        BufferedImage plain = ImageIO.read(dir.resolve("plain.png").toFile());
        BufferedImage banded = ImageIO.read(dir.resolve("banded.png").toFile());
        // pixels that were white in the plot and are grey now: the bands (the curve and everything else are the same)
        int darker = 0;
        for (int y = 0; y < 540; y++) {
            for (int x = 0; x < 960; x++) {
                int a = plain.getRGB(x, y) & 0xffffff;
                int b = banded.getRGB(x, y) & 0xffffff;
                if (a == 0xffffff && b != a && (b & 0xff) < 0xf5 && (b & 0xff) > 0xa0) darker++;
            }
        }
        assertTrue(darker > 2000, darker + " band pixels");
    }

    @Test
    void anSvgNamesTheBandsAndTheLegendSaysWhatTheyAre(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("total.svg");
        assertEquals(0, ExportChartCommand.run(new String[] {"export-chart", RANGE, "--chart", "total", "--out", svg.toString(),
                "--samples", "500"}, new PrintWriter(out), new PrintWriter(err), true), err.toString());
        String text = Files.readString(svg);
        assertTrue(text.contains("data-series=\"total-p10-p90\"") && text.contains("data-series=\"total-p5-p95\""), "bands");
        assertTrue(text.contains(">P10\u2013P90 of 500 samples<"), "legend");
        assertTrue(text.contains(">P5\u2013P95<"));
    }

    @Test
    void withoutRangesSamplesAndSeedChangeNothing(@TempDir Path dir) throws Exception {
        byte[] a = export(dir, "a.png", PLAIN, "total");
        byte[] b = export(dir, "b.png", PLAIN, "total", "--samples", "5", "--seed", "99");
        assertArrayEquals(a, b);
        Path svg = dir.resolve("plain.svg");
        assertEquals(0, ExportChartCommand.run(new String[] {"export-chart", PLAIN, "--chart", "cost-per-user", "--out", svg.toString()},
                new PrintWriter(out), new PrintWriter(err), true), err.toString());
        assertFalse(Files.readString(svg).contains("band"), "no band elements, no band legend");
    }

    @Test
    void badSamplesExitTwoNamingTheFile(@TempDir Path dir) {
        for (String bad : List.of("0", "1.5", "20M", "many")) {
            StringWriter e = new StringWriter();
            int code = ExportChartCommand.run(new String[] {"export-chart", RANGE, "--chart", "total", "--out",
                    dir.resolve("x.png").toString(), "--samples", bad}, new PrintWriter(out), new PrintWriter(e), true);
            assertEquals(2, code, bad);
            assertTrue(e.toString().contains(RANGE + ": --samples " + bad + ": expected a whole number from 1 to 10,000,000"),
                    e.toString());
        }
        assertFalse(Files.exists(dir.resolve("x.png")));
    }
}
