package costscope.ui.recovery;

import costscope.model.Scenario;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Unsaved work found in a journal: the scenario as it was, the file it belongs in (null if it was never saved) and
 * when it was journaled. {@code path} is the journal itself.
 */
public record Journal(Path path, Instant savedAt, Path file, Scenario scenario) {
}
