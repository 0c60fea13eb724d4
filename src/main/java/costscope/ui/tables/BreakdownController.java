package costscope.ui.tables;

import costscope.ui.AppContext;

/** Controller of breakdown_view.fxml. */
public final class BreakdownController {
    private final AppContext ctx;

    public BreakdownController(AppContext ctx) {
        this.ctx = ctx;
    }
}
