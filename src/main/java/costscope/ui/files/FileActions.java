package costscope.ui.files;

import costscope.files.AtomicFiles;
import costscope.files.OutputException;
import costscope.files.ScenarioFiles;
import costscope.model.Billing;
import costscope.model.BusinessBuilder;
import costscope.model.CategoryBuilder;
import costscope.model.Denominator;
import costscope.model.DriverBuilder;
import costscope.model.LineItemBuilder;
import costscope.model.Scenario;
import costscope.model.ScenarioBuilder;
import costscope.model.ScenarioException;
import costscope.model.SliderScale;
import costscope.ui.document.ScenarioDocument;
import costscope.ui.recalc.TaskRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Opening, saving and starting scenarios: file I/O runs in the background, results come back on the FX thread.
 * Saving writes atomically and keeps the previous version as {@code NAME.json.bak} when it can (a backup that cannot
 * be written does not block the save; the status line says so); a failed save keeps the edits and says why. Anything that would discard unsaved changes asks first.
 */
public final class FileActions {
    private final ScenarioDocument document;
    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final RecentFiles recent;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public FileActions(ScenarioDocument document, TaskRunner tasks, Dialogs dialogs, RecentFiles recent) {
        this.document = document;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.recent = recent;
    }

    /** The last file operation's outcome, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The name shown in the title and dialogs. */
    public String displayName() {
        Path f = document.file();
        return f == null ? "Untitled" : f.getFileName().toString();
    }

    /** Opens a file (after asking about unsaved changes). A malformed file opens nothing and says what is wrong. */
    public void open(Path file) {
        whenSafeToDiscard(() -> load(file));
    }

    /** Asks for a file, then opens it. */
    public void openChosen() {
        whenSafeToDiscard(() -> dialogs.chooseOpen(startDir()).ifPresent(this::load));
    }

    private Path startDir() {
        Path f = document.file();
        if (f != null && f.toAbsolutePath().getParent() != null) return f.toAbsolutePath().getParent();
        Path samples = Path.of("sample-scenarios");
        return Files.isDirectory(samples) ? samples : null;
    }

    private void load(Path file) {
        load(file, () -> ScenarioFiles.load(file), () -> {
        });
    }

    /** Opens {@code file} as {@code reading} reads it, in the background; when it cannot, says why, then runs {@code failed}. */
    private void load(Path file, java.util.concurrent.Callable<Scenario> reading, Runnable failed) {
        status.set("Opening " + file.getFileName() + "...");
        tasks.run(reading, s -> opened(s, file), e -> {
            failed.run();
            status.set("Could not open " + file.getFileName());
            dialogs.error("Cannot open " + file.getFileName(), message(e));
        });
    }

    private void opened(Scenario s, Path file) {
        document.open(s, file);
        recent.add(file);
        status.set("Opened " + file);
    }

    /**
     * The file named at start, opened at once if {@code reading} (started before the window was built) has read it within
     * {@code waitMillis}: true. False, with nothing done, when it has not, when it could not (then
     * {@link #openAtStart} says why) or when the file is an estimate to import.
     */
    public boolean openNow(Path file, java.util.concurrent.Future<Scenario> reading, long waitMillis) {
        if (costscope.imports.Importers.isEstimate(file)) return false;
        Scenario s;
        try {
            s = reading.get(waitMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        opened(s, file);
        return true;
    }

    /**
     * The file named at start (on the command line, or by the OS opening a file with the app): a scenario is opened,
     * an estimate imported; one that cannot be gets the same error as File > Open, over a new scenario, so the
     * window is usable. {@code reading} is the scenario's reading already started, or null.
     */
    public void openAtStart(Path file, java.util.concurrent.Future<Scenario> reading) {
        Runnable fresh = () -> {
            if (document.scenario() == null) document.open(template(), null);
        };
        if (Files.isRegularFile(file) && costscope.imports.Importers.isEstimate(file)) {
            importNow(file, fresh);
            return;
        }
        load(file, reading == null ? () -> ScenarioFiles.load(file) : () -> {
            try {
                return reading.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof Exception x) throw x;
                throw e;
            }
        }, fresh);
    }

    /** Asks for an estimate (AWS Pricing Calculator JSON or CSV, Infracost JSON), then imports it. */
    public void importChosen() {
        whenSafeToDiscard(() -> dialogs.chooseImport(startDir()).ifPresent(this::importNow));
    }

    /** Imports an estimate (after asking about unsaved changes). */
    public void importFile(Path file) {
        whenSafeToDiscard(() -> importNow(file));
    }

    /** A file dropped on the window: an estimate is imported, anything else opened as a scenario. */
    public void dropped(Path file) {
        if (costscope.imports.Importers.isEstimate(file)) importFile(file);
        else open(file);
    }

    /**
     * Reads the estimate in the background; it opens as a new document with unsaved work (it is in no scenario file
     * yet), and the import's report is shown. A file that is not an estimate opens nothing and says why.
     */
    private void importNow(Path file) {
        importNow(file, () -> {
        });
    }

    private void importNow(Path file, Runnable failed) {
        status.set("Importing " + file.getFileName() + "...");
        tasks.run(() -> costscope.imports.Importers.read(file, null), imp -> {
            document.restore(imp.scenario(), null);
            status.set("Imported " + file + ": not saved yet");
            dialogs.report("Imported " + file.getFileName(), String.join("\n", imp.report().lines()));
        }, e -> {
            failed.run();
            status.set("Could not import " + file.getFileName());
            dialogs.error("Cannot import " + file.getFileName(), message(e));
        });
    }

    /** Starts a new, small scenario (after asking about unsaved changes). */
    public void newScenario() {
        whenSafeToDiscard(() -> {
            document.open(template(), null);
            status.set("New scenario");
        });
    }

    /** Saves to the current file, or asks for one. {@code then} runs after a successful save. */
    public void save(Runnable then) {
        Path f = document.file();
        if (f == null) saveAs(then);
        else saveTo(f, then);
    }

    public void save() {
        save(() -> {
        });
    }

    public void saveAs(Runnable then) {
        Path suggested = document.file() != null ? document.file() : Path.of(safeName(document.scenario().name()) + ".json");
        dialogs.chooseSave(suggested, "Costscope scenario", "json").ifPresent(p -> saveTo(p, then));
    }

    public void saveAs() {
        saveAs(() -> {
        });
    }

    /**
     * Writes the current scenario to {@code file}: the previous version to NAME.bak when it can be kept (a backup
     * that cannot be written does not stop the save: the status line says no backup was kept, and why), the new one
     * atomically in place.
     */
    public void saveTo(Path file, Runnable then) {
        Scenario snapshot = document.scenario();
        status.set("Saving " + file.getFileName() + "...");
        tasks.run(() -> {
            String noBackup = backUp(file);
            ScenarioFiles.save(snapshot, file);
            return new Saved(file, noBackup);
        }, saved -> {
            // the file holds the snapshot; edits made while saving keep the document dirty
            document.markSaved(saved.file(), snapshot);
            recent.add(saved.file());
            status.set("Saved " + saved.file() + (saved.noBackup() == null ? "" : "; no backup kept: " + saved.noBackup()));
            then.run();
        }, e -> {
            status.set("Not saved: " + message(e));
            dialogs.error("Cannot save " + file.getFileName(), message(e) + "\n\nYour changes are still open; nothing was lost.");
        });
    }

    /** A save's outcome: the file, and why no backup was kept (null when it was, or there was nothing to keep). */
    private record Saved(Path file, String noBackup) {
    }

    /** Keeps the file's current version as NAME.bak (atomically, with the file's permissions); returns why not, if not. */
    private static String backUp(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            AtomicFiles.copy(file, backupOf(file));
            return null;
        } catch (IOException | RuntimeException e) {
            return message(e);
        }
    }

    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /** Runs {@code action} once unsaved changes are saved or discarded; does nothing if the user cancels. */
    public void whenSafeToDiscard(Runnable action) {
        if (document.scenario() == null || !document.isDirty()) {
            action.run();
            return;
        }
        switch (dialogs.confirmUnsaved(displayName())) {
            case SAVE -> save(action);
            case DISCARD -> action.run();
            case CANCEL -> {
            }
        }
    }

    private static String message(Throwable e) {
        if (e instanceof ScenarioException se) return se.getMessage();
        if (e instanceof OutputException oe) return oe.getMessage();
        if (e instanceof IOException io) return io.getClass().getSimpleName().replace("Exception", "") + ": " + io.getMessage();
        return String.valueOf(e.getMessage());
    }

    private static String safeName(String name) {
        String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "scenario" : s.toLowerCase();
    }

    /** A new scenario: one driver, one category, one priced item, ready to edit. */
    public static Scenario template() {
        return ScenarioBuilder.builder()
                .name("New scenario")
                .description("")
                .currency("USD")
                .drivers(List.of(DriverBuilder.builder().id("active_users").label("Active users").unit("users").value(1000)
                        .min(10.0).max(1e9).scale(SliderScale.LOG).description("Monthly active users").build()))
                .categories(List.of(CategoryBuilder.builder().id("compute").label("Compute").build()))
                .items(List.of(LineItemBuilder.builder().id("servers").label("Servers").category("compute")
                        .quantity("ceil(active_users / 5000)").quantityUnit("instances").unitPrice("0.10").priceUnit("instance-hour")
                        .billing(Billing.HOURLY).description("One server per 5,000 users").build()))
                .business(BusinessBuilder.builder().users(new Denominator(null, "active user", "active_users")).build())
                .build();
    }
}
