package costscope.ui.document;

import costscope.model.Scenario;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The open scenario, observable: the current immutable {@link Scenario}, its file, whether it has unsaved changes,
 * and its undo/redo history. Every edit replaces the scenario with a new one and records the old one, so undo is
 * exact for every kind of edit. Edits made during one gesture (a slider drag) with the same key coalesce into one
 * undo step. Used on the FX thread only.
 */
public final class ScenarioDocument {
    /** Undo steps kept; older ones are dropped. */
    public static final int HISTORY_LIMIT = 500;

    private record Step(Scenario before, String label) {
    }

    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<Scenario> saved = new ReadOnlyObjectWrapper<>(this, "saved");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");
    /** Differs from its file, or (never saved) from the scenario it started as: a new untouched scenario is not dirty. */
    private final BooleanBinding dirty = Bindings.createBooleanBinding(
            () -> scenario.get() != null && !Objects.equals(scenario.get(), saved.get() != null ? saved.get() : this.opened), scenario, saved);
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private String openGesture;
    /** Whether a gesture (a slider drag) is going on: its edits come once a frame until it ends. */
    private final ReadOnlyBooleanWrapper inGesture = new ReadOnlyBooleanWrapper(this, "inGesture");
    /** The scenario as opened or started (null after {@link #restore}): a new scenario still equal to it is no work. */
    private Scenario opened;

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public Scenario scenario() {
        return scenario.get();
    }

    /** The file the scenario was opened from or last saved to; null for a new scenario. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path file() {
        return file.get();
    }

    /**
     * True when the scenario differs from what was last opened or saved (undoing back to it makes it clean); a new
     * scenario is clean until edited, recovered or imported work is dirty until saved.
     */
    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** "Undo Change Concurrent users", for the menu. */
    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    /** Replaces the document: a freshly opened file (or a new scenario with {@code path} null); history cleared. */
    public void open(Scenario s, Path path) {
        undo.clear();
        redo.clear();
        openGesture = null;
        inGesture.set(false);
        file.set(path);
        saved.set(path == null ? null : s);
        opened = s;
        scenario.set(s);
        refresh();
    }

    /**
     * Reopens work recovered after a crash: {@code s} belongs in {@code path} (null if it was never saved) but is
     * not what the file holds, so the document is dirty until saved; history cleared.
     */
    public void restore(Scenario s, Path path) {
        undo.clear();
        redo.clear();
        openGesture = null;
        inGesture.set(false);
        // the work first, then its file: listeners never see a moment without unsaved work
        opened = null;
        saved.set(null);
        scenario.set(s);
        file.set(path);
        refresh();
    }

    /**
     * True when the document holds work that exists nowhere else: it differs from its file, or it is a new (or
     * recovered) scenario that is not the one it started as.
     */
    public boolean hasUnsavedWork() {
        return isDirty() && (file.get() != null || !Objects.equals(scenario.get(), opened));
    }

    /** Records that the current scenario is now what {@code path} holds. */
    public void markSaved(Path path) {
        markSaved(path, scenario.get());
    }

    /** Records that {@code path} holds {@code version} (which edits made since may have moved on from). */
    public void markSaved(Path path, Scenario version) {
        file.set(path);
        saved.set(version);
    }

    /** One undoable edit. A change that gives an equal scenario records nothing. */
    public void edit(String label, UnaryOperator<Scenario> change) {
        openGesture = null;
        apply(label, change, null);
    }

    /**
     * An edit that is part of a gesture (a slider drag, typing in a field): successive edits with the same key
     * form one undo step until {@link #endGesture()} or an edit with another key.
     */
    public void editInGesture(String key, String label, UnaryOperator<Scenario> change) {
        apply(label, change, key);
    }

    /** Ends the current gesture: the next edit starts a new undo step. */
    public void endGesture() {
        openGesture = null;
        inGesture.set(false);
    }

    /**
     * True from a gesture's first edit (set before the edit is seen) until it ends: work too slow for every frame of a
     * drag (Monte Carlo) waits for the release.
     */
    public ReadOnlyBooleanProperty inGestureProperty() {
        return inGesture.getReadOnlyProperty();
    }

    private void apply(String label, UnaryOperator<Scenario> change, String gesture) {
        Scenario before = scenario.get();
        Scenario after = change.apply(before);
        if (after == null || after.equals(before)) return;
        boolean coalesce = gesture != null && gesture.equals(openGesture) && !undo.isEmpty();
        if (!coalesce) {
            undo.push(new Step(before, label));
            while (undo.size() > HISTORY_LIMIT) undo.removeLast();
        }
        openGesture = gesture;
        inGesture.set(gesture != null);
        redo.clear();
        scenario.set(after);
        refresh();
    }

    public void undo() {
        move(undo, redo);
    }

    public void redo() {
        move(redo, undo);
    }

    /** Goes back to the last state of {@code from}, keeping the present one on {@code to}. */
    private void move(Deque<Step> from, Deque<Step> to) {
        if (from.isEmpty()) return;
        openGesture = null;
        inGesture.set(false);
        Step s = from.pop();
        to.push(new Step(scenario.get(), s.label()));
        scenario.set(s.before());
        refresh();
    }

    private void refresh() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoLabel.set(undo.isEmpty() ? "Undo" : "Undo " + undo.peek().label());
        redoLabel.set(redo.isEmpty() ? "Redo" : "Redo " + redo.peek().label());
    }
}
