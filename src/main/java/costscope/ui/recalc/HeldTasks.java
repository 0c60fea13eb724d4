package costscope.ui.recalc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A runner that keeps the work given to it until {@link #release()}, then hands it on to the runner it wraps in the
 * order given; after that, work is handed on at once. The app starts with its background work held until its first
 * frames are drawn, so that the audit, the scale table and the simulations do not compete for the CPU with the
 * window's first layout and paint (on two cores they took a fifth of the start). Runners made by {@link #separate}
 * are held and released with it.
 */
public final class HeldTasks implements TaskRunner {
    private final TaskRunner inner;
    private final Gate gate;

    public HeldTasks(TaskRunner inner) {
        this(inner, new Gate());
    }

    private HeldTasks(TaskRunner inner, Gate gate) {
        this.inner = inner;
        this.gate = gate;
    }

    /** The one switch of a runner and the runners made from it. */
    private static final class Gate {
        private List<Runnable> waiting = new ArrayList<>();

        /** Keeps {@code r} until the release and returns true; false (not kept) once released. */
        synchronized boolean keep(Runnable r) {
            if (waiting == null) return false;
            waiting.add(r);
            return true;
        }

        /** The next piece kept, in order; null (and open from then on) when none is left. */
        synchronized Runnable next() {
            if (waiting == null) return null;
            if (waiting.isEmpty()) {
                waiting = null;
                return null;
            }
            return waiting.remove(0);
        }

        synchronized void drop() {
            waiting = null;
        }

        synchronized boolean isOpen() {
            return waiting == null;
        }
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        Runnable handOn = () -> inner.run(work, onDone, onError);
        if (!gate.keep(handOn)) handOn.run();
    }

    /** Hands on the work kept so far, in order, and every later piece at once. Later calls do nothing. */
    public void release() {
        // one at a time: work given while these are handed on (by a synchronous runner's callbacks, say) is kept
        // behind them, so the order holds
        for (Runnable r = gate.next(); r != null; r = gate.next()) r.run();
    }

    /** Whether work is handed on at once. */
    public boolean released() {
        return gate.isOpen();
    }

    /** The runner this one wraps: work given to it is never held. */
    @Override
    public TaskRunner unheld() {
        return inner;
    }

    @Override
    public void shutdown() {
        gate.drop();   // the app is closing: what is still held never runs (a release after this does nothing)
        inner.shutdown();
    }

    @Override
    public TaskRunner separate(String name) {
        TaskRunner other = inner.separate(name);
        return other == inner ? this : new HeldTasks(other, gate);
    }
}
