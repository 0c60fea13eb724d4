package costscope.ui.recalc;

import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.engine.MonteCarlo;
import costscope.engine.Sweep;
import costscope.model.Lever;
import costscope.model.Scenario;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Monte Carlo for the open scenario, live: whenever the results change (a slider, a lever, an edit) or the sample
 * count or seed does, the run in progress is cancelled (not queued) and a new one starts off the FX thread. Progressive:
 * a first estimate from {@link #FIRST_SAMPLES} samples lands at once, then the full count. Each {@link Snapshot} holds
 * the spread of the headline outputs at the current point, of each lever's saving, and the bands of the monthly total
 * and cost per user across the chart range. Null while the scenario has no driver with a range (or has problems).
 * Written only on the FX thread.
 */
public final class Simulations {
    /** Samples of the first estimate. */
    public static final int FIRST_SAMPLES = 1_000;
    /** Samples per point of the bands at most: 60 points of a million samples each would take a minute. */
    public static final int BAND_SAMPLES = 20_000;
    /** Points of the banded sweep across the chart range (the bands are drawn through them). */
    public static final int BAND_POINTS = 60;

    private final Recalculator recalc;
    private final TaskRunner tasks;
    private final IntegerProperty samples = new SimpleIntegerProperty(this, "samples", MonteCarlo.DEFAULT_SAMPLES);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", MonteCarlo.DEFAULT_SEED);
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    /** The name of the model the shown snapshot belongs to. */
    private String lastName;
    /** The newest run; older runs see it has moved on and stop. */
    private final AtomicLong generation = new AtomicLong();

    /**
     * One stage of a run. {@code spread}: the headline outputs ({@link #outputs}) at the current point;
     * {@code savings}: each lever's saving ({@code saving(ID)}, in the scenario's lever order), or null without levers;
     * {@code bands}: total and (when the model has users) cost per user over the chart range, or null without a range;
     * {@code complete}: false for the first estimate.
     */
    public record Snapshot(MonteCarlo.Result spread, MonteCarlo.Result savings, MonteCarlo.Bands bands, int samples,
                           long seed, boolean complete) {
        /** The spread of output {@code id} (a name from {@link #outputs}), or null. */
        public MonteCarlo.Spread of(String id) {
            for (MonteCarlo.Spread s : spread.outputs()) if (s.id().equals(id)) return s;
            return null;
        }

        /** The spread of a lever's saving, or null. */
        public MonteCarlo.Spread saving(String lever) {
            if (savings == null) return null;
            for (MonteCarlo.Spread s : savings.outputs()) if (s.id().equals("saving(" + lever + ")")) return s;
            return null;
        }

        /** The bands of output {@code id} ("total" or "costPerUser"), or null. */
        public MonteCarlo.Band band(String id) {
            if (bands == null) return null;
            for (MonteCarlo.Band b : bands.bands()) if (b.id().equals(id)) return b;
            return null;
        }
    }

    public Simulations(Recalculator recalc, TaskRunner tasks) {
        this.recalc = recalc;
        this.tasks = tasks;
        recalc.resultsProperty().addListener((o, a, b) -> restart());
        samples.addListener((o, a, b) -> restart());
        recalc.document().inGestureProperty().addListener((o, was, now) -> {
            if (!now) restart();   // the slider's release
        });
        seed.addListener((o, a, b) -> restart());
        restart();
    }

    /** The headline outputs simulated at the current point ({@link MonteCarlo#defaultOutputs}). */
    public static List<String> outputs(Scenario sc) {
        return MonteCarlo.defaultOutputs(sc);
    }

    /** Cancels the run in progress and starts one from the current state (FX thread). */
    public void restart() {
        long gen = generation.incrementAndGet();
        if (recalc.document().inGestureProperty().get() && snapshot.get() != null) {
            running.set(true);   // during a drag: the figures on show are marked stale; the run starts at the release
            return;
        }
        CompiledScenario c = recalc.compiledProperty().get();
        Scenario s = recalc.document().scenario();
        if (c == null || s == null || MonteCarlo.uncertain(c.scenario()).isEmpty() || recalc.results() == null) {
            snapshot.set(null);
            running.set(false);
            return;
        }
        Snapshot shown = snapshot.get();
        List<String> uncertain = MonteCarlo.uncertain(c.scenario()).stream().map(d -> d.id()).toList();
        if (shown != null && (!shown.spread().uncertain().equals(uncertain) || !c.scenario().name().equals(lastName))) {
            snapshot.set(null);   // another model: its figures must not show, even lighter, until this one's land
        }
        lastName = c.scenario().name();
        Evaluator at = c.newEvaluator(s);
        ChartRange range = ChartRange.of(s);   // the range property is set after the results
        int n = samples.get();
        long sd = seed.get();
        running.set(true);
        stage(gen, at, range, Math.min(FIRST_SAMPLES, n), sd, n <= FIRST_SAMPLES, () -> {
            if (n > FIRST_SAMPLES) stage(gen, at, range, n, sd, true, null);
        });
    }

    private void stage(long gen, Evaluator at, ChartRange range, int n, long sd, boolean last, Runnable next) {
        BooleanSupplier stale = () -> generation.get() != gen;
        // the first estimate on one thread, so a drag (which only ever gets first estimates) leaves a core to the FX
        // thread; the full count on every core but one, so the window stays smooth while it runs (on two cores, one)
        MonteCarlo.Options o = n <= FIRST_SAMPLES ? new MonteCarlo.Options(n, sd, 1) : MonteCarlo.Options.leavingACore(n, sd);
        tasks.run(() -> stale.getAsBoolean() ? null : compute(at, range, o, last, stale), snap -> {
            if (stale.getAsBoolean()) return;
            if (snap != null) snapshot.set(snap);
            if (last || snap == null) running.set(false);
            if (snap != null && next != null) next.run();
        }, e -> {
            if (stale.getAsBoolean()) return;
            snapshot.set(null);
            running.set(false);
        });
    }

    /** One stage, off the FX thread; null when cancelled. */
    static Snapshot compute(Evaluator at, ChartRange range, MonteCarlo.Options o, boolean complete, BooleanSupplier cancelled) {
        Scenario sc = at.compiled().scenario();
        MonteCarlo.Result spread = MonteCarlo.run(at, outputs(sc), o, cancelled);
        if (spread == null) return null;
        MonteCarlo.Result savings = null;
        if (!sc.levers().isEmpty()) {
            List<String> ids = sc.levers().stream().map(Lever::id).map(id -> "saving(" + id + ")").toList();
            savings = MonteCarlo.run(at, ids, o, cancelled);
            if (savings == null) return null;
        }
        MonteCarlo.Bands bands = null;
        if (range != null) {
            MonteCarlo.Options bo = o.samples() <= BAND_SAMPLES ? o : new MonteCarlo.Options(BAND_SAMPLES, o.seed(), o.threads());
            bands = bands(at, range, bo, cancelled);
            if (bands == null) return null;
        }
        return new Snapshot(spread, savings, bands, o.samples(), o.seed(), complete);
    }

    /**
     * The bands of the monthly total and (when the model has users) cost per user at {@link #BAND_POINTS} points across
     * {@code range}, from the state of {@code at}: what the range charts draw, in the app and in export-chart. Null
     * when cancelled. Any thread.
     */
    public static MonteCarlo.Bands bands(Evaluator at, ChartRange range, MonteCarlo.Options o, BooleanSupplier cancelled) {
        double[] points = Sweep.points(range.from(), range.to(), BAND_POINTS, range.log());
        return MonteCarlo.sweep(at, range.driver(), points, MonteCarlo.bandOutputs(at.compiled().scenario()), o, cancelled);
    }

    /** Samples of a full run (default {@link MonteCarlo#DEFAULT_SAMPLES}). */
    public IntegerProperty samplesProperty() {
        return samples;
    }

    /** The seed (default {@link MonteCarlo#DEFAULT_SEED}): the same seed gives the same bands. */
    public LongProperty seedProperty() {
        return seed;
    }

    /** The newest finished stage, or null (no uncertain driver, problems, or nothing finished yet). */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public Snapshot snapshot() {
        return snapshot.get();
    }

    /** Whether a run is in progress (the snapshot on show is a first estimate or stale). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
