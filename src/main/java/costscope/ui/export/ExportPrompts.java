package costscope.ui.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The questions chart export asks, behind an interface so tests can answer them (FxExportPrompts in the app). */
public interface ExportPrompts {
    /** The chart export options, starting from {@code defaults}; {@code allCharts}: for "Export all charts". */
    Optional<ChartRequest> askChart(ChartRequest defaults, boolean allCharts);

    /** A folder for "Export all charts". */
    Optional<Path> chooseFolder(Path initial);

    /** "Replace these files?"; true to replace. */
    boolean confirmOverwrite(List<Path> existing);
}
