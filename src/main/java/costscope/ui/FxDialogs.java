package costscope.ui;

import costscope.ui.files.Dialogs;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.function.Supplier;

/** The real dialogs, owned by the main window. */
final class FxDialogs implements Dialogs {
    private final Supplier<Window> owner;

    FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Unsaved confirmUnsaved(String name) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, cancel);
        a.initOwner(owner.get());
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save the changes to " + name + "?");
        a.setContentText("Your changes will be lost if you don't save them.");
        ButtonType r = a.showAndWait().orElse(cancel);
        return r == save ? Unsaved.SAVE : r == discard ? Unsaved.DISCARD : Unsaved.CANCEL;
    }

    @Override
    public Recovered offerRecovery(String name, Path file, Instant savedAt) {
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        ButtonType later = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", restore, discard, later);
        a.initOwner(owner.get());
        a.setTitle("Recover unsaved changes");
        a.setHeaderText("Costscope did not close normally. Restore the unsaved changes to " + name + "?");
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault()).format(savedAt);
        a.setContentText("Last kept " + when + ", "
                + (file == null ? "never saved to a file." : "from " + file + ".")
                + "\n\nRestore opens them unsaved; Discard deletes them; Not now asks again at the next start.");
        ButtonType r = a.showAndWait().orElse(later);
        return r == restore ? Recovered.RESTORE : r == discard ? Recovered.DISCARD : Recovered.LATER;
    }

    @Override
    public Optional<Path> chooseOpen(Path initialDir) {
        return chooseToOpen("Open scenario", initialDir, new FileChooser.ExtensionFilter("Costscope scenarios (*.json)", "*.json"));
    }

    /** A file to open, from {@code initialDir} when it exists, with {@code filter} first and then all files. */
    private Optional<Path> chooseToOpen(String title, Path initialDir, FileChooser.ExtensionFilter filter) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(filter, new FileChooser.ExtensionFilter("All files", "*.*"));
        if (initialDir != null && Files.isDirectory(initialDir)) fc.setInitialDirectory(initialDir.toFile());
        File f = fc.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSave(Path suggested, String description, String extension) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save as");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description + " (*." + extension + ")", "*." + extension));
        if (suggested != null) {
            Path dir = suggested.toAbsolutePath().getParent();
            if (dir != null && Files.isDirectory(dir)) fc.setInitialDirectory(dir.toFile());
            fc.setInitialFileName(suggested.getFileName().toString());
        }
        File f = fc.showSaveDialog(owner.get());
        if (f == null) return Optional.empty();
        Path p = f.toPath();
        if (!p.getFileName().toString().contains(".")) p = p.resolveSibling(p.getFileName() + "." + extension);
        return Optional.of(p);
    }

    @Override
    public Optional<Path> chooseImport(Path initialDir) {
        return chooseToOpen("Import an estimate", initialDir,
                new FileChooser.ExtensionFilter("Estimates: AWS Pricing Calculator JSON or CSV, Infracost JSON", "*.json", "*.csv"));
    }

    @Override
    public void report(String header, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner.get());
        a.setTitle("Costscope");
        a.setHeaderText(header);
        javafx.scene.control.TextArea area = new javafx.scene.control.TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefColumnCount(70);
        area.setPrefRowCount(Math.min(20, (int) text.lines().count() + 1));
        area.setId("import-report");
        a.getDialogPane().setContent(area);
        a.setResizable(true);
        a.show();
    }

    @Override
    public void error(String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner.get());
        a.setTitle("Costscope");
        a.setHeaderText(header);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(560);
        a.getDialogPane().setContent(text);
        a.showAndWait();
    }

    @Override
    public Optional<String> askText(String title, String header, String initial) {
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(initial);
        d.initOwner(owner.get());
        d.setTitle(title);
        d.setHeaderText(header);
        d.setContentText(null);
        return d.showAndWait().map(String::trim).filter(t -> !t.isEmpty());
    }
}
