package costscope.ui.recalc;

import javafx.application.Platform;

/**
 * Schedules work for the next frame on the FX thread. Callers coalesce: many changes within one frame cause one
 * recalculation, so rapid slider events never queue up stale work. {@link #immediate()} runs at once, for tests.
 */
public interface FramePulse {
    void next(Runnable r);

    static FramePulse fx() {
        return Platform::runLater;
    }

    static FramePulse immediate() {
        return Runnable::run;
    }
}
