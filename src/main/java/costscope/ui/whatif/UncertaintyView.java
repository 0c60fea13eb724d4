package costscope.ui.whatif;

import costscope.engine.CompiledScenario;
import costscope.engine.MonteCarlo;
import costscope.formula.NumberInput;
import costscope.model.InputException;
import costscope.model.Scenario;
import costscope.ui.base.AppContext;
import costscope.ui.base.TextConverter;
import costscope.ui.base.WhenShowing;
import costscope.ui.charts.HistogramChart;
import costscope.ui.charts.InfluenceChart;
import costscope.ui.recalc.Simulations;
import costscope.whatif.Output;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The sensitivity view's uncertainty section: how uncertain the chosen output is when drivers have ranges. Its
 * histogram (value now, P10, P50, P90 marked), the drivers' influence on its spread, a caption with the figures, and the
 * app-wide sample count and seed ({@link Simulations}). Recomputed, off the FX thread and newest first
 * ({@link UncertaintyRuns}), when the results, the output, the sample count or the seed change, only while the view
 * shows; a run still going when the view is hidden is cancelled, and the view catches up when shown. Without a driver
 * with a range it shows a hint instead of empty charts.
 */
final class UncertaintyView {
    /** The sample counts offered (another count set elsewhere is offered too). */
    static final List<Integer> SAMPLE_CHOICES = List.of(1_000, 10_000, 100_000, 1_000_000);
    /** The largest seed typed: every whole number up to it is exact in a double. */
    static final long MAX_SEED = 1L << 53;
    private static final String INVALID = "invalid";
    private static final String SEED_TIP = "The random seed: the same seed and sample count give the same figures "
            + "(here, in simulate --seed and in the rest of the app). Enter applies";

    /** The section's nodes (from whatif_sensitivity.fxml). */
    record Nodes(SplitPane body, Node pane, Node charts, Label hint, ComboBox<Integer> samples, TextField seed,
                 ProgressIndicator progress, Label status, Label caption, Label histogramTitle,
                 HistogramChart histogram, Label influenceTitle, InfluenceChart influence) {
    }

    private final AppContext ctx;
    private final Nodes n;
    private final ObservableValue<Output> output;
    private final UncertaintyRuns runs;
    private final WhenShowing whenShowing;
    private final Set<Node> watched = Collections.newSetFromMap(new WeakHashMap<>());
    private boolean updatingSamples;
    private Uncertainty shown;
    private String currency = "USD";
    /** Where the divider between the tornado and this section was when the section was last taken out. */
    private double divider = 0.64;

    UncertaintyView(AppContext ctx, Node view, ObservableValue<Output> output, Nodes nodes) {
        this.ctx = ctx;
        this.n = nodes;
        this.output = output;
        this.runs = new UncertaintyRuns(ctx.tasks());
        Simulations sims = ctx.simulations();
        n.samples().setConverter(TextConverter.of(v -> String.format("%,d", v)));
        updateSampleChoices(sims.samplesProperty().get());
        n.samples().valueProperty().addListener((o, a, v) -> {
            if (!updatingSamples && v != null) sims.samplesProperty().set(v);
        });
        sims.samplesProperty().addListener((o, a, v) -> updateSampleChoices(v.intValue()));
        n.seed().setText(Long.toString(sims.seedProperty().get()));
        n.seed().setTooltip(new Tooltip(SEED_TIP));
        n.seed().setOnAction(e -> commitSeed());
        n.seed().focusedProperty().addListener((o, was, now) -> {
            if (!now) commitSeed();
        });
        n.seed().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                showSeed(sims.seedProperty().get());
                e.consume();
            }
        });
        n.seed().textProperty().addListener((o, a, t) -> markSeed(t));
        sims.seedProperty().addListener((o, a, v) -> showSeed(v.longValue()));
        n.influenceTitle().setText(UncertaintyText.INFLUENCE_TITLE);
        n.hint().setText(UncertaintyText.HINT);
        SplitPane.setResizableWithParent(n.pane(), false);
        n.body().getItems().remove(n.pane());

        whenShowing = new WhenShowing(view, this::compute);
        ctx.recalc().resultsProperty().addListener((o, a, r) -> whenShowing.changed());
        output.addListener((o, a, v) -> whenShowing.changed());
        sims.samplesProperty().addListener((o, a, v) -> whenShowing.changed());
        sims.seedProperty().addListener((o, a, v) -> whenShowing.changed());
        // hidden with a run going: cancel it, and catch up when shown
        view.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) watchHiding(view);
        });
        if (view.getScene() != null) watchHiding(view);
        whenShowing.changed();
    }

    private void watchHiding(Node view) {
        for (Node a = view; a != null; a = a.getParent()) {
            if (watched.add(a)) {
                a.visibleProperty().addListener((o, was, now) -> {
                    if (!now && runs.running()) {
                        runs.cancel();
                        showProgress();
                        whenShowing.changed();
                    }
                });
            }
        }
    }

    /** The sample counts offered, the current one selected (added when it is not one of the usual ones). */
    private void updateSampleChoices(int current) {
        List<Integer> items = new ArrayList<>(SAMPLE_CHOICES);
        if (!items.contains(current)) {
            items.add(current);
            Collections.sort(items);
        }
        updatingSamples = true;
        try {
            if (!items.equals(n.samples().getItems())) n.samples().getItems().setAll(items);
            n.samples().setValue(current);
        } finally {
            updatingSamples = false;
        }
    }

    /** A seed as typed: a whole number from 0 to 2^53 (read as every typed number is), or an InputException. */
    static long parseSeed(String text) {
        double v = NumberInput.parse(text);
        if (v != Math.rint(v) || v < 0 || v > MAX_SEED) {
            throw new InputException("seed " + text.trim() + ": expected a whole number from 0 to " + String.format("%,d", MAX_SEED));
        }
        return (long) v;
    }

    private void markSeed(String text) {
        try {
            parseSeed(text);
            n.seed().getStyleClass().remove(INVALID);
            n.seed().getTooltip().setText(SEED_TIP);
        } catch (InputException x) {
            if (!n.seed().getStyleClass().contains(INVALID)) n.seed().getStyleClass().add(INVALID);
            n.seed().getTooltip().setText(x.getMessage());
        }
    }

    private void commitSeed() {
        long v;
        try {
            v = parseSeed(n.seed().getText());
        } catch (InputException x) {
            return; // stays marked invalid
        }
        if (v == ctx.simulations().seedProperty().get()) showSeed(v);
        else ctx.simulations().seedProperty().set(v);
    }

    private void showSeed(long v) {
        n.seed().setText(Long.toString(v));
    }

    /** Starts a run for the current state (the view shows), or shows why there is none. */
    private void compute() {
        CompiledScenario c = ctx.recalc().compiledProperty().get();
        Scenario s = ctx.document().scenario();
        Output out = output.getValue();
        if (c == null || s == null || out == null || ctx.recalc().results() == null) {
            // no model, or one with problems: the tornado's message says why
            runs.cancel();
            shown = null;
            showSection(false, false);
            return;
        }
        if (!c.scenario().structure().equals(s.structure())) {
            return; // an edit the model is being recompiled for: its results come next, and a run with them
        }
        currency = s.currency();
        if (MonteCarlo.uncertain(c.scenario()).isEmpty()) {
            runs.cancel();
            shown = null;
            showSection(false, true);
            return;
        }
        showSection(true, false);
        int samples = ctx.simulations().samplesProperty().get();
        long seed = ctx.simulations().seedProperty().get();
        runs.start(c.newEvaluator(s), out, samples, seed, this::show, this::showError, this::showProgress);
        showProgress();
    }

    /**
     * The section beside the tornado (only while drivers have ranges: without, the tornado keeps the whole width) and
     * the hint in the header instead.
     */
    private void showSection(boolean on, boolean hint) {
        n.hint().setVisible(hint);
        n.hint().setManaged(hint);
        List<Node> items = n.body().getItems();
        if (on && !items.contains(n.pane())) {
            items.add(n.pane());
            n.body().setDividerPositions(divider);
        } else if (!on && items.contains(n.pane())) {
            divider = n.body().getDividerPositions()[0];
            items.remove(n.pane());
        }
        if (!on) {
            n.histogram().show(null, Double.NaN, null, currency, "");
            n.influence().show(List.of(), i -> "", "");
            showProgress();
        }
    }

    private void show(Uncertainty u) {
        shown = u;
        String label = u.output().label();
        n.caption().setText(UncertaintyText.caption(u, currency));
        n.caption().getStyleClass().remove("uncertainty-error");
        n.histogramTitle().setText(UncertaintyText.histogramTitle(label));
        if (u.finite()) {
            n.histogram().show(u.spread(), u.now(), u.output().format(), currency, UncertaintyText.histogramAccessible(u, currency));
        } else {
            n.histogram().show(null, Double.NaN, u.output().format(), currency, UncertaintyText.caption(u, currency));
        }
        n.influence().show(u.influence(), i -> UncertaintyText.influenceRow(i, label),
                UncertaintyText.influenceAccessible(label, u.influence()));
        n.charts().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("provisional"), !u.complete());
        showProgress();
    }

    private void showError(Throwable e) {
        shown = null;
        n.caption().setText("Cannot simulate: " + e.getMessage());
        if (!n.caption().getStyleClass().contains("uncertainty-error")) n.caption().getStyleClass().add("uncertainty-error");
        n.histogram().show(null, Double.NaN, null, currency, "");
        n.influence().show(List.of(), i -> "", "");
        showProgress();
    }

    private void showProgress() {
        boolean running = runs.running();
        n.progress().setVisible(running);
        String status = UncertaintyText.status(shown, running, ctx.simulations().samplesProperty().get());
        n.status().setText(status);
        n.status().setVisible(!status.isEmpty());
        n.status().setManaged(!status.isEmpty());
        n.progress().setAccessibleText(status);
    }

    /** The result on show (for tests). */
    Uncertainty shown() {
        return shown;
    }
}
