package costscope.ui.editor;

import costscope.engine.Palette;
import costscope.model.Scenario;
import costscope.ui.AppContext;
import impl.org.controlsfx.skin.DecorationPane;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;

/**
 * Controller of model_editor.fxml: the Model tab. A tree of the model's drivers, variables, line items, categories
 * and levers, and the form of the selected one. Every keystroke checks the form against the engine and marks the
 * fields with problems; Enter, leaving a field, a choice or Apply commits the form as one undoable edit, and only
 * when it has no problem. The form follows the document (undo, redo, sliders) except in the field being typed in.
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

    private final DecorationPane decorations = new DecorationPane();
    private OutlineTree outline;
    private ElementForm form;
    private ElementKind kind;
    private String id;
    private int index;
    private boolean busy;
    private final Baseline baseline = new Baseline();

    public ModelEditorController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        decorations.getStyleClass().add("editor-form-host");
        formScroll.setContent(decorations);
        outline = new OutlineTree(tree, this::selected);
        for (ElementKind k : ElementKind.values()) {
            MenuItem mi = new MenuItem(k.title());
            mi.setId("editor-add-" + k.name().toLowerCase());
            mi.setOnAction(e -> add(k));
            addButton.getItems().add(mi);
        }
        // while its tab is hidden the editor does no work on every frame of a drag; it catches up when shown
        costscope.ui.WhenShowing follow = new costscope.ui.WhenShowing(tree, () -> documentChanged(ctx.document().scenario()));
        costscope.ui.WhenShowing summarise = new costscope.ui.WhenShowing(tree, this::summary);
        ctx.document().scenarioProperty().addListener((o, a, s) -> follow.changed());
        ctx.recalc().resultsProperty().addListener((o, a, r) -> summarise.changed());
        documentChanged(ctx.document().scenario());
        showSection(ElementKind.ITEM);
    }

    // --- selection ---------------------------------------------------------------------------------------------

    private void selected(ModelOutline.Entry e) {
        commitPending();
        if (e == null) showSection(kind == null ? ElementKind.ITEM : kind);
        else if (e.isSection()) showSection(e.kind());
        else open(e.kind(), e.id());
    }

    /** Shows the form of an element. */
    void open(ElementKind k, String elementId) {
        Scenario s = ctx.document().scenario();
        Object element = s == null ? null : k.find(s, elementId);
        if (element == null) {
            showSection(k);
            return;
        }
        kind = k;
        id = elementId;
        index = k.indexOf(s, elementId);
        form = new ElementForm(k, Choices.of(s), this::changed, this::commit);
        busy = true;
        try {
            form.load(Drafts.of(element), false);
            heading(s, element);
            decorations.setRoot(form.node());
            outline.select(k, elementId);
        } finally {
            busy = false;
        }
        setMessage("", false);
        buttons(false);
    }

    private void showSection(ElementKind k) {
        kind = k;
        id = null;
        form = null;
        Scenario s = ctx.document().scenario();
        VBox page = ElementForm.sectionPage(k, s == null ? 0 : k.elements(s).size(), () -> add(k));
        decorations.setRoot(page);
        buttons(false);
    }

    private void heading(Scenario s, Object element) {
        form.setTitle(kind.title() + "  " + id, ElementKind.label(element));
        if (kind == ElementKind.CATEGORY) form.setPaletteColor(Palette.color(index));
        summary();
    }

    private void summary() {
        if (form != null) form.setSummary(Summaries.of(ctx.document().scenario(), ctx.recalc().results(), kind, id));
    }

    private void buttons(boolean canApply) {
        removeButton.setDisable(form == null);
        applyButton.setDisable(!canApply);
        revertButton.setDisable(form == null || !form.dirty());
    }

    // --- checking and committing -------------------------------------------------------------------------------

    private EditCheck.Result check() {
        Scenario s = ctx.document().scenario();
        return EditCheck.check(s, baseline.problems(s), kind, id, form.read());
    }

    /** The user typed: check the form and mark what is wrong. */
    private void changed() {
        if (busy || form == null) return;
        EditCheck.Result r = check();
        form.show(r);
        setMessage(r.general().isEmpty() ? "" : "This change would break the model: " + String.join("; ", r.general()), true);
        buttons(r.valid() && r.changed());
    }

    /** Enter, leaving a field, a choice, Apply: commit the form if it is valid. */
    private void commit(FormField source) {
        if (busy || form == null) return;
        EditCheck.Result r = check();
        form.show(r);
        if (!r.valid()) {
            setMessage("Not applied: " + (r.general().isEmpty() ? "fix the marked field" + (r.fields().size() == 1 ? "" : "s")
                    : String.join("; ", r.general())), true);
            FormField at = source != null && source.control().isFocused() && r.fields().containsKey(source.key()) ? source : null;
            if (source == null && !r.fields().isEmpty()) at = form.field(r.fields().keySet().iterator().next());
            if (at != null) at.reveal(r.fields().get(at.key()));
            buttons(false);
            return;
        }
        if (!r.changed()) {
            setMessage("", false);
            buttons(false);
            return;
        }
        Scenario base = ctx.document().scenario();
        Scenario candidate = r.candidate();
        Object element = kind.elements(candidate).get(index);
        id = ElementKind.id(element);
        ctx.document().edit("Edit " + ElementKind.label(element), s -> s == base ? candidate : s);
        setMessage("", false);
    }

    /** Before the form goes away: apply what is valid, say what was dropped. */
    private void commitPending() {
        if (form == null || busy || !form.dirty()) return;
        EditCheck.Result r = check();
        if (r.valid() && r.changed()) commit(null);
        else if (!r.valid()) setMessage("Changes to " + kind.noun() + " '" + id + "' were not applied: they had problems.", true);
    }

    @FXML
    private void onApply() {
        commit(null);
    }

    @FXML
    private void onRevert() {
        if (form != null) open(kind, id);
    }

    // --- add and remove ----------------------------------------------------------------------------------------

    void add(ElementKind k) {
        commitPending();
        Scenario s = ctx.document().scenario();
        if (s == null) return;
        int at = kind == k && id != null ? index + 1 : k.elements(s).size();
        EditCheck.Added added = EditCheck.add(s, k, kind == ElementKind.CATEGORY ? id : null, at);
        if (added.error() != null) {
            setMessage(added.error(), true);
            return;
        }
        ctx.document().edit("Add " + k.noun() + " '" + added.id() + "'", x -> x == s ? added.candidate() : x);
        open(k, added.id());
        setMessage("Added " + k.noun() + " '" + added.id() + "'.", false);
        if (form != null && form.field("label").control() instanceof TextInputControl t) {
            t.requestFocus();
            t.selectAll();
        }
    }

    @FXML
    private void onRemove() {
        if (form == null || id == null) return;
        Scenario s = ctx.document().scenario();
        String why = EditCheck.whyNotRemove(s, baseline.problems(s), kind, id);
        if (why != null) {
            setMessage(why, true);
            return;
        }
        int at = kind.indexOf(s, id);
        String gone = id;
        ElementKind k = kind;
        form = null;
        ctx.document().edit("Remove " + k.noun() + " '" + gone + "'", x -> x == s ? ModelEdits.remove(x, k, at) : x);
        showSection(k);
        outline.select(k, null);
        setMessage("Removed " + k.noun() + " '" + gone + "'.", false);
    }

    // --- following the document --------------------------------------------------------------------------------

    private void documentChanged(Scenario s) {
        busy = true;
        try {
            outline.show(s);
            if (s == null) {
                form = null;
                return;
            }
            if (form == null) {
                if (id == null && kind != null && decorations.getChildren().size() > 0) showSection(kind);
                return;
            }
            Object element = kind.find(s, id);
            if (element == null && index < kind.elements(s).size()) element = kind.elements(s).get(index);
            if (element == null) {
                showSection(kind);
                outline.select(kind, null);
                return;
            }
            id = ElementKind.id(element);
            index = kind.indexOf(s, id);
            form.setChoices(Choices.of(s));
            form.load(Drafts.of(element), true);
            heading(s, element);
            outline.select(kind, id);
        } finally {
            busy = false;
        }
        if (form.dirty()) {
            changed();
        } else {
            form.clearProblems();
            buttons(false);
        }
    }

    private void setMessage(String text, boolean error) {
        message.setText(text);
        message.getStyleClass().remove("editor-message-error");
        if (error && !text.isEmpty()) message.getStyleClass().add("editor-message-error");
    }
}
