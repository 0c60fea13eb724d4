package costscope.ui.base;

import costscope.files.AtomicFiles;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
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

    /** Writes a JavaFX image as PNG atomically (temporary file, then move). */
    public static void writePng(WritableImage img, Path out) throws IOException {
        int iw = (int) img.getWidth();
        int ih = (int) img.getHeight();
        BufferedImage b = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        int[] row = new int[iw];
        for (int y = 0; y < ih; y++) {
            r.getPixels(0, y, iw, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, iw);
            b.setRGB(0, y, iw, 1, row, 0, iw);
        }
        AtomicFiles.write(out, tmp -> {
            if (!ImageIO.write(b, "png", tmp.toFile())) throw new IOException("no PNG writer");
        });
    }
}
