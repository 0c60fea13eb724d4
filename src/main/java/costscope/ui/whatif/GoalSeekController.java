package costscope.ui.whatif;

import costscope.ui.AppContext;
import javafx.fxml.FXML;

/** Controller of whatif_goalseek.fxml. */
public final class GoalSeekController {
    private final AppContext ctx;

    public GoalSeekController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
    }
}
