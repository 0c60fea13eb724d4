package costscope.ui.tables;

import costscope.ui.AppContext;

/** Controller of audit_view.fxml. */
public final class AuditViewController {
    private final AppContext ctx;

    public AuditViewController(AppContext ctx) {
        this.ctx = ctx;
    }
}
