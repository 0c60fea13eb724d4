package costscope.ui.files;

import costscope.files.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The recently opened files, most recent first, kept in a small text file (one path per line). */
public final class RecentFiles {
    public static final int LIMIT = 10;
    private final Path store;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    public RecentFiles(Path store) {
        this.store = store;
        if (store != null && Files.isRegularFile(store)) {
            try {
                for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && files.size() < LIMIT) files.add(Path.of(line.trim()));
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable list is not worth an error: start empty
            }
        }
    }

    /** The default store: ~/.costscope/recent-files.txt. */
    public static Path defaultStore() {
        return Path.of(System.getProperty("user.home"), ".costscope", "recent-files.txt");
    }

    public ObservableList<Path> files() {
        return FXCollections.unmodifiableObservableList(files);
    }

    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(abs);
        next.add(0, abs);
        while (next.size() > LIMIT) next.remove(next.size() - 1);
        files.setAll(next);
        persist();
    }

    private void persist() {
        if (store == null) return;
        try {
            Files.createDirectories(store.getParent());
            StringBuilder text = new StringBuilder();
            for (Path p : files) text.append(p).append('\n');
            AtomicFiles.write(store, text.toString());
        } catch (IOException e) {
            // the list is a convenience; failing to keep it must not disturb the user's work
        }
    }
}
