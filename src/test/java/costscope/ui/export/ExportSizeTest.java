package costscope.ui.export;

import costscope.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import javafx.stage.Stage;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * export-chart's documented sizes are the sizes it makes: 200x150 to 8000x8000 at scale 1 to 3. PNGs above one
 * JavaFX snapshot's limit (2^27 pixels) are written at their exact size; sizes outside the range, and a PNG this
 * Java has not the memory for, are exit 2 before any work.
 */
@ExtendWith(ApplicationExtension.class)
class ExportSizeTest {
    static final String FILE = "sample-scenarios/raptorflow.json";

    @Start
    void start(Stage stage) {
    }

    record Run(int code, String out, String err) {
    }

    static Run chart(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ExportChartCommand.run(args, new PrintWriter(out), new PrintWriter(err), true);
        return new Run(code, out.toString(), err.toString());
    }

    /** A PNG's width and height from its header (IHDR), without decoding its pixels. */
    static List<Integer> pngSize(Path png) throws IOException {
        try (InputStream in = Files.newInputStream(png); DataInputStream d = new DataInputStream(in)) {
            byte[] head = new byte[16];
            d.readFully(head);
            assertEquals("IHDR", new String(head, 12, 4, StandardCharsets.US_ASCII));
            return List.of(d.readInt(), d.readInt());
        }
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aPngAboveOneSnapshotsLimitIsWrittenAtItsExactSize(@TempDir Path dir) throws IOException {
        // 11586 x 11586 = 134,235,396 pixels: just above 2^27, where one snapshot gave a NullPointerException (exit 1)
        assumeTrue(Runtime.getRuntime().maxMemory() > (1200L << 20), "needs some 600 MB of heap");
        Path png = dir.resolve("big.png");
        Run r = chart(FILE, "--chart", "total", "--out", png.toString(), "--size", "5793x5793", "--scale", "2");
        assertEquals(new Run(0, "wrote " + png + " (11586x11586)\n", ""), r);
        assertEquals(List.of(11586, 11586), pngSize(png));
        assertEquals(List.of("big.png"), names(dir));
    }

    @Test
    void sizesOutsideTheDocumentedRangeAreExit2BeforeAnyWork(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("x.png");
        for (String size : List.of("8001x1000", "1000x8001", "199x150", "200x149", "0x0", "-5x300")) {
            Run r = chart(FILE, "--chart", "total", "--out", png.toString(), "--size", size);
            String[] wh = size.split("x");
            assertEquals(new Run(2, "", FILE + ": size " + wh[0] + "x" + wh[1] + ": expected 200x150 to 8000x8000\n"), r, size);
        }
        for (String scale : List.of("0", "4")) {
            Run r = chart(FILE, "--chart", "total", "--out", png.toString(), "--scale", scale);
            assertEquals(new Run(2, "", FILE + ": scale " + scale + ": expected 1, 2 or 3\n"), r, scale);
        }
        assertEquals(List.of(), names(dir));
    }

    @Test
    void aPngThisJavaHasNotTheMemoryForIsExit2SayingWhatItNeeds(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("huge.png");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "export-chart", FILE, "--chart", "total",
                "--out", png.toString(), "--size", "8000x8000", "--scale", "3").start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), err);
        assertEquals("", out);
        // 4 bytes a pixel (2,304,000,000 bytes) and one tile's work: 2479 MB
        String start = "cannot write " + png + ": a 24000x24000 PNG needs about 2479 MB of memory and this Java may use ";
        assertTrue(err.startsWith(start) && err.endsWith(" MB more: choose a smaller size or scale, or give Java more (java -Xmx3g -jar ...)\n"), err);
        assertEquals(List.of(), names(dir), "checked before any work: nothing written");
    }
}
