package costscope.ui.editor;

import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.Timeline;
import costscope.ui.base.AppContext;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The Model tab's page of the scenario's timeline (the outline's "Timeline" entry): its months and first calendar
 * month, a table of paths (how drivers move over the months) and one of events (what happens at a month), read by
 * {@link TimelineDraft} and checked by {@link EditCheck#timeline}. Blank months with no paths or events is no timeline;
 * adding a path or an event to a scenario without one starts a timeline of {@value TimelineDraft#DEFAULT_MONTHS} months.
 */
final class TimelinePage extends TablePage {
    private final Label note = note();
    private final FormField months = FormField.text("months", "e.g. 36");
    private final FormField start = FormField.text("start", "e.g. 2026-01 (optional)");
    private final RowsEditor paths;
    private final RowsEditor events;

    TimelinePage(AppContext ctx, Baseline baseline, BiConsumer<String, Boolean> message, BiConsumer<Boolean, Boolean> buttons) {
        super(ctx, baseline, "timeline", message, buttons);
        Scenario s = ctx.document().scenario();
        Choices choices = choices(s);
        header("Timeline", "Months are numbered from 0, the first month. A month's cash is the balance after that month's"
                + " costs, revenue and events; an event lasts from its month on. Drivers without a path keep their"
                + " slider's value in every month, so the sliders still move the whole timeline.");
        months.control().setAccessibleText("Months of the timeline");
        months.setHint("How many months the timeline shows, 1 to " + Timeline.MAX_MONTHS + " (60 is five years)."
                + " Clear it, with no paths or events, for no timeline.");
        start.control().setAccessibleText("First calendar month of the timeline");
        start.setHint("The calendar month of month 0, as YYYY-MM (\"2026-01\"); leave it blank to number months only.");
        register(months);
        register(start);
        GridPane top = new GridPane();
        top.setHgap(8);
        top.setVgap(4);
        top.getStyleClass().add("rows-table");
        Label ml = new Label("Months");
        Label sl = new Label("Starts");
        ml.getStyleClass().add("rows-header");
        sl.getStyleClass().add("rows-header");
        top.add(ml, 0, 0);
        top.add(sl, 1, 0);
        top.add(months.cell(), 0, 1);
        top.add(start.cell(), 1, 1);
        months.cell().setPrefWidth(130);
        start.cell().setPrefWidth(200);
        paths = new RowsEditor(RowsEditor.Mode.PATHS, choices, names, this::register, () -> structure("paths"));
        events = new RowsEditor(RowsEditor.Mode.EVENTS, choices, names, this::register, () -> structure("events"));
        root.getChildren().addAll(note, top, section("Paths", "How drivers move over the months."), paths.node(),
                section("Events", "Levers switched, a variant applied, a one-off cost paid or funding received, from a month on."),
                events.node());
        loadQuietly(s);
    }

    private static Label section(String title, String tooltip) {
        Label l = new Label(title);
        l.getStyleClass().add("form-section");
        l.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        return l;
    }

    @Override
    protected void register(FormField f) {
        super.register(f);
        if (f.key().endsWith(".how")) {
            f.onChange(() -> {
                paths.howChanged(f);
                changed();
            });
        }
    }

    /**
     * A row added or removed: a timeline starts with {@value TimelineDraft#DEFAULT_MONTHS} months when it had none;
     * committed at once unless the new row still waits for something (its rate, what happens): the caret goes there.
     */
    private void structure(String which) {
        if (months.text().isBlank() && (paths.rows() > 0 || events.rows() > 0)) months.setText(String.valueOf(TimelineDraft.DEFAULT_MONTHS));
        changed();
        RowsEditor rows = which.equals("paths") ? paths : events;
        List<List<String>> values = rows.values();
        if (!values.isEmpty()) {
            int last = values.size() - 1;
            FormField waiting = which.equals("paths") ? (values.get(last).get(2).isBlank() ? rows.field(last, "value") : null)
                    : checkNow().fields().containsKey("events[" + last + "].levers") ? rows.field(last, "label") : null;
            if (waiting != null) {
                waiting.control().requestFocus();
                if (waiting.control() instanceof javafx.scene.control.TextInputControl t) t.selectAll();
                return;
            }
        }
        commit(null);
    }

    /** The page checked now (for where the caret goes; the model's own problems do not matter there). */
    private EditCheck.Result checkNow() {
        return check(ctx.document().scenario(), List.of());
    }

    @Override
    protected void load(Scenario s, boolean keepMidEdit) {
        Choices c = choices(s);
        paths.setChoices(c);
        events.setChoices(c);
        TimelineDraft.Rows r = TimelineDraft.of(s.timeline());
        months.load(r.months(), keepMidEdit);
        start.load(r.start(), keepMidEdit);
        paths.load(r.paths(), keepMidEdit);
        events.load(r.events(), keepMidEdit);
        note.setText(s.timeline() == null ? "No timeline yet: type its months (e.g. 36), or add a path or an event to"
                + " start one of " + TimelineDraft.DEFAULT_MONTHS + " months." : "");
        note.setVisible(!note.getText().isEmpty());
    }

    @Override
    protected List<FormField> fields() {
        List<FormField> out = new ArrayList<>();
        out.add(months);
        out.add(start);
        out.addAll(paths.fields());
        out.addAll(events.fields());
        return out;
    }

    @Override
    protected boolean rowsChanged() {
        return paths.changed() || events.changed();
    }

    @Override
    protected EditCheck.Result check(Scenario current, List<Problem> known) {
        return EditCheck.timeline(current, known, new TimelineDraft.Rows(months.text(), start.text(), paths.values(), events.values()));
    }
}
