package costscope.ui.export;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The app's export questions: the chart export dialog, a directory chooser and a replace confirmation. */
public final class FxExportPrompts implements ExportPrompts {
    private final Supplier<Window> owner;

    public FxExportPrompts(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<ChartRequest> askChart(ChartRequest defaults, boolean allCharts) {
        ChartExportDialog d = new ChartExportDialog(defaults, allCharts);
        Window w = owner.get();
        if (w != null) d.initOwner(w);
        return d.showAndWait();
    }

    @Override
    public Optional<Path> chooseFolder(Path initial) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Export all charts to");
        if (initial != null && Files.isDirectory(initial)) c.setInitialDirectory(initial.toFile());
        File f = c.showDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public boolean confirmOverwrite(List<Path> existing) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, existing.stream().map(p -> p.getFileName().toString())
                .collect(Collectors.joining("\n")), ButtonType.YES, ButtonType.CANCEL);
        a.setHeaderText(existing.size() == 1 ? "Replace the existing file?" : "Replace " + existing.size() + " existing files?");
        a.setTitle("Export all charts");
        Window w = owner.get();
        if (w != null) a.initOwner(w);
        return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }
}
