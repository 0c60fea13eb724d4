package costscope.ui.base;

import javafx.scene.Scene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The app's two themes, made of the same tokens (styles/theme.css: .root, and .root.dark), and the system's
 * preference where the system says it: GNOME's color-scheme or a dark GTK_THEME on Linux, AppsUseLightTheme on
 * Windows, AppleInterfaceStyle on macOS (JavaFX 21 does not tell it yet).
 */
public enum Theme {
    LIGHT, DARK;

    /** The style class the dark theme puts on the scene's root. */
    public static final String DARK_CLASS = "dark";

    public void apply(Scene scene) {
        var classes = scene.getRoot().getStyleClass();
        classes.remove(DARK_CLASS);
        if (this == DARK) classes.add(DARK_CLASS);
    }

    /** The system's preference, asked of the system (a command that answers in well under a second), LIGHT if unknown. */
    public static Theme system() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String r = ask(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme"));
            return r != null && r.matches("(?s).*AppsUseLightTheme\\s+REG_DWORD\\s+0x0\\b.*") ? DARK : LIGHT;
        }
        if (os.contains("mac")) {
            String r = ask(List.of("defaults", "read", "-g", "AppleInterfaceStyle"));
            return r != null && r.strip().equalsIgnoreCase("dark") ? DARK : LIGHT;
        }
        String gtk = System.getenv("GTK_THEME");
        if (gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark")) return DARK;
        String r = ask(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        return r != null && r.contains("prefer-dark") ? DARK : LIGHT;
    }

    private static String ask(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
