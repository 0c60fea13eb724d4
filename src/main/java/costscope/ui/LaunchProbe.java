package costscope.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For {@code bench-launch} and the packaged app's test: with {@code -Dcostscope.launch-probe=FILE}, once the window
 * shows what it is waiting for (the first results of a scenario, with its charts drawn; or the bare window itself),
 * writes the wall-clock time then, in milliseconds, and what was shown, to FILE, and ends the process. Without the
 * property it does nothing.
 */
public final class LaunchProbe {
    public static final String PROPERTY = "costscope.launch-probe";

    private LaunchProbe() {
    }

    /** The file to report to, or null when not probing. */
    public static Path target() {
        String p = System.getProperty(PROPERTY);
        return p == null || p.isBlank() ? null : Path.of(p);
    }

    /**
     * When {@code ready} first holds a value, waits two frames (the frame that lays out and draws what it changed,
     * then one more, so it is on screen), writes the time and {@code what.get()} and exits.
     */
    public static <T> void whenReady(ObservableValue<T> ready, java.util.function.Supplier<String> what) {
        Path out = target();
        if (out == null) return;
        if (ready.getValue() != null) {
            afterTwoFrames(out, what);
            return;
        }
        ready.addListener(new javafx.beans.value.ChangeListener<T>() {
            @Override
            public void changed(ObservableValue<? extends T> o, T was, T now) {
                if (now == null) return;
                ready.removeListener(this);
                afterTwoFrames(out, what);
            }
        });
    }

    private static void afterTwoFrames(Path out, java.util.function.Supplier<String> what) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames < 2) return;
                stop();
                long shown = System.currentTimeMillis();
                try {
                    Files.writeString(out, shown + " " + what.get() + "\n", StandardCharsets.UTF_8);
                } catch (IOException e) {
                    System.err.println("launch probe: cannot write " + out + ": " + e.getMessage());
                }
                Platform.exit();
                System.exit(0);
            }
        }.start();
    }
}
