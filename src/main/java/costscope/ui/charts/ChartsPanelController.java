package costscope.ui.charts;

import costscope.ui.AppContext;

/** Controller of charts_panel.fxml. */
public final class ChartsPanelController {
    private final AppContext ctx;

    public ChartsPanelController(AppContext ctx) {
        this.ctx = ctx;
    }
}
