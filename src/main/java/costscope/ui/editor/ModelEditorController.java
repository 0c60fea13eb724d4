package costscope.ui.editor;

import costscope.ui.AppContext;

/** Controller of model_editor.fxml. */
public final class ModelEditorController {
    private final AppContext ctx;

    public ModelEditorController(AppContext ctx) {
        this.ctx = ctx;
    }
}
