package costscope.ui;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;

/** Every FXML view and stylesheet of the app, by constant; loads views with a controller factory. */
public final class Views {
    public enum View {
        MAIN_WINDOW("/fxml/main_window.fxml");

        final String path;

        View(String path) {
            this.path = path;
        }
    }

    private Views() {
    }

    public static Parent load(View view, Callback<Class<?>, Object> controllers) {
        URL url = Views.class.getResource(view.path);
        if (url == null) throw new IllegalStateException("missing view " + view.path);
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(controllers);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + view.path, e);
        }
    }

    public static List<String> stylesheets() {
        return List.of(resource("/styles/theme.css"), resource("/styles/app.css"));
    }

    private static String resource(String path) {
        URL u = Views.class.getResource(path);
        if (u == null) throw new IllegalStateException("missing stylesheet " + path);
        return u.toExternalForm();
    }
}
