package costscope.ui;

import costscope.ui.base.AppContext;
import costscope.ui.panels.ChartsPanelController;
import costscope.ui.editor.ModelEditorController;
import costscope.ui.panels.DriversPanelController;
import costscope.ui.panels.HeadlineController;
import costscope.ui.tables.AuditViewController;
import costscope.ui.tables.BreakdownController;
import costscope.ui.tables.ScaleTableController;
import javafx.util.Callback;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The FXMLLoader controller factory: every controller the views name is registered here with its constructor, and
 * an unregistered one fails fast. Controllers get the app's services through their constructors.
 */
public final class Controllers implements Callback<Class<?>, Object> {
    private final Map<Class<?>, Supplier<Object>> registry = new HashMap<>();

    public Controllers(AppContext ctx, MainWindowController main) {
        registry.put(MainWindowController.class, () -> main);
        registry.put(DriversPanelController.class, () -> new DriversPanelController(ctx));
        registry.put(HeadlineController.class, () -> new HeadlineController(ctx));
        registry.put(ChartsPanelController.class, () -> new ChartsPanelController(ctx));
        registry.put(BreakdownController.class, () -> new BreakdownController(ctx));
        registry.put(ScaleTableController.class, () -> new ScaleTableController(ctx));
        registry.put(AuditViewController.class, () -> new AuditViewController(ctx));
        registry.put(costscope.ui.tables.TimelineController.class, () -> new costscope.ui.tables.TimelineController(ctx));
        registry.put(ModelEditorController.class, () -> new ModelEditorController(ctx));
        registry.put(costscope.ui.whatif.CompareController.class, () -> new costscope.ui.whatif.CompareController(ctx));
        registry.put(costscope.ui.whatif.SensitivityController.class, () -> new costscope.ui.whatif.SensitivityController(ctx));
        registry.put(costscope.ui.whatif.GoalSeekController.class, () -> new costscope.ui.whatif.GoalSeekController(ctx));
    }

    @Override
    public Object call(Class<?> type) {
        Supplier<Object> s = registry.get(type);
        if (s == null) throw new IllegalStateException("no controller registered for " + type.getName());
        return s.get();
    }
}
