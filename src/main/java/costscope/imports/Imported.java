package costscope.imports;

import costscope.model.Scenario;

/** An imported estimate: an ordinary scenario, and the report of what was read. */
public record Imported(Scenario scenario, ImportReport report) {
}
