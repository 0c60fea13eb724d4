package costscope.ui.tables;

import costscope.ui.AppContext;

/** Controller of scale_table_view.fxml. */
public final class ScaleTableController {
    private final AppContext ctx;

    public ScaleTableController(AppContext ctx) {
        this.ctx = ctx;
    }
}
