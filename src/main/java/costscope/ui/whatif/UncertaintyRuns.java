package costscope.ui.whatif;

import costscope.engine.Evaluator;
import costscope.ui.recalc.LatestResult;
import costscope.ui.recalc.Simulations;
import costscope.ui.recalc.TaskRunner;
import costscope.whatif.Output;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One view's uncertainty runs, progressive and newest-wins: {@link #start} cancels the run in progress (it stops at
 * its next block, not queued behind) and simulates first {@link Simulations#FIRST_SAMPLES} samples, then the full
 * count. Each stage goes through a {@link LatestResult}, so a stage finishing after a newer request's never lands; the
 * generation counter, read off the FX thread by the engine, cancels stale work. Calls are made on the FX thread.
 */
final class UncertaintyRuns {
    private final LatestResult latest;
    /** The newest run; older runs see it has moved on and stop. */
    private final AtomicLong generation = new AtomicLong();
    private boolean running;

    UncertaintyRuns(TaskRunner tasks) {
        this.latest = new LatestResult(tasks);
    }

    /**
     * Simulates {@code output} from {@code at} (a state no one changes afterwards): {@code onStage} gets the first
     * estimate and then the full run (complete), {@code onError} a failure, {@code onDone} is called once the run has
     * ended (its last stage landed or it failed), never for a run a newer one replaced.
     */
    void start(Evaluator at, Output output, int samples, long seed, Consumer<Uncertainty> onStage,
               Consumer<Throwable> onError, Runnable onDone) {
        long gen = generation.incrementAndGet();
        running = true;
        int first = Math.min(Simulations.FIRST_SAMPLES, samples);
        stage(gen, at, output, first, seed, first < samples ? samples : 0, new Callbacks(onStage, onError, onDone));
    }

    private record Callbacks(Consumer<Uncertainty> onStage, Consumer<Throwable> onError, Runnable onDone) {
    }

    /** One stage of {@code n} samples; {@code then}: the samples of the next stage, 0 when this is the last. */
    private void stage(long gen, Evaluator at, Output output, int n, long seed, int then, Callbacks cb) {
        BooleanSupplier stale = () -> generation.get() != gen;
        boolean last = then == 0;
        latest.run(() -> stale.getAsBoolean() ? null : Uncertainty.compute(at, output, n, seed, last, stale), u -> {
            if (u == null || stale.getAsBoolean()) return;
            cb.onStage().accept(u);
            if (last) {
                running = false;
                cb.onDone().run();
            } else {
                stage(gen, at, output, then, seed, 0, cb);
            }
        }, e -> {
            if (stale.getAsBoolean()) return;
            running = false;
            cb.onError().accept(e);
            cb.onDone().run();
        });
    }

    /** Cancels the run in progress (its results will not land). */
    void cancel() {
        generation.incrementAndGet();
        running = false;
    }

    /** Whether a run is in progress (started and neither finished, failed nor cancelled). */
    boolean running() {
        return running;
    }
}
