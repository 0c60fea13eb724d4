package costscope.ui;

import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline of {@code bench-launch}: the least a JavaFX app can show, a window with a label, probed as the app is
 * ({@link LaunchProbe}), so the app's start is measured against what JavaFX itself costs on the same machine. (The
 * main class is not the Application, as in the app, so JavaFX loads from the class path.)
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The window. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("Costscope")), 640, 400));
            stage.setTitle("Costscope");
            stage.show();
            LaunchProbe.whenReady(new SimpleObjectProperty<>(stage), () -> "bare window");
        }
    }
}
