package costscope.ui.base;

import costscope.ui.files.Dialogs;
import costscope.ui.document.ScenarioDocument;
import costscope.ui.files.FileActions;
import costscope.ui.files.RecentFiles;
import costscope.ui.recalc.Recalculator;
import costscope.ui.recalc.Simulations;
import costscope.ui.recalc.TaskRunner;
import costscope.ui.recovery.CrashRecovery;

/** The app's services, built once by the composition root and handed to every controller's constructor. */
public record AppContext(ScenarioDocument document, Recalculator recalc, Simulations simulations, TaskRunner tasks,
                         Dialogs dialogs, RecentFiles recent, FileActions files, CrashRecovery recovery) {
}
