package costscope.ui.base;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The watchdog sees a freeze, whether the FX thread works or blocks through it, and says where it was. */
@ExtendWith(ApplicationExtension.class)
class FxWatchdogProbeTest {
    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 200, 100));
        stage.show();
    }

    /** Works for {@code millis} of CPU time (on a busy machine that takes longer). */
    static void spin(long millis) {
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long end = cpu.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        double x = 0;
        while (cpu.getCurrentThreadCpuTime() < end) for (int i = 0; i < 1000; i++) x += Math.sqrt(x + 1);
        if (x < 0) throw new AssertionError();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aBusyAndABlockedFxThreadAreBothPauses() throws Exception {
        FxWatchdog w = FxWatchdog.start();
        w.mark("quiet");
        Thread.sleep(150);
        w.mark("busy");
        Thread.sleep(30);
        Platform.runLater(() -> spin(300));
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
        w.mark("blocked");
        Thread.sleep(30);
        Platform.runLater(() -> sleep(300));
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
        w.mark("end");
        WaitForAsyncUtils.waitForFxEvents();
        // probes before the first mark count under ""
        List<FxWatchdog.Stats> stats = w.stop().stream().filter(s -> !s.action().isEmpty()).toList();
        assertEquals(List.of("quiet", "busy", "blocked", "end"), stats.stream().map(FxWatchdog.Stats::action).toList());
        FxWatchdog.Stats quiet = stats.get(0);
        FxWatchdog.Stats busy = stats.get(1);
        FxWatchdog.Stats blocked = stats.get(2);
        assertTrue(quiet.count() >= 3, "probes every 10 ms: " + quiet.count());
        assertTrue(busy.maxOwnMillis() > 200, "a 300 ms computation: " + busy.maxOwnMillis());
        assertTrue(busy.maxWaitMillis() >= busy.maxOwnMillis());
        assertTrue(busy.longestOwn().where().contains("FxWatchdogProbeTest.spin"), busy.longestOwn().where());
        assertTrue(blocked.maxOwnMillis() > 200, "a 300 ms sleep (no CPU) is a pause too: " + blocked.maxOwnMillis());
        assertTrue(blocked.longestOwn().where().contains("FxWatchdogProbeTest.sleep"), blocked.longestOwn().where());
    }

    @Test
    void whereNamesThePhaseAndTheInnermostCostscopeMethod() {
        StackTraceElement[] stack = {
                new StackTraceElement("javafx.scene.Node", "applyCss", null, 1),
                new StackTraceElement("costscope.ui.panels.DriverRow", "show", null, 2),
                new StackTraceElement("costscope.ui.panels.DriversPanelController", "rebuild", null, 3),
                new StackTraceElement("javafx.scene.Scene", "doLayoutPass", null, 4),
        };
        assertEquals("layout pass (DriverRow.show)", FxWatchdog.where(stack));
        assertEquals("idle", FxWatchdog.where(new StackTraceElement[0]));
    }
}
