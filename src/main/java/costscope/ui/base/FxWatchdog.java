package costscope.ui.base;

import javafx.application.Platform;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * How long the FX application thread keeps the user waiting. A daemon thread posts a probe to the FX thread
 * ({@code Platform.runLater}) every {@link #PERIOD_MILLIS} ms, one at a time, and records how long each probe waited
 * before it ran: the pause a click or a key press would have waited at that moment.
 * <p>
 * On a shared machine a pause is also time the FX thread was ready to run but had no processor. Where Linux tells (a
 * thread's {@code schedstat}), each probe also records the FX thread's CPU time during the pause and the run-queue
 * waits of the FX thread and of the JavaFX render thread (which a pulse waits for), and its <em>own</em> pause: the wait
 * less those run-queue waits and less the garbage collectors' pauses (recorded apart), but never less than the FX
 * thread's CPU time. That is about what the pause would be on an idle machine: the FX thread working, or blocked (on
 * the renderer, I/O, a lock), which is what the app's code decides. Elsewhere the own pause is the wait less the
 * collectors' pauses.
 * <p>
 * A probe that waits longer than {@link #SAMPLE_AFTER_MILLIS} has the FX thread's stack sampled every
 * {@link #SAMPLE_EVERY_MILLIS} ms until it runs, so a long pause says where the thread was: the JavaFX phase (CSS pass,
 * layout pass, waiting for rendering, an event or {@code runLater} task) and the innermost Costscope method.
 * <p>
 * Each probe counts under the action named by the latest {@link #mark} when it was posted ("billion-users|open"; ""
 * before the first).
 * For measuring (the UI tests, {@code bench-ui}); the app itself does not run one.
 */
public final class FxWatchdog {
    public static final long PERIOD_MILLIS = 10;
    public static final long SAMPLE_AFTER_MILLIS = 20;
    public static final long SAMPLE_EVERY_MILLIS = 3;

    /**
     * One probe: how long it waited (ms), the FX thread's CPU time meanwhile and the run-queue waits of the FX and render
     * threads (NaN when unknown),
     * and where the FX thread was (null when the wait was too short to sample).
     */
    public record Probe(double waitMillis, double cpuMillis, double runQueueMillis, double gcMillis, String where) {
        /**
         * The wait less the time the FX thread (or the render thread) was runnable but not running and less the
         * collectors' pauses (reported apart: on a busy machine their length is mostly their threads waiting for a
         * processor), and never less than the FX thread's CPU time: its work and its blocking.
         */
        public double ownMillis() {
            double rest = waitMillis - gcMillis - (Double.isNaN(runQueueMillis) ? 0 : runQueueMillis);
            return Double.isNaN(cpuMillis) ? Math.max(0, rest) : Math.max(cpuMillis, rest);
        }
    }

    /** The probes of one action, in order. */
    public record Stats(String action, List<Probe> probes) {
        public int count() {
            return probes.size();
        }

        /** The probe with the longest own pause (see {@link Probe#ownMillis()}), or null. */
        public Probe longestOwn() {
            return probes.stream().max(Comparator.comparingDouble(Probe::ownMillis)).orElse(null);
        }

        /** The probe that waited longest, or null. */
        public Probe longestWait() {
            return probes.stream().max(Comparator.comparingDouble(Probe::waitMillis)).orElse(null);
        }

        public double maxOwnMillis() {
            Probe p = longestOwn();
            return p == null ? 0 : p.ownMillis();
        }

        public double maxWaitMillis() {
            Probe p = longestWait();
            return p == null ? 0 : p.waitMillis();
        }

        /** Probes whose own pause was longer than {@code millis}. */
        public long ownOver(double millis) {
            return probes.stream().filter(p -> p.ownMillis() > millis).count();
        }

        /** The longest garbage-collector pause during one probe (ms). */
        public double maxGcMillis() {
            return probes.stream().mapToDouble(Probe::gcMillis).max().orElse(0);
        }

        /** Probes that waited longer than {@code millis}. */
        public long waitOver(double millis) {
            return probes.stream().filter(p -> p.waitMillis() > millis).count();
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Thread thread;
    private volatile boolean running = true;
    private volatile String action = "";
    private volatile Thread fxThread;
    /** The FX thread's schedstat file as other threads name it, or null when there is none. */
    private volatile Path fxSchedstat;
    /** The render thread's, or null. */
    private volatile Path renderSchedstat;
    /** Action to its probes, in the order the actions were first seen. */
    private final Map<String, List<Probe>> probes = new LinkedHashMap<>();
    private final AtomicLong recorded = new AtomicLong();
    private volatile double lastWait = Double.NaN;

    private FxWatchdog() {
        thread = new Thread(this::loop, "fx-watchdog");
        thread.setDaemon(true);
    }

    /** Starts watching the FX thread (the toolkit must be running); returns once the FX thread is known. */
    public static FxWatchdog start() {
        FxWatchdog w = new FxWatchdog();
        CountDownLatch known = new CountDownLatch(1);
        Platform.runLater(() -> {
            w.fxThread = Thread.currentThread();
            w.fxSchedstat = ownSchedstat();
            w.renderSchedstat = w.fxSchedstat == null ? null : renderSchedstat();
            known.countDown();
        });
        try {
            known.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        w.thread.start();
        return w;
    }

    /** From now on, probes count under {@code action}. Any thread. */
    public void mark(String action) {
        this.action = action;
    }

    /** Probes recorded so far. */
    public long probes() {
        return recorded.get();
    }

    /** How long the latest probe waited (ms); NaN before the first. */
    public double lastWaitMillis() {
        return lastWait;
    }

    /** Whether own pauses leave out the FX thread's run-queue waits (Linux), or are the whole waits. */
    public boolean knowsRunQueue() {
        return fxSchedstat != null;
    }

    /** Whether own pauses also leave out the render thread's run-queue waits. */
    public boolean knowsRenderer() {
        return renderSchedstat != null;
    }

    /** Stops watching and returns every action's probes, in the order the actions were first marked. */
    public List<Stats> stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (probes) {
            List<Stats> out = new ArrayList<>();
            for (var e : probes.entrySet()) out.add(new Stats(e.getKey(), List.copyOf(e.getValue())));
            return out;
        }
    }

    private void loop() {
        while (running) {
            String at = action;
            long[] ran = new long[5];
            long gcBefore = gcMillis();
            CountDownLatch done = new CountDownLatch(1);
            long[] before = sched(fxSchedstat);
            long[] renderBefore = sched(renderSchedstat);
            long cpuBefore = before == null ? fxCpu() : -1;
            long posted = System.nanoTime();
            try {
                Platform.runLater(() -> {
                    ran[0] = System.nanoTime();
                    long[] now = fxSchedstat == null ? null : sched(SELF);
                    ran[1] = now == null ? THREADS.getCurrentThreadCpuTime() : now[0];
                    ran[2] = now == null ? -1 : now[1];
                    long[] render = renderBefore == null ? null : sched(renderSchedstat);
                    ran[3] = render == null ? 0 : render[1] - renderBefore[1];
                    ran[4] = gcMillis();
                    done.countDown();
                });
            } catch (IllegalStateException toolkitGone) {
                return;
            }
            Map<String, Integer> samples = new HashMap<>();
            try {
                if (!done.await(SAMPLE_AFTER_MILLIS, TimeUnit.MILLISECONDS)) {
                    do sample(samples);
                    while (!done.await(SAMPLE_EVERY_MILLIS, TimeUnit.MILLISECONDS));
                }
            } catch (InterruptedException stopping) {
                return;
            }
            double cpu;
            double runQueue;
            if (before != null && ran[2] >= 0) {
                cpu = (ran[1] - before[0]) / 1e6;
                runQueue = (ran[2] - before[1] + ran[3]) / 1e6;
            } else {
                cpu = cpuBefore < 0 ? Double.NaN : (ran[1] - cpuBefore) / 1e6;
                runQueue = Double.NaN;
            }
            double gc = ran[4] - gcBefore;
            String where = summary(samples);
            if (gc > 0 && where != null) where = String.format(Locale.ROOT, "GC %.0f ms; %s", gc, where);
            Probe p = new Probe((ran[0] - posted) / 1e6, cpu, runQueue, gc, where);
            synchronized (probes) {
                probes.computeIfAbsent(at, k -> new ArrayList<>()).add(p);
            }
            lastWait = p.waitMillis();
            recorded.incrementAndGet();
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }

    private static final Path SELF = Path.of("/proc/thread-self/schedstat");

    /** The calling thread's schedstat as other threads can read it, or null when the system has none. */
    private static Path ownSchedstat() {
        try {
            if (sched(SELF) == null) return null;
            Path task = Files.readSymbolicLink(Path.of("/proc/thread-self")); // "PID/task/TID"
            Path p = Path.of("/proc").resolve(task).resolve("schedstat");
            return sched(p) == null ? null : p;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The JavaFX render thread's schedstat (its native name is "QuantumRenderer"), or null. */
    private static Path renderSchedstat() {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                String name = Files.readString(t.resolve("comm"), StandardCharsets.US_ASCII).trim();
                if (name.startsWith("QuantumRenderer")) {
                    Path p = t.resolve("schedstat");
                    return sched(p) == null ? null : p;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** A thread's time on a processor and waiting in the run queue so far (ns), or null when unknown. */
    private static long[] sched(Path schedstat) {
        if (schedstat == null) return null;
        try {
            String[] f = new String(Files.readAllBytes(schedstat), StandardCharsets.US_ASCII).trim().split("\\s+");
            if (f.length < 2) return null;
            long cpu = Long.parseLong(f[0]);
            long wait = Long.parseLong(f[1]);
            return cpu == 0 && wait == 0 ? null : new long[]{cpu, wait};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The collectors' total pause time so far (ms). */
    private static long gcMillis() {
        long t = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) t += Math.max(0, gc.getCollectionTime());
        return t;
    }

    private long fxCpu() {
        Thread fx = fxThread;
        return fx == null ? -1 : THREADS.getThreadCpuTime(fx.getId());
    }

    private void sample(Map<String, Integer> samples) {
        Thread fx = fxThread;
        if (fx != null) samples.merge(where(fx.getStackTrace()), 1, Integer::sum);
    }

    /** The two most frequent places among the samples, with their shares ("CSS pass 7/9; ..."); null when none were taken. */
    private static String summary(Map<String, Integer> samples) {
        if (samples.isEmpty()) return null;
        int total = samples.values().stream().mapToInt(Integer::intValue).sum();
        return samples.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(2)
                .map(e -> e.getKey() + " " + e.getValue() + "/" + total)
                .collect(Collectors.joining("; "));
    }

    /** Method names that place a stack in a JavaFX phase, innermost first. */
    private static final String[][] PHASES = {
            {"waitForRenderingToComplete", "waiting for rendering"},
            {"doCSSPass", "CSS pass"},
            {"doLayoutPass", "layout pass"},
            {"synchronizeSceneNodes", "scene sync"},
            {"load", "FXML loading", "javafx.fxml.FXMLLoader"},
            {"loadClass", "class loading"},
            {"dispatchEvent", "event"},
            {"runLater", "runLater task", "com.sun.javafx.application.PlatformImpl"},
    };

    /** Where a stack is: the JavaFX phase it is in, and its innermost Costscope method. */
    static String where(StackTraceElement[] stack) {
        String phase = null;
        String ours = null;
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            boolean watchdog = c.equals(FxWatchdog.class.getName()) || c.startsWith(FxWatchdog.class.getName() + "$");
            if (ours == null && c.startsWith("costscope.") && !watchdog && !c.contains("$$Lambda")) {
                ours = c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethodName();
            }
            if (phase == null) {
                for (String[] p : PHASES) {
                    if (f.getMethodName().contains(p[0]) && (p.length < 3 || f.getClassName().startsWith(p[2]))) {
                        phase = p[1];
                        break;
                    }
                }
            }
        }
        if (phase == null) phase = stack.length == 0 ? "idle" : "other";
        return String.format(Locale.ROOT, "%s%s", phase, ours == null ? "" : " (" + ours + ")");
    }
}
