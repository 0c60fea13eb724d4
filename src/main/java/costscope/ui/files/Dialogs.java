package costscope.ui.files;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Every question the app asks the user, behind one interface so tests can answer them. */
public interface Dialogs {
    enum Unsaved { SAVE, DISCARD, CANCEL }

    /** What to do with work recovered after a crash: reopen it, delete it, or keep it for the next start. */
    enum Recovered { RESTORE, DISCARD, LATER }

    /** "Save changes to NAME?" before closing, opening or New. */
    Unsaved confirmUnsaved(String name);

    /**
     * "Costscope did not close normally: restore the unsaved changes to NAME?" at start, for work journaled by an
     * instance that ended without closing; {@code file} is where it belongs (null if never saved), {@code savedAt}
     * when it was last journaled.
     */
    Recovered offerRecovery(String name, Path file, Instant savedAt);

    Optional<Path> chooseOpen(Path initialDir);

    /** An estimate to import (AWS Pricing Calculator JSON or CSV, Infracost JSON). */
    Optional<Path> chooseImport(Path initialDir);

    /** What an import read: shown once, the document behind it already open. */
    void report(String header, String text);

    /** A file to save to; the chooser asks before replacing an existing file. */
    Optional<Path> chooseSave(Path suggested, String description, String extension);

    void error(String header, String message);

    /** A line of text ("Name of the new variant"), or empty when cancelled. */
    Optional<String> askText(String title, String header, String initial);

    /**
     * For headless runs (screenshot, benchmarks): discards unsaved changes, keeps recovered work for a later start,
     * chooses no files, collects errors.
     */
    static Dialogs headless(java.util.List<String> errors) {
        return new Dialogs() {
            @Override
            public Unsaved confirmUnsaved(String name) {
                return Unsaved.DISCARD;
            }

            @Override
            public Recovered offerRecovery(String name, Path file, Instant savedAt) {
                return Recovered.LATER;
            }

            @Override
            public Optional<Path> chooseOpen(Path initialDir) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseSave(Path suggested, String description, String extension) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseImport(Path initialDir) {
                return Optional.empty();
            }

            @Override
            public void report(String header, String text) {
            }

            @Override
            public void error(String header, String message) {
                errors.add(header + ": " + message);
            }

            @Override
            public Optional<String> askText(String title, String header, String initial) {
                return Optional.empty();
            }
        };
    }
}
