package costscope.ui.whatif;

import costscope.ui.AppContext;
import javafx.fxml.FXML;

/** Controller of whatif_compare.fxml. */
public final class CompareController {
    private final AppContext ctx;

    public CompareController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
    }
}
