package costscope.ui.editor;

import costscope.model.Correlation;
import costscope.model.Scenario;
import costscope.ui.base.AppContext;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The Model tab's page of the scenario's correlations (the outline's "Correlations" entry): a table of pairs of
 * uncertain drivers and their rank correlation, checked against the engine on every keystroke with the problems at
 * their fields ({@link EditCheck#correlations}), and committed as one undoable edit when it has none (Enter, leaving a
 * field, picking a driver, adding or removing a row, Apply). It follows the document except in the field being typed in.
 */
final class CorrelationsPage {
    private final AppContext ctx;
    private final Baseline baseline;
    private final BiConsumer<String, Boolean> message;
    private final BiConsumer<Boolean, Boolean> buttons;
    private final VBox root = new VBox(10);
    private final Label note = new Label();
    private final Label problems = new Label();
    private final Map<String, String> names = new HashMap<>();
    private final RowsEditor rows;
    private boolean busy;

    /**
     * @param message shows a message below the page (text, whether it is an error)
     * @param buttons enables Apply and Revert (can apply, has changes)
     */
    CorrelationsPage(AppContext ctx, Baseline baseline, BiConsumer<String, Boolean> message, BiConsumer<Boolean, Boolean> buttons) {
        this.ctx = ctx;
        this.baseline = baseline;
        this.message = message;
        this.buttons = buttons;
        Scenario s = ctx.document().scenario();
        Choices choices = Choices.of(s);
        names.putAll(choices.names());
        Label title = new Label("Correlations");
        title.getStyleClass().add("form-title");
        title.setId("editor-form-title");
        Label text = new Label("Monte Carlo draws each uncertain driver (a driver with a range) on its own, unless it is"
                + " correlated here: a rank correlation above 0 makes two drivers rise together, below 0 one rise as the"
                + " other falls. Each keeps its own distribution. The rank is from -1 to 1, not either end.");
        text.setWrapText(true);
        text.getStyleClass().add("form-note");
        note.setWrapText(true);
        note.getStyleClass().add("form-note");
        note.managedProperty().bind(note.visibleProperty());
        problems.setWrapText(true);
        problems.getStyleClass().add("form-message");
        problems.setId("editor-form-message");
        problems.managedProperty().bind(problems.visibleProperty());
        problems.setVisible(false);
        rows = new RowsEditor(RowsEditor.Mode.CORRELATIONS, choices, names, this::register, this::rowsChanged);
        root.getChildren().addAll(title, text, note, problems, rows.node());
        root.getStyleClass().add("element-form");
        root.setId("editor-correlations");
        load(s, false);
    }

    VBox node() {
        return root;
    }

    /** A field of the table ({@code correlations[0].rank}), or null. */
    FormField field(String key) {
        return rows.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }

    private void register(FormField f) {
        f.onChange(this::changed);
        f.onCommit(this::commit);
    }

    /**
     * A row added or removed: committed at once, unless a row still waits for its rank (a new one): then the rank is
     * where the caret goes.
     */
    private void rowsChanged() {
        changed();
        List<List<String>> values = rows.values();
        for (int r = 0; r < values.size(); r++) {
            if (values.get(r).get(2).isBlank()) {
                rows.field(r, "rank").control().requestFocus();
                return;
            }
        }
        commit(null);
    }

    private void load(Scenario s, boolean keepMidEdit) {
        Choices c = Choices.of(s);
        names.putAll(c.names());
        rows.setChoices(c);
        List<List<String>> values = new ArrayList<>();
        for (Correlation cor : s.correlations()) {
            List<String> between = cor.between();
            values.add(List.of(between.size() > 0 ? between.get(0) : "", between.size() > 1 ? between.get(1) : "",
                    Drafts.plain(cor.rank())));
        }
        rows.load(values, keepMidEdit);
        int n = c.uncertain().size();
        note.setText(n >= 2 ? "" : n == 1 ? "Only one driver has a range: give another one a range to correlate them."
                : "No driver has a range yet: give drivers a range (on their form, or with the \u00b1 beside their slider) to correlate them.");
        note.setVisible(!note.getText().isEmpty());
    }

    private boolean dirty() {
        return rows.changed() || rows.fields().stream().anyMatch(FormField::dirty);
    }

    private EditCheck.Result check() {
        Scenario s = ctx.document().scenario();
        return EditCheck.correlations(s, baseline.problems(s), rows.values());
    }

    private void show(EditCheck.Result r) {
        for (FormField f : rows.fields()) f.show(r == null ? null : r.fields().get(f.key()));
        List<String> general = r == null ? List.of() : r.general();
        problems.setText(String.join("\n", general));
        problems.setVisible(!general.isEmpty());
    }

    private void changed() {
        if (busy) return;
        EditCheck.Result r = check();
        show(r);
        message.accept("", false);
        buttons.accept(r.valid() && r.changed(), dirty());
    }

    /** Commits the table when it is valid and differs from the model. */
    void commit(FormField source) {
        if (busy) return;
        EditCheck.Result r = check();
        show(r);
        if (!r.valid()) {
            message.accept("Not applied: " + (r.general().isEmpty() ? "fix the marked field" + (r.fields().size() == 1 ? "" : "s")
                    : String.join("; ", r.general())), true);
            buttons.accept(false, dirty());
            return;
        }
        if (!r.changed()) {
            buttons.accept(false, dirty());
            return;
        }
        Scenario base = ctx.document().scenario();
        Scenario candidate = r.candidate();
        ctx.document().edit("Edit correlations", x -> x == base ? candidate : x);
        message.accept("", false);
    }

    /** Before the page goes away: apply what is valid, say what was dropped. */
    void commitPending() {
        if (busy || !dirty()) return;
        EditCheck.Result r = check();
        if (r.valid() && r.changed()) commit(null);
        else if (!r.valid()) message.accept("Changes to the correlations were not applied: they had problems.", true);
    }

    /** The table as the model has it. */
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

    /** The document changed: the table shows it, but for the field being typed in. */
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
}
