package costscope.ui.recalc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A task runner for tests: runs work at once, or, while holding, keeps it until the test finishes it in an order of
 * its choosing (newest first, to show that a late older result is dropped). A held task does its work and hands its
 * result over in one go, on the calling thread; with {@link #workAtOnce}, the work is done when it is handed in and
 * only the hand-off is held (as when two workers have both computed and finish out of order).
 */
public final class HoldingRunner implements TaskRunner {
    public boolean holding;
    public boolean workAtOnce;
    public final List<Runnable> held = new ArrayList<>();
    /** How many tasks were handed to this runner. */
    public int submitted;

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        submitted++;
        Runnable r = () -> TaskRunner.synchronous().run(work, onDone, onError);
        if (holding && workAtOnce) {
            try {
                T v = work.call();
                held.add(() -> onDone.accept(v));
            } catch (Exception e) {
                held.add(() -> onError.accept(e));
            }
        } else if (holding) held.add(r);
        else r.run();
    }

    /** Stops holding and finishes the held tasks, the newest first. */
    public void finishNewestFirst() {
        holding = false;
        List<Runnable> h = new ArrayList<>(held);
        held.clear();
        for (int i = h.size() - 1; i >= 0; i--) h.get(i).run();
    }

    /** Stops holding and finishes the held tasks in the order they came. */
    public void finishInOrder() {
        holding = false;
        List<Runnable> h = new ArrayList<>(held);
        held.clear();
        h.forEach(Runnable::run);
    }
}
