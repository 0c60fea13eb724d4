package costscope.ui.panels;

import costscope.engine.CompiledScenario;
import costscope.model.Driver;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.ui.document.ScenarioDocument;
import costscope.ui.editor.Draft;
import costscope.ui.editor.Drafts;
import costscope.ui.editor.EditCheck;
import costscope.ui.editor.ElementKind;
import costscope.ui.editor.FieldProblem;
import costscope.ui.editor.FormField;
import costscope.ui.editor.RangeFields;
import impl.org.controlsfx.skin.DecorationPane;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The range editor of the drivers panel: a popover under a driver's range button with the range's fields (the Model tab's
 * {@link RangeFields}), checked as you type by the Model tab's check ({@link EditCheck}: the engine's own messages, at
 * their fields), applied as one undoable edit of the document. Enter applies, Esc (or a click elsewhere) cancels, Clear
 * removes the range. One per panel, shown for one driver at a time. A plain popup that JavaFX keeps on the screen (a
 * ControlsFX PopOver, which puts itself back beside its anchor, fought that and spun the FX thread when the range grew
 * near the bottom of the screen).
 */
final class RangePopover {
    private final ScenarioDocument document;
    /** The popup and its form, built when first opened (not at start: the panel's rows need only the button). */
    private View view;
    private String driverId;
    private Node returnFocus;
    private boolean loading;
    /** The scenario the baseline problems are of, and those problems (normally none): only new problems are shown. */
    private Scenario baselineOf;
    private List<Problem> baseline = List.of();

    RangePopover(ScenarioDocument document) {
        this.document = document;
    }

    /** The popup, its form, message and buttons. */
    private final class View {
        final Popup popOver = new Popup();
        final DecorationPane decorations = new DecorationPane();
        final RangeFields fields;
        final Label title = new Label();
        final Label message = new Label();
        final Button apply = new Button("Apply");
        final Button clear = new Button("Clear range");
        final Button cancel = new Button("Cancel");

        View() {
            fields = new RangeFields(f -> {
                f.onChange(RangePopover.this::changed);
                f.onCommit(x -> changed());
            });
            title.getStyleClass().add("range-popover-title");
            message.getStyleClass().add("range-popover-message");
            message.setWrapText(true);
            message.managedProperty().bind(message.visibleProperty());
            message.setVisible(false);
            apply.setId("range-apply");
            apply.setDefaultButton(true);
            apply.setOnAction(e -> apply());
            clear.setId("range-clear");
            clear.getStyleClass().add("small-button");
            clear.setOnAction(e -> clear());
            cancel.setId("range-cancel");
            cancel.setCancelButton(true);
            cancel.setOnAction(e -> cancel());
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox buttons = new HBox(8, clear, gap, cancel, apply);
            buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            buttons.getStyleClass().add("range-popover-buttons");
            Label keys = new Label("Enter applies, Esc cancels");
            keys.getStyleClass().add("range-popover-keys");
            VBox content = new VBox(8, title, fields.node(), message, buttons, keys);
            content.getStyleClass().add("range-popover");
            content.setPrefWidth(330);
            // form decorations (the problem marks) need a decoration pane of their own in the popover's scene
            decorations.setRoot(content);
            decorations.getStyleClass().add("range-popover-frame");
            decorations.setId("range-popover");
            decorations.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getTarget() instanceof ComboBox<?> c && c.isShowing()) return;
                if (e.getCode() == KeyCode.ESCAPE) {
                    cancel();
                    e.consume();
                } else if (e.getCode() == KeyCode.ENTER && !(e.getTarget() instanceof Button)) {
                    apply();
                    e.consume();
                }
            });
            popOver.getContent().add(decorations);
            popOver.setAutoFix(true);
            popOver.setAutoHide(true);
            popOver.setHideOnEscape(false);
            popOver.setOnHidden(e -> restoreFocus());
        }
    }

    private View view() {
        if (view == null) view = new View();
        return view;
    }

    boolean isShowing() {
        return view != null && view.popOver.isShowing();
    }

    /** The id of the driver whose range is open, or null. */
    String driverId() {
        return isShowing() ? driverId : null;
    }

    /** Opens the range of driver {@code id} beside {@code anchor}; focus goes back to {@code from} when it closes. */
    void open(String id, Node anchor, Node from) {
        Driver d = document.scenario() == null ? null : document.scenario().driver(id);
        if (d == null || anchor.getScene() == null) return;
        View v = view();
        if (v.popOver.isShowing()) v.popOver.hide();
        driverId = id;
        returnFocus = from;
        v.title.setText("Range of " + d.label());
        load(d);
        // the window's stylesheets (theme tokens, the editor's field styles) in the popup too
        v.popOver.getScene().getStylesheets().setAll(anchor.getScene().getStylesheets());
        v.decorations.applyCss();
        double width = v.decorations.prefWidth(-1);
        // under the button, its right edge at the button's; JavaFX moves it up when it would leave the screen
        Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        v.popOver.show(anchor, b.getMaxX() - width, b.getMaxY() + 4);
        FormField first = v.fields.field(d.range() == null ? "range.distribution" : "range.low");
        first.control().requestFocus();
        if (first.control() instanceof TextInputControl t) t.selectAll();
    }

    private void load(Driver d) {
        View v = view();
        loading = true;
        try {
            Draft draft = Drafts.of(d);
            for (FormField f : v.fields.fields()) {
                f.load(draft.get(f.key()), false);
                f.show(null);
            }
        } finally {
            loading = false;
        }
        v.message.setVisible(false);
        v.apply.setDisable(true);
        v.clear.setDisable(d.range() == null);
    }

    /** The driver's draft with the range as the popover holds it. */
    private Draft draft(Driver d) {
        Draft base = Drafts.of(d);
        Map<String, String> texts = new LinkedHashMap<>(base.fields());
        for (FormField f : view().fields.fields()) texts.put(f.key(), f.text());
        return new Draft(base.kind(), texts, base.tiers(), base.effects());
    }

    private EditCheck.Result check() {
        Scenario s = document.scenario();
        Driver d = s == null || driverId == null ? null : s.driver(driverId);
        if (d == null) return null;
        if (baselineOf != s) {
            baselineOf = s;
            baseline = CompiledScenario.validate(s);
        }
        return EditCheck.check(s, baseline, ElementKind.DRIVER, driverId, draft(d));
    }

    /** Shows what is wrong at the fields (and what belongs to none below them); Apply only when there is nothing. */
    private EditCheck.Result changed() {
        if (loading || !isShowing()) return null;
        View v = view;
        EditCheck.Result r = check();
        if (r == null) {
            v.popOver.hide();
            return null;
        }
        List<String> other = new ArrayList<>(r.general());
        for (FieldProblem p : r.fields().values()) {
            if (v.fields.field(p.field()) == null) other.add(p.display());
        }
        for (FormField f : v.fields.fields()) f.show(r.fields().get(f.key()));
        List<String> lines = new ArrayList<>(other);
        if (other.isEmpty()) lines.addAll(r.notes());
        v.message.setText(String.join("\n", lines));
        v.message.getStyleClass().remove("range-popover-error");
        if (!other.isEmpty()) v.message.getStyleClass().add("range-popover-error");
        v.message.setVisible(!lines.isEmpty());
        v.apply.setDisable(!r.valid());
        return r;
    }

    /** Enter, Apply: the range into the document as one undoable edit, when it is valid; then close. */
    void apply() {
        EditCheck.Result r = changed();
        if (r == null) return;
        if (!r.valid()) {
            for (FormField f : view.fields.fields()) {
                if (f.hasProblem()) {
                    f.control().requestFocus();
                    f.reveal(r.fields().get(f.key()));
                    break;
                }
            }
            return;
        }
        if (r.changed()) {
            Scenario base = document.scenario();
            Scenario candidate = r.candidate();
            Driver after = candidate.driver(driverId);
            String what = after.range() == null ? "Clear range of " : base.driver(driverId).range() == null ? "Set range of "
                    : "Change range of ";
            document.edit(what + after.label(), x -> x == base ? candidate : x);
        }
        view.popOver.hide();
    }

    /** Clear: the driver without a range (and without its correlations), applied at once. */
    void clear() {
        view().fields.field("range.distribution").setText("");
        apply();
    }

    /** Esc, Cancel: close without a change. */
    void cancel() {
        if (view != null) view.popOver.hide();
    }

    private void restoreFocus() {
        Node to = returnFocus;
        returnFocus = null;
        if (to != null && to.getScene() != null && to.isVisible()) to.requestFocus();
    }

    /** For tests: the popover's content. */
    Node content() {
        return view().decorations;
    }

    /** For tests: a field of the popover ({@code range.low}). */
    FormField field(String key) {
        return view().fields.field(key);
    }

    Label message() {
        return view().message;
    }
}
