package costscope.ui.whatif;

import costscope.ui.AppContext;
import javafx.fxml.FXML;

/** Controller of whatif_sensitivity.fxml. */
public final class SensitivityController {
    private final AppContext ctx;

    public SensitivityController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
    }
}
