package costscope.ui;

import java.nio.file.Path;
import java.util.Optional;

/** Every question the app asks the user, behind one interface so tests can answer them. */
public interface Dialogs {
    enum Unsaved { SAVE, DISCARD, CANCEL }

    /** "Save changes to NAME?" before closing, opening or New. */
    Unsaved confirmUnsaved(String name);

    Optional<Path> chooseOpen(Path initialDir);

    /** A file to save to; the chooser asks before replacing an existing file. */
    Optional<Path> chooseSave(Path suggested, String description, String extension);

    void error(String header, String message);
}
