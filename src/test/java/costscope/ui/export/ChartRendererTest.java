package costscope.ui.export;

import costscope.engine.Results;
import costscope.export.chart.ChartKind;
import costscope.export.chart.DeckStyle;
import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deck rendering of the app's charts: exact pixel sizes, the category colours and text present, SVG structure. */
@ExtendWith(ApplicationExtension.class)
class ChartRendererTest {
    static final Path INNERWORLD = Path.of("sample-scenarios/innerworld.json");

    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    static ChartRenderer.Input innerworld() throws Exception {
        return ChartRenderer.compute(ScenarioFiles.load(INNERWORLD));
    }

    static WritableImage png(FxRobot robot, ChartKind kind, ChartRenderer.Input in, DeckStyle style) {
        AtomicReference<WritableImage> img = new AtomicReference<>();
        robot.interact(() -> img.set(ChartRenderer.snapshot(ChartRenderer.render(kind, in, style))));
        return img.get();
    }

    static String svg(FxRobot robot, ChartKind kind, ChartRenderer.Input in, DeckStyle style) {
        AtomicReference<String> s = new AtomicReference<>();
        robot.interact(() -> s.set(ChartRenderer.svg(ChartRenderer.render(kind, in, style))));
        return s.get();
    }

    /** Whether some pixel is within a small distance of the colour. */
    static boolean hasColour(WritableImage img, Color c, double opacityOfFill) {
        // area fills are drawn at 0.82 opacity over white: accept the blended colour too
        Color blended = c.interpolate(Color.WHITE, 1 - opacityOfFill);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                Color p = r.getColor(x, y);
                if (close(p, c) || close(p, blended)) return true;
            }
        }
        return false;
    }

    static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.03 && Math.abs(a.getGreen() - b.getGreen()) < 0.03
                && Math.abs(a.getBlue() - b.getBlue()) < 0.03 && a.getOpacity() > 0.95;
    }

    static int darkPixels(WritableImage img) {
        PixelReader r = img.getPixelReader();
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                Color p = r.getColor(x, y);
                if (p.getOpacity() > 0.9 && p.getBrightness() < 0.25) n++;
            }
        }
        return n;
    }

    @Test
    void totalChartAtTwoXIsExactly3840x2160WithEveryCategoryColourAndText(FxRobot robot) throws Exception {
        ChartRenderer.Input in = innerworld();
        WritableImage img = png(robot, ChartKind.TOTAL, in, DeckStyle.slide().withScale(2));
        assertEquals(3840, (int) img.getWidth());
        assertEquals(2160, (int) img.getHeight());
        Results r = in.results();
        int checked = 0;
        for (Results.CategoryResult c : r.categories()) {
            if (!(c.monthly() > 0)) continue;
            assertTrue(hasColour(img, Color.web(c.color()), 0.82), "no pixel of " + c.id() + " " + c.color());
            checked++;
        }
        assertTrue(checked >= 5, "innerworld has several nonzero categories");
        assertTrue(darkPixels(img) > 20_000, "title and tick labels are dark text");
        assertEquals(Color.WHITE, img.getPixelReader().getColor(0, 0));
    }

    @Test
    void sizesFollowThePresetAndScale(FxRobot robot) throws Exception {
        ChartRenderer.Input in = innerworld();
        WritableImage sq = png(robot, ChartKind.CATEGORY_SHARES, in, DeckStyle.slide().withSize(1080, 1080).withScale(3));
        assertEquals(3240, (int) sq.getWidth());
        assertEquals(3240, (int) sq.getHeight());
        WritableImage classic = png(robot, ChartKind.COST_PER_USER, in, DeckStyle.slide().withSize(1600, 1200));
        assertEquals(1600, (int) classic.getWidth());
        assertEquals(1200, (int) classic.getHeight());
        assertTrue(darkPixels(classic) > 2_000);
    }

    @Test
    void transparentBackgroundLeavesTheCornersClear(FxRobot robot) throws Exception {
        WritableImage img = png(robot, ChartKind.SHARES_OVER_SCALE, innerworld(),
                DeckStyle.slide().withBackground(DeckStyle.Background.TRANSPARENT));
        PixelReader r = img.getPixelReader();
        int w = (int) img.getWidth() - 1;
        int h = (int) img.getHeight() - 1;
        for (int[] p : new int[][]{{0, 0}, {w, 0}, {0, h}, {w, h}}) {
            assertEquals(0, (r.getArgb(p[0], p[1]) >>> 24), "alpha at " + p[0] + "," + p[1]);
        }
        assertTrue(darkPixels(img) > 2_000, "text still drawn");
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(Document d) {
        List<String> out = new ArrayList<>();
        NodeList n = d.getElementsByTagName("text");
        for (int i = 0; i < n.getLength(); i++) out.add(n.item(i).getTextContent());
        return out;
    }

    @Test
    void svgOfTheTotalChartHasOnePathPerCategoryAndTheAxisLabelsAsText(FxRobot robot) throws Exception {
        ChartRenderer.Input in = innerworld();
        Scenario s = in.scenario();
        String svg = svg(robot, ChartKind.TOTAL, in, DeckStyle.slide().withTexts("Cost at scale", "InnerWorld", null));
        Document d = parse(svg);
        assertEquals("svg", d.getDocumentElement().getLocalName());
        assertEquals("1920", d.getDocumentElement().getAttribute("width"));
        List<String> series = new ArrayList<>();
        NodeList paths = d.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            if (p.getAttribute("class").equals("series")) {
                series.add(p.getAttribute("data-series"));
                assertTrue(p.getAttribute("d").startsWith("M"), "series path has geometry");
                assertTrue(p.getAttribute("fill").startsWith("#"), "series path is filled");
            }
        }
        assertEquals(s.categories().stream().map(c -> c.id()).toList(), series);
        Set<String> seriesFills = new HashSet<>();
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            if (p.getAttribute("class").equals("series")) seriesFills.add(p.getAttribute("fill"));
        }
        for (Results.CategoryResult c : in.results().categories()) {
            assertTrue(seriesFills.contains(c.color().toLowerCase()), "fill of " + c.id());
        }
        List<String> texts = texts(d);
        for (String tick : List.of("10", "100", "1k", "10k", "100k", "$0")) {
            assertTrue(texts.contains(tick), "tick label " + tick + " in " + texts);
        }
        assertTrue(texts.contains("Cost at scale"));
        assertTrue(texts.contains("InnerWorld"));
        assertTrue(texts.contains("Concurrent users, log scale"), texts.toString());
    }

    @Test
    void svgOfTheDonutHasOneSlicePerNonzeroCategory(FxRobot robot) throws Exception {
        ChartRenderer.Input in = innerworld();
        Document d = parse(svg(robot, ChartKind.CATEGORY_SHARES, in, DeckStyle.slide()));
        long nonzero = in.results().categories().stream().filter(c -> c.monthly() > 0).count();
        NodeList paths = d.getElementsByTagName("path");
        int slices = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            if (((Element) paths.item(i)).getAttribute("class").equals("series slice")) slices++;
        }
        assertEquals(nonzero, slices);
        assertTrue(texts(d).stream().anyMatch(t -> t.contains("per month")), "the donut caption");
    }
}
