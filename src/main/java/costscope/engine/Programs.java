package costscope.engine;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed programs: a list of steps made into one step whose calls the JIT compiler can inline ({@link ProgramTemplate}:
 * hidden copies of one class, the steps as their constants). What Monte Carlo runs per sample, where a loop over the
 * steps spends most of its time calling through a megamorphic call site. One per compiled model and list of steps
 * (kept, so the compiled code is reused from run to run); should a hidden class not be definable, the plain loop.
 */
final class Programs {
    /** The step that does nothing: fills a copy's unused places and ends the last copy. */
    static final CompiledScenario.Step NOTHING = s -> {
    };

    private static final byte[] TEMPLATE = template();

    private final Map<List<CompiledScenario.Step>, CompiledScenario.Step> fixed = new ConcurrentHashMap<>();

    /** The steps as one fixed program (the same object for the same steps). */
    CompiledScenario.Step of(CompiledScenario.Step[] steps) {
        return fixed.computeIfAbsent(List.of(steps), k -> define(steps));
    }

    /** The loop a fixed program replaces: the steps in order. */
    static CompiledScenario.Step loop(CompiledScenario.Step[] steps) {
        CompiledScenario.Step[] own = steps.clone();
        return s -> {
            for (CompiledScenario.Step step : own) step.run(s);
        };
    }

    private static CompiledScenario.Step define(CompiledScenario.Step[] steps) {
        if (TEMPLATE == null) return loop(steps);
        try {
            int size = ProgramTemplate.SIZE;
            CompiledScenario.Step next = NOTHING;
            for (int k = Math.max(1, (steps.length + size - 1) / size) - 1; k >= 0; k--) {   // the last stretch first
                int from = k * size;
                int to = Math.min(steps.length, from + size);
                CompiledScenario.Step[] data = new CompiledScenario.Step[size + 1];
                Arrays.fill(data, NOTHING);
                System.arraycopy(steps, from, data, 0, to - from);
                data[size] = next;
                Class<?> copy = MethodHandles.lookup().defineHiddenClassWithClassData(TEMPLATE, data, true).lookupClass();
                next = (CompiledScenario.Step) copy.getDeclaredConstructor().newInstance();
            }
            return next;
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            return loop(steps);
        }
    }

    /** The template's class file, from the class path or the runtime image; null when it cannot be read. */
    private static byte[] template() {
        try (InputStream in = ProgramTemplate.class.getResourceAsStream("ProgramTemplate.class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
