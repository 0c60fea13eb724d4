package costscope.ui.recovery;

import costscope.model.Scenario;
import costscope.ui.document.ScenarioDocument;
import costscope.ui.files.Dialogs;
import costscope.ui.recalc.TaskRunner;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Unsaved work survives a crash. While the document holds work that exists nowhere else
 * ({@link ScenarioDocument#hasUnsavedWork}), it is journaled in the {@link JournalStore} at most
 * {@link JournalStore#delay()} after a change (several changes in that time make one write), on the background
 * thread. The journal is deleted when the work is saved, discarded (another file opened, New, undone back to the
 * file) or the window is closed normally ({@link #closeCleanly}). At start, {@link #offerRestore} offers back the
 * work of instances that ended without closing. Journaling never disturbs the user: a failure is only recorded.
 * Used on the FX thread.
 */
public final class CrashRecovery {
    private final ScenarioDocument document;
    private final JournalStore store;
    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final JournalStore.Slot slot;
    private final PauseTransition timer;
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private long sequence;
    /** The journals {@link #nothingToOffer} found, until {@link #offerRestore} offers them. */
    private List<Journal> found;
    private boolean journaled;
    private boolean closed;

    public CrashRecovery(ScenarioDocument document, JournalStore store, TaskRunner tasks, Dialogs dialogs) {
        this.document = document;
        this.store = store;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.slot = store.newSlot();
        this.timer = new PauseTransition(Duration.millis(store.delay().toMillis()));
        timer.setOnFinished(e -> write());
        if (store.enabled()) {
            document.scenarioProperty().addListener((o, a, b) -> changed());
            document.fileProperty().addListener((o, a, b) -> changed());
            document.dirtyProperty().addListener((o, a, b) -> changed());
        }
    }

    /** This document's journal file (written only while there is unsaved work); null when nothing is kept. */
    public Path journal() {
        return slot.path();
    }

    /** The last journal write's failure, or null once one succeeds. Not shown: the user's work is untouched. */
    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    private void changed() {
        if (closed) return;
        if (document.hasUnsavedWork()) {
            // at most one delay after the first change: a long drag is journaled while it goes on
            if (timer.getStatus() != Animation.Status.RUNNING) timer.playFromStart();
        } else {
            timer.stop();
            if (journaled) remove();
        }
    }

    private void write() {
        if (closed || !document.hasUnsavedWork()) return;
        Scenario s = document.scenario();
        Path file = document.file();
        long n = ++sequence;
        journaled = true;
        // the scenario is immutable: it is serialized and written on the background thread
        tasks.run(() -> {
            slot.write(n, s, file);
            return n;
        }, ok -> failure.set(null), failure::set);
    }

    private void remove() {
        long n = ++sequence;
        journaled = false;
        tasks.run(() -> {
            slot.delete(n);
            return n;
        }, ok -> {
        }, failure::set);
    }

    /**
     * The window is closing normally (its unsaved changes saved or discarded): stops journaling and deletes the
     * journal now, before the background thread stops.
     */
    public void closeCleanly() {
        closed = true;
        timer.stop();
        try {
            slot.close();
        } catch (IOException | RuntimeException e) {
            failure.set(e);
        }
    }

    /**
     * At start, before anything is open: offers, newest first, the work journaled by instances that ended without
     * closing. Restore reopens one as an unsaved document that belongs in its file (this instance takes its journal
     * over) and stops; Discard deletes one and goes on to the next; Not now keeps them all for the next start. When
     * nothing is restored, runs {@code otherwise} (opening the file the app was started on).
     */
    public void offerRestore(Runnable otherwise) {
        if (!store.enabled()) {
            otherwise.run();
            return;
        }
        List<Journal> known = found;
        found = null;
        if (known != null) offer(known, 0, otherwise);
        else tasks.run(store::orphans, list -> offer(list, 0, otherwise), e -> otherwise.run());
    }

    /**
     * Whether there is no unsaved work of an instance that ended without closing to offer back: looked for now, on
     * this thread (a listing of the journals' folder; at start, before the window is shown), and remembered for the
     * {@link #offerRestore} that follows. A folder that cannot be read has nothing to offer.
     */
    public boolean nothingToOffer() {
        if (!store.enabled()) return true;
        try {
            found = store.orphans();
        } catch (IOException | RuntimeException e) {
            // as offerRestore's background reading does: what cannot be listed is not offered
            found = List.of();
        }
        return found.isEmpty();
    }

    private void offer(List<Journal> found, int i, Runnable otherwise) {
        if (i >= found.size()) {
            otherwise.run();
            return;
        }
        Journal j = found.get(i);
        Runnable next = () -> offer(found, i + 1, otherwise);
        switch (dialogs.offerRecovery(j.scenario().name(), j.file(), j.savedAt())) {
            case RESTORE -> tasks.run(() -> slot.claim(j), claimed -> {
                if (claimed) restore(j);
                else next.run(); // another instance restored it first
            }, e -> {
                // the journal could not be taken over; the work is read, so it is restored all the same (the old
                // journal is offered again at the next start rather than lost)
                failure.set(e);
                restore(j);
            });
            case DISCARD -> tasks.run(() -> Files.deleteIfExists(j.path()), ok -> next.run(), e -> next.run());
            case LATER -> otherwise.run();
        }
    }

    private void restore(Journal j) {
        journaled = true;
        document.restore(j.scenario(), j.file());
    }
}
