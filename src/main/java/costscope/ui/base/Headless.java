package costscope.ui.base;

import costscope.files.AtomicFiles;
import costscope.files.OutputException;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Paint;
import javafx.scene.transform.Scale;
import javax.imageio.ImageIO;

/** JavaFX without a display, for the commands that render (screenshot, export-chart, bench-ui): start it, run work on it, write a PNG. */
public final class Headless {
    private Headless() {
    }

    /** Sets up headless JavaFX; must run before the toolkit starts. */
    public static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        // the headless framebuffer must hold the largest window we render (its default is 1280x800)
        System.setProperty("headless.geometry", "3840x2400-32");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        // a headless command ends the toolkit itself (Platform.exit, which waits for it) before the JVM exits;
        // an implicit exit when its last stage closes would race System.exit ("Shutdown in progress")
        Platform.setImplicitExit(false);
    }

    /** Work on the FX thread that completes the future it is given (now or later), or throws. */
    public interface FxWork<T> {
        void start(CompletableFuture<T> done) throws Exception;
    }

    /**
     * Starts the toolkit headless, has {@code work} run on the FX thread, waits for its result at most
     * {@code seconds}, and ends the toolkit.
     */
    public static <T> T onHeadlessToolkit(long seconds, FxWork<T> work) throws Exception {
        headless();
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                work.start(done);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            return done.get(seconds, TimeUnit.SECONDS);
        } finally {
            Platform.exit();
        }
    }

    /** "what failed: the cause" for a command's output when the toolkit's work failed. */
    public static String failed(String what, Exception e) {
        return what + " failed: " + (e.getCause() != null ? e.getCause() : e);
    }

    /** The side of the square tiles {@link #snapshot} draws: well inside JavaFX's 512 MiB texture pool. */
    static final int TILE = 4096;
    /**
     * Drawn around each tile and dropped: a shadow or blur near a tile's edge sees what it would see in one snapshot
     * (JavaFX clips an effect's input to the snapshot).
     */
    static final int MARGIN = 128;

    /**
     * {@code node} drawn into an image of {@code width x height} pixels (its layout size times {@code scale}) over
     * {@code fill} (FX thread). Drawn in tiles of at most {@link #TILE} pixels a side, each a snapshot of its part and
     * a margin, so the size is not bounded by JavaFX's texture limits (one snapshot fails above 2^27 pixels: its
     * 512 MiB texture pool, prism.maxvram) and takes 4 bytes of memory a pixel, plus one tile's. An image of one tile
     * is one snapshot.
     */
    public static BufferedImage snapshot(Node node, int width, int height, double scale, Paint fill) {
        return snapshot(node, width, height, scale, fill, TILE);
    }

    static BufferedImage snapshot(Node node, int width, int height, double scale, Paint fill, int tile) {
        BufferedImage b = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        int[] pixels = ((DataBufferInt) b.getRaster().getDataBuffer()).getData();
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(fill);
        p.setTransform(new Scale(scale, scale));
        for (int y = 0; y < height; y += tile) {
            for (int x = 0; x < width; x += tile) {
                int w = Math.min(tile, width - x);
                int h = Math.min(tile, height - y);
                int x0 = Math.max(0, x - MARGIN);
                int y0 = Math.max(0, y - MARGIN);
                int x1 = Math.min(width, x + w + MARGIN);
                int y1 = Math.min(height, y + h + MARGIN);
                // the viewport is in the scaled (pixel) space
                p.setViewport(new Rectangle2D(x0, y0, x1 - x0, y1 - y0));
                WritableImage part = node.snapshot(p, new WritableImage(x1 - x0, y1 - y0));
                part.getPixelReader().getPixels(x - x0, y - y0, w, h, PixelFormat.getIntArgbInstance(), pixels, y * width + x, width);
            }
        }
        return b;
    }

    /** Memory an image of {@code width x height} pixels takes to draw and write: 4 bytes a pixel, and one tile's work. */
    static long memoryFor(long width, long height) {
        long tile = TILE + 2L * MARGIN;
        return 4 * width * height + 12 * tile * tile + (64L << 20);
    }

    /**
     * Checks, before any work, that this Java may take the memory a PNG of {@code width x height} pixels needs to be
     * drawn and written; if not, says how much it needs and how to give it.
     */
    public static void checkMemory(Path out, long width, long height) throws OutputException {
        checkMemory(out, width, height, 1);
    }

    /** {@link #checkMemory(Path, long, long)} for {@code count} such PNGs held at once (the app's Export all). */
    public static void checkMemory(Path out, long width, long height, int count) throws OutputException {
        Runtime rt = Runtime.getRuntime();
        long need = memoryFor(width, height) + (count - 1) * 4 * width * height;
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > free) {
            String what = count == 1 ? "a " + width + "x" + height + " PNG needs" : count + " PNGs of " + width + "x" + height + " need";
            throw new OutputException("cannot write " + out + ": " + what + " about " + mb(need) + " of memory and this Java may use "
                    + mb(free) + " more: choose a smaller size or scale, or give Java more (java -Xmx"
                    + ((need + rt.maxMemory() - free) / (1L << 30) + 1) + "g -jar ...)");
        }
    }

    private static String mb(long bytes) {
        return (bytes + (1 << 20) - 1 >> 20) + " MB";
    }

    /** Writes an image as PNG atomically (temporary file, then move). */
    public static void writePng(BufferedImage b, Path out) throws IOException {
        AtomicFiles.write(out, tmp -> {
            // into the file AtomicFiles made (ImageIO.write(.., File) would delete it and make another)
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING), 1 << 16)) {
                if (!ImageIO.write(b, "png", o)) throw new IOException("no PNG writer");
            }
        });
    }
}
