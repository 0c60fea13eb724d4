package costscope.ui.editor;

import costscope.model.Correlation;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.ui.base.AppContext;
import javafx.scene.control.Label;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The Model tab's page of the scenario's correlations (the outline's "Correlations" entry): a table of pairs of
 * uncertain drivers and their rank correlation, checked by {@link EditCheck#correlations}.
 */
final class CorrelationsPage extends TablePage {
    private final Label note = note();
    private final RowsEditor rows;

    CorrelationsPage(AppContext ctx, Baseline baseline, BiConsumer<String, Boolean> message, BiConsumer<Boolean, Boolean> buttons) {
        super(ctx, baseline, "correlations", message, buttons);
        Scenario s = ctx.document().scenario();
        Choices choices = choices(s);
        header("Correlations", "Monte Carlo draws each uncertain driver (a driver with a range) on its own, unless it is"
                + " correlated here: a rank correlation above 0 makes two drivers rise together, below 0 one rise as the"
                + " other falls. Each keeps its own distribution. The rank is from -1 to 1, not either end.");
        rows = new RowsEditor(RowsEditor.Mode.CORRELATIONS, choices, names, this::register, this::structure);
        root.getChildren().addAll(note, rows.node());
        loadQuietly(s);
    }

    /**
     * A row added or removed: committed at once, unless a row still waits for its rank (a new one): then the rank is
     * where the caret goes.
     */
    private void structure() {
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

    @Override
    protected void load(Scenario s, boolean keepMidEdit) {
        Choices c = choices(s);
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

    @Override
    protected List<FormField> fields() {
        return rows.fields();
    }

    @Override
    protected boolean rowsChanged() {
        return rows.changed();
    }

    @Override
    protected EditCheck.Result check(Scenario current, List<Problem> known) {
        return EditCheck.correlations(current, known, rows.values());
    }
}
