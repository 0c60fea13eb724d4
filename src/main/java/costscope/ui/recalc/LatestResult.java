package costscope.ui.recalc;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One view's background work, where the newest result wins: the one helper every background view uses, on top of
 * the {@link TaskRunner} hand-off. Requests are made on the FX thread and numbered in order; each is handed to the
 * runner at once.
 * <ul>
 *     <li>Work whose turn comes after a newer request was made is skipped, not computed: a slider drag that asks
 *     many times while one run is going costs one more run (the newest), not one per step.</li>
 *     <li>A result (or an error) lands, on the FX thread, only when no newer request's result has landed before it:
 *     a result finishing late, after a newer one, is dropped, whatever order the runner finishes work in.</li>
 *     <li>A result that lands while a newer request is still running is shown until the newer one lands.</li>
 * </ul>
 * Each view keeps one instance per kind of result it shows (a view showing two independent results keeps two).
 */
public final class LatestResult {
    private final TaskRunner tasks;
    /** The newest request (read by the workers to skip stale work). */
    private final AtomicLong requested = new AtomicLong();
    /** The newest request whose result or error has landed (FX thread only). */
    private long landed;

    public LatestResult(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /**
     * Requests {@code work} in the background; {@code onResult} or {@code onError} runs on the FX thread if it lands
     * (see the class comment), else nothing does.
     */
    public <T> void run(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        long request = requested.incrementAndGet();
        tasks.<Outcome<T>>run(() -> request == requested.get() ? new Outcome<>(work.call()) : null, o -> {
            if (o != null && lands(request)) onResult.accept(o.value());
        }, e -> {
            if (lands(request)) onError.accept(e);
        });
    }

    /** Whether the newest request has not landed yet (a result on show may be older than what was asked last). */
    public boolean busy() {
        return landed < requested.get();
    }

    private boolean lands(long request) {
        if (request <= landed) return false;
        landed = request;
        return true;
    }

    /** A computed result (null means skipped: a newer request came before its turn). */
    private record Outcome<T>(T value) {
    }
}
