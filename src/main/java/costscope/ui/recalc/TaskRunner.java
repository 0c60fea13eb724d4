package costscope.ui.recalc;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and hands the result back on it: the one hand-off point for background work.
 * {@link #synchronous()} runs everything on the calling thread, for tests.
 */
public interface TaskRunner {

    /** Runs {@code work} in the background, then {@code onDone} (or {@code onError}) on the FX thread. */
    <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError);

    /** Stops accepting work (the app is closing). */
    default void shutdown() {
    }

    /**
     * A runner of the same kind with a thread of its own, for long work that must not hold up the rest (Monte Carlo
     * behind a Save). A runner without threads (the synchronous one, tests' runners) returns itself.
     */
    default TaskRunner separate(String name) {
        return this;
    }

    /**
     * The runner for work the window's first frame needs (the system's theme): the same runner unless this one holds
     * its work at start ({@link HeldTasks}).
     */
    default TaskRunner unheld() {
        return this;
    }

    /** One daemon background thread; results are posted to the FX thread. */
    static TaskRunner background() {
        return background("costscope-worker");
    }

    /** One daemon background thread of that name; results are posted to the FX thread. */
    static TaskRunner background(String name) {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        return new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
                ex.submit(() -> {
                    try {
                        T v = work.call();
                        Platform.runLater(() -> onDone.accept(v));
                    } catch (Throwable e) {
                        Platform.runLater(() -> onError.accept(e));
                    }
                });
            }

            @Override
            public void shutdown() {
                ex.shutdownNow();
            }

            @Override
            public TaskRunner separate(String other) {
                return background(other);
            }
        };
    }

    /** Runs on the calling thread: deterministic tests without waiting. */
    static TaskRunner synchronous() {
        return new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
                T v;
                try {
                    v = work.call();
                } catch (Throwable e) {
                    onError.accept(e);
                    return;
                }
                onDone.accept(v);
            }
        };
    }
}
