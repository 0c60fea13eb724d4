package costscope.ui.recalc;

/**
 * Background work for a view, one run at a time (FX thread only): a request made while a run is going is remembered
 * and made once after it, so a slider drag queues one more run, not one per step; and a result older than the one on
 * show is dropped.
 */
public final class OneAtATime {
    private long requested;
    private long shown;
    private boolean running;
    private boolean pending;

    /** Starts a run: its generation, or -1 when a run is going (the request is then remembered, see {@link #takePending}). */
    public long begin() {
        long generation = ++requested;
        if (running) {
            pending = true;
            return -1;
        }
        running = true;
        return generation;
    }

    /** Ends the run of {@code generation}: true when its result is to be shown (no newer result is on show). */
    public boolean finish(long generation) {
        running = false;
        if (generation <= shown) return false;
        shown = generation;
        return true;
    }

    /** Whether a request came while the run was going (once: the caller makes it now). */
    public boolean takePending() {
        boolean p = pending;
        pending = false;
        return p;
    }
}
