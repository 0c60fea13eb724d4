package costscope.ui.base;

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
        MAIN_WINDOW("/fxml/main_window.fxml"),
        DRIVERS_PANEL("/fxml/drivers_panel.fxml"),
        HEADLINE("/fxml/results_headline.fxml"),
        CHARTS_PANEL("/fxml/charts_panel.fxml"),
        CHARTS_SHARES("/fxml/charts_shares.fxml"),
        BREAKDOWN_VIEW("/fxml/breakdown_view.fxml"),
        SCALE_TABLE_VIEW("/fxml/scale_table_view.fxml"),
        AUDIT_VIEW("/fxml/audit_view.fxml"),
        TIMELINE_VIEW("/fxml/timeline_view.fxml"),
        MODEL_EDITOR("/fxml/model_editor.fxml"),
        WHATIF_VIEW("/fxml/whatif_view.fxml"),
        WHATIF_COMPARE("/fxml/whatif_compare.fxml"),
        WHATIF_SENSITIVITY("/fxml/whatif_sensitivity.fxml"),
        WHATIF_GOALSEEK("/fxml/whatif_goalseek.fxml");

        final String path;

        View(String path) {
            this.path = path;
        }

        public String path() {
            return path;
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

    /** A view without a controller (its owner finds its nodes by id). */
    public static Parent load(View view) {
        return load(view, type -> {
            throw new IllegalStateException(view.path + " names a controller, " + type.getName() + "; load it with a factory");
        });
    }

    public static List<String> stylesheets() {
        return List.of(resource("/styles/theme.css"), resource("/styles/app.css"), resource("/styles/charts.css"),
                resource("/styles/tables.css"), resource("/styles/editor.css"), resource("/styles/compare.css"),
                resource("/styles/sensitivity.css"));
    }

    private static String resource(String path) {
        URL u = Views.class.getResource(path);
        if (u == null) throw new IllegalStateException("missing stylesheet " + path);
        return u.toExternalForm();
    }
}
