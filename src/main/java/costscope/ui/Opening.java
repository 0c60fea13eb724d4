package costscope.ui;

import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import costscope.ui.files.AppState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * What the app opens at start, found and read on a thread of its own while the JavaFX toolkit starts (a core is
 * mostly idle then: the toolkit's start is one thread's work at a time): what the app remembers ({@link AppState}),
 * the file to open and that file read. The window takes them when it is built ({@link #choice}, normally long done)
 * and when it opens the file ({@link #reading}).
 */
final class Opening {
    /**
     * What is remembered, the file to open (null: none; a new scenario opens) and, when the theme follows the
     * system's, the system's answer being asked (null when a theme was chosen).
     */
    record Choice(AppState state, Path file, Future<costscope.ui.base.Theme> systemTheme) {
    }

    private final CompletableFuture<Choice> choice = new CompletableFuture<>();
    private final CompletableFuture<Scenario> reading = new CompletableFuture<>();

    private Opening() {
    }

    /**
     * Starts at once: {@code args} as the command line gave them (the first, if any, is the file), {@code store} the
     * remembered state's file (null: remember nothing), {@code appPath} the packaged launcher's path or null.
     */
    static Opening begin(List<String> args, Path store, String appPath) {
        return begin(args, store, appPath, costscope.ui.base.Theme::system);
    }

    /** As above, {@code systemTheme} asking the system's theme (a command: on a thread of its own). */
    static Opening begin(List<String> args, Path store, String appPath,
                         java.util.function.Supplier<costscope.ui.base.Theme> systemTheme) {
        Opening o = new Opening();
        daemon("costscope-opening", () -> o.find(args, store, appPath, systemTheme));
        return o;
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private void find(List<String> args, Path store, String appPath,
                      java.util.function.Supplier<costscope.ui.base.Theme> systemTheme) {
        Choice c;
        try {
            AppState state = new AppState(store);
            // no file named: the one open when the app last closed, else the sample
            Path last = state.lastFile();
            Path file = !args.isEmpty() ? Path.of(args.get(0)) : last != null && Files.isRegularFile(last) ? last
                    : CostscopeApp.defaultScenario(CostscopeApp.DEFAULT_SCENARIO, appPath);
            // the system's theme, when followed, is asked now, so the window's first frame has it (asked after the
            // show, a dark system's window showed light first, then turned dark)
            c = new Choice(state, file, state.followsSystemTheme() ? ask(systemTheme) : null);
        } catch (RuntimeException | Error e) {
            choice.completeExceptionally(e);
            reading.completeExceptionally(e);
            return;
        }
        choice.complete(c);
        if (c.file() == null) {
            reading.cancel(false);
            return;
        }
        try {
            reading.complete(ScenarioFiles.load(c.file()));
        } catch (Exception | Error e) {
            reading.completeExceptionally(e);
        }
    }

    private static Future<costscope.ui.base.Theme> ask(java.util.function.Supplier<costscope.ui.base.Theme> systemTheme) {
        return CompletableFuture.supplyAsync(systemTheme, r -> daemon("costscope-theme", r));
    }

    /** What is remembered and the file to open: waits for them (they take a few milliseconds). */
    Choice choice() {
        try {
            return choice.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while finding the file to open", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The chosen file's reading: its scenario, or why it could not be read (as File > Open would say). */
    Future<Scenario> reading() {
        return reading;
    }
}
