package costscope.ui.files;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import costscope.files.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the app remembers between runs, apart from any scenario: the window's place and size and its split, the last
 * file open, and per file the view it was left in (the results tab, the charts tab, the log axis). Kept in a small
 * JSON file in the user's folder ({@code ~/.costscope/state.json}), never inside a scenario; a missing or unreadable
 * file is a first start. At most {@value #FILES} files' views are kept, the most recent.
 */
public final class AppState {
    public static final int FILES = 50;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** The window: place, size, maximized, and the split between the charts and the tabs (0 to 1). */
    public record WindowState(double x, double y, double width, double height, boolean maximized, Double resultsSplit) {
    }

    /** A file's view: the results tab and charts tab selected, and whether the monthly total's axis is logarithmic. */
    public record FileView(String tab, String chartTab, Boolean totalLog) {
    }

    /** The stored form. */
    public static final class Stored {
        public WindowState window;
        public String lastFile;
        /** "light", "dark" or "system"; null before the first choice (the system's is followed). */
        public String theme;
        public Map<String, FileView> files = new LinkedHashMap<>();
    }

    private final Path store;
    private final Stored state;

    /** The state in {@code store} (null: remember nothing, as in tests and headless runs). */
    public AppState(Path store) {
        this.store = store;
        Stored s = null;
        if (store != null && Files.isRegularFile(store)) {
            try {
                s = JSON.readValue(store.toFile(), Stored.class);
            } catch (IOException | RuntimeException e) {
                s = null;   // an unreadable state is a first start
            }
        }
        state = s == null ? new Stored() : s;
        if (state.files == null) state.files = new LinkedHashMap<>();
    }

    /** The default store: ~/.costscope/state.json, beside the recent files. */
    public static Path defaultStore() {
        return Path.of(System.getProperty("user.home"), ".costscope", "state.json");
    }

    public WindowState window() {
        return state.window;
    }

    public void window(WindowState w) {
        state.window = w;
    }

    /** "light", "dark", "system", or null (never chosen: follow the system). */
    public String theme() {
        return state.theme;
    }

    public void theme(String t) {
        state.theme = t;
    }

    /** Whether the theme follows the system's: "system" chosen, or none ever chosen. */
    public boolean followsSystemTheme() {
        return state.theme == null || "system".equals(state.theme);
    }

    /** The file open when the app last closed, or null. */
    public Path lastFile() {
        return state.lastFile == null ? null : Path.of(state.lastFile);
    }

    public void lastFile(Path file) {
        state.lastFile = file == null ? null : file.toAbsolutePath().normalize().toString();
    }

    public FileView view(Path file) {
        return file == null ? null : state.files.get(key(file));
    }

    /** Remembers a file's view (the most recent last; the oldest dropped beyond {@value #FILES}). */
    public void view(Path file, FileView v) {
        if (file == null) return;
        String k = key(file);
        state.files.remove(k);
        state.files.put(k, v);
        while (state.files.size() > FILES) state.files.remove(state.files.keySet().iterator().next());
    }

    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /** Writes the state (atomically); a failure is not worth disturbing the user. */
    public void save() {
        if (store == null) return;
        try {
            Files.createDirectories(store.getParent());
            AtomicFiles.write(store, JSON.writeValueAsString(state) + "\n");
        } catch (IOException | RuntimeException e) {
            // remembered state is a convenience
        }
    }
}
