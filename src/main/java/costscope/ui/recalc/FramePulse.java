package costscope.ui.recalc;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Schedules work for the next frame on the FX thread. Callers coalesce: many changes within one frame cause one
 * recalculation, so rapid slider events never queue up stale work. {@link #immediate()} runs at once, for tests.
 */
public interface FramePulse {
    void next(Runnable r);

    /**
     * Runs {@code r} on the FX thread once the next frame has been laid out: work that builds many nodes (a new
     * scenario's views) then has its CSS and layout done in a pulse of its own, instead of adding to the pulse of
     * the work before it. The default, and {@link #immediate()}, run it like {@link #next}.
     */
    default void afterNextFrame(Runnable r) {
        next(r);
    }

    static FramePulse fx() {
        return new FramePulse() {
            @Override
            public void next(Runnable r) {
                Platform.runLater(r);
            }

            @Override
            public void afterNextFrame(Runnable r) {
                // an animation timer runs at the start of the next pulse; what it posts runs after that pulse's CSS
                // and layout
                new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        stop();
                        Platform.runLater(r);
                    }
                }.start();
            }
        };
    }

    static FramePulse immediate() {
        return Runnable::run;
    }
}
