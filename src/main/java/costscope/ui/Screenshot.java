package costscope.ui;

import costscope.ui.files.RecentFiles;
import costscope.ui.recalc.FramePulse;
import costscope.ui.recalc.TaskRunner;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code costscope screenshot FILE --out PNG [--size WxH] [--at POINT] [--tab NAME]}: renders the app's own main
 * window on a scenario, headless (JavaFX on Monocle, no display), and writes a PNG. The README's screenshot is made
 * with it.
 */
public final class Screenshot {
    private Screenshot() {
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

    public static int run(String[] args) {
        Path file = null;
        Path out = null;
        int w = 1440;
        int h = 900;
        String at = null;
        String tab = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String next = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--out" -> out = Path.of(require(next, a));
                case "--size" -> {
                    String[] p = require(next, a).toLowerCase().split("x");
                    try {
                        w = Integer.parseInt(p[0]);
                        h = Integer.parseInt(p[1]);
                    } catch (RuntimeException e) {
                        return usage("--size " + next + ": expected WIDTHxHEIGHT, e.g. 1440x900");
                    }
                }
                case "--at" -> at = require(next, a);
                case "--tab" -> tab = require(next, a);
                default -> {
                    if (a.startsWith("--")) return usage("unknown option " + a);
                    file = Path.of(a);
                    continue;
                }
            }
            if (next == null) return usage(a + " needs a value");
            i++;
        }
        if (file == null || out == null) return usage("FILE and --out PNG are required");
        if (!Files.isRegularFile(file)) {
            System.err.println(file + ": no such file");
            return 2;
        }
        headless();
        CompletableFuture<List<String>> done = new CompletableFuture<>();
        Path f = file;
        Path o = out;
        int width = w;
        int height = h;
        String point = at;
        String tabName = tab;
        Platform.startup(() -> {
            try {
                done.complete(render(f, o, width, height, point, tabName));
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            List<String> errors = done.get(60, TimeUnit.SECONDS);
            if (!errors.isEmpty()) {
                errors.forEach(System.err::println);
                return 2;
            }
            System.out.println("wrote " + out + " (" + w + "x" + h + ")");
            return 0;
        } catch (Exception e) {
            System.err.println("screenshot failed: " + (e.getCause() != null ? e.getCause() : e));
            return 1;
        } finally {
            Platform.exit();
        }
    }

    private static String require(String v, String option) {
        return v == null ? "" : v;
    }

    private static int usage(String problem) {
        System.err.println("screenshot: " + problem + "\nusage: costscope screenshot FILE --out PNG [--size WxH] [--at POINT] [--tab breakdown|scale|audit|what-if|compare|sensitivity|goal|model]");
        return 2;
    }

    static List<String> render(Path file, Path out, int w, int h, String at, String tab) throws IOException {
        List<String> errors = new ArrayList<>();
        Dialogs dialogs = Dialogs.headless(errors);
        Stage stage = new Stage();
        CostscopeApp.Window window = CostscopeApp.build(stage, TaskRunner.synchronous(), FramePulse.immediate(), dialogs, new RecentFiles(null));
        stage.setWidth(w);
        stage.setHeight(h);
        stage.show();
        window.context().files().open(file);
        if (!errors.isEmpty()) return errors;
        if (at != null) {
            if (window.context().document().scenario().scalePoint(at) == null) {
                errors.add(file + ": --at " + at + ": no such scale point");
                return errors;
            }
            window.context().document().edit("Jump to " + at, s -> s.atScalePoint(at));
        }
        if (tab != null) {
            TabPane tabs = (TabPane) window.scene().lookup("#tabs");
            String want = tab.toLowerCase();
            boolean found = false;
            for (var t : tabs.getTabs()) {
                if (t.getText().toLowerCase().startsWith(want)) {
                    tabs.getSelectionModel().select(t);
                    found = true;
                }
            }
            // the What-if tab's own tabs: compare, sensitivity, goal seek
            TabPane whatif = (TabPane) window.scene().lookup("#whatifTabs");
            for (var t : whatif == null || found ? List.<javafx.scene.control.Tab>of() : whatif.getTabs()) {
                if (t.getText().toLowerCase().startsWith(want)) {
                    tabs.getTabs().stream().filter(x -> x.getText().startsWith("What-if")).findFirst()
                            .ifPresent(x -> tabs.getSelectionModel().select(x));
                    whatif.getSelectionModel().select(t);
                    found = true;
                }
            }
            if (!found) {
                errors.add("--tab " + tab + ": no such tab");
                return errors;
            }
        }
        var root = window.scene().getRoot();
        root.applyCss();
        root.layout();
        WritableImage img = window.scene().snapshot(null);
        writePng(img, out);
        stage.close();
        return errors;
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
        Path abs = out.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(b, "png", tmp.toFile())) throw new IOException("no PNG writer");
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
