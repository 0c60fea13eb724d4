package costscope.ui.editor;

import costscope.engine.Palette;
import costscope.model.Scenario;
import costscope.ui.base.AppContext;
import impl.org.controlsfx.skin.DecorationPane;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * The Model tab's detail pane: the form of the element selected (or its section's page), checked against the engine
 * on every keystroke with the fields that have problems marked, and committed as one undoable edit when it has none;
 * the message line and the Remove, Apply and Revert buttons below it. The form follows the document (undo, redo,
 * sliders) except in the field being typed in.
 */
final class ElementDetail {
    private final AppContext ctx;
    private final OutlineTree outline;
    private final Consumer<ElementKind> addToSection;
    private final Label message;
    private final Button removeButton;
    private final Button applyButton;
    private final Button revertButton;
    private final DecorationPane decorations = new DecorationPane();
    private final Baseline baseline = new Baseline();
    private ElementForm form;
    /** The page of a part that is not elements while it is shown (then {@code form} is null), and which. */
    private TablePage page;
    private ModelOutline.Page pageKind;
    private ElementKind kind;
    private String id;
    private int index;
    private boolean busy;

    /** @param addToSection adds an element of the kind shown (the section page's button) */
    ElementDetail(AppContext ctx, OutlineTree outline, ScrollPane formScroll, Label message, Button removeButton,
                  Button applyButton, Button revertButton, Consumer<ElementKind> addToSection) {
        this.ctx = ctx;
        this.outline = outline;
        this.message = message;
        this.removeButton = removeButton;
        this.applyButton = applyButton;
        this.revertButton = revertButton;
        this.addToSection = addToSection;
        decorations.getStyleClass().add("editor-form-host");
        formScroll.setContent(decorations);
    }

    ElementKind kind() {
        return kind;
    }

    /** The id of the element whose form is (or was last) open; null on a section page. */
    String id() {
        return id;
    }

    boolean hasForm() {
        return form != null;
    }

    int index() {
        return index;
    }

    Baseline baseline() {
        return baseline;
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
        page = null;
        form = new ElementForm(k, Choices.of(s), this::changed, this::commit);
        busy = true;
        try {
            form.load(Drafts.of(element), false);
            heading(element);
            decorations.setRoot(form.node());
            outline.select(k, elementId);
        } finally {
            busy = false;
        }
        setMessage("", false);
        buttons(false);
    }

    void showSection(ElementKind k) {
        kind = k;
        id = null;
        form = null;
        page = null;
        Scenario s = ctx.document().scenario();
        VBox page = ElementForm.sectionPage(k, s == null ? 0 : k.elements(s).size(), () -> addToSection.accept(k));
        decorations.setRoot(page);
        buttons(false);
    }

    /**
     * Shows the page of the scenario's correlations (with the drivers' Add) or of its timeline (with the line items'
     * Add).
     */
    void showPage(ModelOutline.Page which) {
        kind = which == ModelOutline.Page.CORRELATIONS ? ElementKind.DRIVER : ElementKind.ITEM;
        id = null;
        form = null;
        java.util.function.BiConsumer<Boolean, Boolean> enable = (apply, revert) -> {
            removeButton.setDisable(true);
            applyButton.setDisable(!apply);
            revertButton.setDisable(!revert);
        };
        pageKind = which;
        page = switch (which) {
            case CORRELATIONS -> new CorrelationsPage(ctx, baseline, this::setMessage, enable);
            case TIMELINE -> new TimelinePage(ctx, baseline, this::setMessage, enable);
        };
        decorations.setRoot(page.node());
        outline.select(which);
        setMessage("", false);
        buttons(false);
    }

    /** The page shown, or null while a form or a section is. */
    ModelOutline.Page page() {
        return page == null ? null : pageKind;
    }

    /** The form of the element just removed goes away without being committed. */
    void dropForm() {
        form = null;
    }

    /** A field of the open form (or of the page shown), or null without one. */
    FormField field(String key) {
        if (page != null) return page.field(key);
        return form == null ? null : form.field(key);
    }

    private void heading(Object element) {
        form.setTitle(kind.title() + "  " + id, ElementKind.label(element));
        if (kind == ElementKind.CATEGORY) form.setPaletteColor(Palette.color(index));
        summary();
    }

    void summary() {
        if (form != null) form.setSummary(Summaries.of(ctx.document().scenario(), ctx.recalc().results(), kind, id));
    }

    private void buttons(boolean canApply) {
        removeButton.setDisable(form == null);
        applyButton.setDisable(!canApply);
        revertButton.setDisable(form == null || !form.dirty());
    }

    void setMessage(String text, boolean error) {
        message.setText(text);
        message.getStyleClass().remove("editor-message-error");
        if (error && !text.isEmpty()) message.getStyleClass().add("editor-message-error");
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
        if (!r.general().isEmpty()) setMessage("This change would break the model: " + String.join("; ", r.general()), true);
        else setMessage(r.valid() && !r.notes().isEmpty() ? "Applying this: " + String.join("; ", r.notes()) + "." : "", false);
        buttons(r.valid() && r.changed());
    }

    /** Enter, leaving a field, a choice, Apply: commit the form if it is valid. */
    void commit(FormField source) {
        if (page != null) {
            page.commit(source);
            return;
        }
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
        setMessage(r.notes().isEmpty() ? "" : "Applied: " + String.join("; ", r.notes()) + ".", false);
    }

    /** Before the form goes away: apply what is valid, say what was dropped. */
    void commitPending() {
        if (page != null) page.commitPending();
        if (form == null || busy || !form.dirty()) return;
        EditCheck.Result r = check();
        if (r.valid() && r.changed()) commit(null);
        else if (!r.valid()) setMessage("Changes to " + kind.noun() + " '" + id + "' were not applied: they had problems.", true);
    }

    /** Revert: the form of the element as the model has it. */
    void revert() {
        if (page != null) page.revert();
        if (form != null) open(kind, id);
    }

    // --- following the document --------------------------------------------------------------------------------

    /** The document changed: the outline shows it, and the form follows its element, by id or else by place. */
    void follow(Scenario s) {
        busy = true;
        try {
            outline.show(s);
            if (s == null) {
                form = null;
                page = null;
                return;
            }
            if (page != null) {
                outline.select(pageKind);
                page.follow(s);
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
            heading(element);
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
}
