package costscope.ui.editor;

import costscope.model.Scenario;
import costscope.ui.base.AppContext;
import costscope.ui.base.WhenShowing;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;

/**
 * Controller of model_editor.fxml: the Model tab. A tree of the model's drivers (and their correlations), variables,
 * line items, pools, categories and levers (with Add and Remove) and the timeline, and the form of the selected one
 * ({@link ElementDetail}: checked on every keystroke, committed as one undoable edit when it has no problem).
 */
public final class ModelEditorController {
    private final AppContext ctx;
    @FXML
    private TreeView<ModelOutline.Entry> tree;
    @FXML
    private MenuButton addButton;
    @FXML
    private Button removeButton;
    @FXML
    private Button applyButton;
    @FXML
    private Button revertButton;
    @FXML
    private ScrollPane formScroll;
    @FXML
    private Label message;

    private OutlineTree outline;
    private ElementDetail detail;

    public ModelEditorController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        outline = new OutlineTree(tree, this::selected);
        detail = new ElementDetail(ctx, outline, formScroll, message, removeButton, applyButton, revertButton, this::add);
        for (ElementKind k : ElementKind.values()) {
            MenuItem mi = new MenuItem(k.title());
            mi.setId("editor-add-" + k.name().toLowerCase());
            mi.setOnAction(e -> add(k));
            addButton.getItems().add(mi);
        }
        // while its tab is hidden the editor does no work on every frame of a drag; it catches up when shown
        WhenShowing follow = new WhenShowing(tree, () -> detail.follow(ctx.document().scenario()));
        WhenShowing summarise = new WhenShowing(tree, detail::summary);
        ctx.document().scenarioProperty().addListener((o, a, s) -> follow.changed());
        ctx.recalc().resultsProperty().addListener((o, a, r) -> summarise.changed());
        detail.follow(ctx.document().scenario());
        detail.showSection(ElementKind.ITEM);
    }

    private void selected(ModelOutline.Entry e) {
        detail.commitPending();
        if (e == null) detail.showSection(detail.kind() == null ? ElementKind.ITEM : detail.kind());
        else if (e.page() != null) detail.showPage(e.page());
        else if (e.isSection()) detail.showSection(e.kind());
        else detail.open(e.kind(), e.id());
    }

    @FXML
    private void onApply() {
        detail.commit(null);
    }

    @FXML
    private void onRevert() {
        detail.revert();
    }

    /**
     * Adds an element of kind {@code k}: after the one open when it is of that kind, else at the end; opens its form.
     * A line item goes into the category open; a pool starts with the line item open.
     */
    void add(ElementKind k) {
        detail.commitPending();
        Scenario s = ctx.document().scenario();
        if (s == null) return;
        ElementKind kind = detail.kind();
        String id = detail.id();
        int at = kind == k && id != null ? detail.index() + 1 : k.elements(s).size();
        boolean near = k == ElementKind.ITEM && kind == ElementKind.CATEGORY || k == ElementKind.POOL && kind == ElementKind.ITEM;
        EditCheck.Added added = EditCheck.add(s, k, near ? id : null, at);
        if (added.error() != null) {
            detail.setMessage(added.error(), true);
            return;
        }
        ctx.document().edit("Add " + k.noun() + " '" + added.id() + "'", x -> x == s ? added.candidate() : x);
        detail.open(k, added.id());
        detail.setMessage("Added " + k.noun() + " '" + added.id() + "'.", false);
        FormField label = detail.field("label");
        if (label != null && label.control() instanceof TextInputControl t) {
            t.requestFocus();
            t.selectAll();
        }
    }

    @FXML
    private void onRemove() {
        String id = detail.id();
        ElementKind k = detail.kind();
        if (!detail.hasForm() || id == null) return;
        Scenario s = ctx.document().scenario();
        String why = EditCheck.whyNotRemove(s, detail.baseline().problems(s), k, id);
        if (why != null) {
            detail.setMessage(why, true);
            return;
        }
        int at = k.indexOf(s, id);
        detail.dropForm();
        ctx.document().edit("Remove " + k.noun() + " '" + id + "'", x -> x == s ? ModelEdits.remove(x, k, at) : x);
        detail.showSection(k);
        outline.select(k, null);
        detail.setMessage("Removed " + k.noun() + " '" + id + "'.", false);
    }
}
