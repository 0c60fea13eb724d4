package costscope.ui.editor;

import costscope.model.Scenario;
import costscope.ui.base.AppContext;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * A Model tab page of a part of the scenario that is not a list of elements with ids (its correlations, its
 * timeline): fields and tables of rows, checked against the engine on every keystroke with the problems at their
 * fields, and committed as one undoable edit when it has none (Enter, leaving a field, a choice, adding or removing a
 * row, Apply). It follows the document except in the field being typed in. A page says what it shows
 * ({@link #load}), which fields it has and how its rows changed, and how it is checked ({@link #check}); the rest is
 * here.
 */
abstract class TablePage {
    protected final AppContext ctx;
    private final Baseline baseline;
    private final BiConsumer<String, Boolean> message;
    private final BiConsumer<Boolean, Boolean> buttons;
    protected final VBox root = new VBox(10);
    private final Label problems = new Label();
    private final String what;
    /** Ids to the text the page's choices show ("Registered users  (total_users)"), kept up to date by {@link #choices}. */
    protected final java.util.Map<String, String> names = new java.util.HashMap<>();
    private boolean busy;

    /**
     * @param what    what the page edits, for the undo list and messages ("correlations", "timeline")
     * @param message shows a message below the page (text, whether it is an error)
     * @param buttons enables Apply and Revert (can apply, has changes)
     */
    TablePage(AppContext ctx, Baseline baseline, String what, BiConsumer<String, Boolean> message,
              BiConsumer<Boolean, Boolean> buttons) {
        this.ctx = ctx;
        this.baseline = baseline;
        this.what = what;
        this.message = message;
        this.buttons = buttons;
        root.getStyleClass().add("element-form");
        root.setId("editor-" + what);
        problems.setWrapText(true);
        problems.getStyleClass().add("form-message");
        problems.setId("editor-form-message");
        problems.managedProperty().bind(problems.visibleProperty());
        problems.setVisible(false);
    }

    /** The page's title and its explanation, then the line of problems that belong to no field. */
    protected void header(String title, String explanation) {
        Label t = new Label(title);
        t.getStyleClass().add("form-title");
        t.setId("editor-form-title");
        Label text = new Label(explanation);
        text.setWrapText(true);
        text.getStyleClass().add("form-note");
        root.getChildren().addAll(t, text, problems);
    }

    /** A note that shows only while it has text. */
    protected static Label note() {
        Label note = new Label();
        note.setWrapText(true);
        note.getStyleClass().add("form-note");
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    VBox node() {
        return root;
    }

    /** What the scenario offers the page's choices; the names shown for them follow. */
    protected Choices choices(Scenario s) {
        Choices c = Choices.of(s);
        names.putAll(c.names());
        return c;
    }

    /** Shows the scenario; a field being typed in keeps its text when {@code keepMidEdit}. */
    protected abstract void load(Scenario s, boolean keepMidEdit);

    /** Every field of the page. */
    protected abstract List<FormField> fields();

    /** True when the user added or removed rows since the last load. */
    protected abstract boolean rowsChanged();

    /** The page checked against the document's scenario (whose own problems are {@code known}). */
    protected abstract EditCheck.Result check(Scenario current, List<costscope.model.Problem> known);

    /** A field of the page ({@code correlations[0].rank}, {@code months}), or null. */
    FormField field(String key) {
        return fields().stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }

    /** Call for every new field: a change is checked, Enter or leaving it commits. */
    protected void register(FormField f) {
        f.onChange(this::changed);
        f.onCommit(this::commit);
    }

    private boolean dirty() {
        return rowsChanged() || fields().stream().anyMatch(FormField::dirty);
    }

    private EditCheck.Result check() {
        Scenario s = ctx.document().scenario();
        return check(s, baseline.problems(s));
    }

    private void show(EditCheck.Result r) {
        for (FormField f : fields()) f.show(r == null ? null : r.fields().get(f.key()));
        List<String> general = r == null ? List.of() : r.general();
        problems.setText(String.join("\n", general));
        problems.setVisible(!general.isEmpty());
    }

    /** The user typed: check the page and mark what is wrong. */
    protected void changed() {
        if (busy) return;
        EditCheck.Result r = check();
        show(r);
        message.accept("", false);
        buttons.accept(r.valid() && r.changed(), dirty());
    }

    /** Commits the page when it is valid and differs from the model. */
    void commit(FormField source) {
        if (busy) return;
        EditCheck.Result r = check();
        show(r);
        if (!r.valid()) {
            message.accept("Not applied: " + (r.general().isEmpty() ? "fix the marked field" + (r.fields().size() == 1 ? "" : "s")
                    : String.join("; ", r.general())), true);
            FormField at = source != null && source.control().isFocused() && r.fields().containsKey(source.key()) ? source : null;
            if (at != null) at.reveal(r.fields().get(at.key()));
            buttons.accept(false, dirty());
            return;
        }
        if (!r.changed()) {
            buttons.accept(false, dirty());
            return;
        }
        Scenario base = ctx.document().scenario();
        Scenario candidate = r.candidate();
        ctx.document().edit("Edit " + what, x -> x == base ? candidate : x);
        message.accept("", false);
    }

    /** Before the page goes away: apply what is valid, say what was dropped. */
    void commitPending() {
        if (busy || !dirty()) return;
        EditCheck.Result r = check();
        if (r.valid() && r.changed()) commit(null);
        else if (!r.valid()) message.accept("Changes to the " + what + " were not applied: they had problems.", true);
    }

    /** The page as the model has it. */
    void revert() {
        busy = true;
        try {
            load(ctx.document().scenario(), false);
        } finally {
            busy = false;
        }
        show(null);
        message.accept("", false);
        buttons.accept(false, false);
    }

    /** The document changed: the page shows it, but for the field being typed in. */
    void follow(Scenario s) {
        busy = true;
        try {
            load(s, true);
        } finally {
            busy = false;
        }
        if (dirty()) {
            changed();
        } else {
            show(null);
            buttons.accept(false, false);
        }
    }

    /** Loads without reporting changes (for a page's constructor). */
    protected void loadQuietly(Scenario s) {
        busy = true;
        try {
            load(s, false);
        } finally {
            busy = false;
        }
    }
}
