package costscope.ui;

import costscope.ui.files.Dialogs;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Scripted answers to the app's questions, and a record of the errors it showed. */
public final class TestDialogs implements Dialogs {
    public final Deque<Unsaved> unsavedAnswers = new ArrayDeque<>();
    /** Answers to "restore recovered work?", in order; LATER when none is left. */
    public final Deque<Recovered> recoveryAnswers = new ArrayDeque<>();
    public final Deque<Path> files = new ArrayDeque<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> asked = new ArrayList<>();
    public final Deque<String> texts = new ArrayDeque<>();
    /** The reports shown (an import's), header and text. */
    public final List<String> reports = new ArrayList<>();

    @Override
    public Unsaved confirmUnsaved(String name) {
        asked.add("unsaved:" + name);
        return unsavedAnswers.isEmpty() ? Unsaved.CANCEL : unsavedAnswers.pop();
    }

    @Override
    public Recovered offerRecovery(String name, Path file, java.time.Instant savedAt) {
        asked.add("recover:" + name + ":" + (file == null ? "" : file.getFileName()));
        return recoveryAnswers.isEmpty() ? Recovered.LATER : recoveryAnswers.pop();
    }

    @Override
    public Optional<Path> chooseOpen(Path initialDir) {
        asked.add("open");
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseSave(Path suggested, String description, String extension) {
        asked.add("save:" + (suggested == null ? "" : suggested.getFileName()));
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseImport(Path initialDir) {
        asked.add("import");
        return Optional.ofNullable(files.poll());
    }

    @Override
    public void report(String header, String text) {
        reports.add(header + ": " + text);
    }

    @Override
    public void error(String header, String message) {
        errors.add(header + ": " + message);
    }

    @Override
    public Optional<String> askText(String title, String header, String initial) {
        asked.add("text:" + header);
        return Optional.ofNullable(texts.poll());
    }
}
