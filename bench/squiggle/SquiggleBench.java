import costscope.engine.CompiledScenario;
import costscope.engine.MonteCarlo;
import costscope.export.SquiggleModel;
import costscope.files.ScenarioFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The Java side of the Squiggle comparison, run from source against the jar (nothing here is part of the build):
 *
 * <pre>
 * java -cp target/costscope.jar bench/squiggle/SquiggleBench.java translate SCENARIO.json OUT.sq
 * java -cp target/costscope.jar bench/squiggle/SquiggleBench.java simulate SCENARIO.json SAMPLES [THREADS] [RUNS]
 * </pre>
 *
 * {@code translate} writes costscope.export.SquiggleModel's program. {@code simulate} times MonteCarlo.run of the
 * total alone, in this JVM, as run.mjs times Squiggle: one untimed warm-up, then RUNS timed runs (default 5), seed 1,
 * THREADS threads (default 1); prints one JSON line like run.mjs's.
 */
public class SquiggleBench {
    public static void main(String[] a) throws Exception {
        if (a.length >= 3 && a[0].equals("translate")) {
            Files.writeString(Path.of(a[2]), SquiggleModel.of(ScenarioFiles.load(Path.of(a[1]))));
            return;
        }
        if (a.length < 3 || !a[0].equals("simulate")) {
            System.err.println("usage: SquiggleBench translate SCENARIO.json OUT.sq | simulate SCENARIO.json SAMPLES [THREADS] [RUNS]");
            System.exit(2);
        }
        CompiledScenario c = CompiledScenario.compile(ScenarioFiles.load(Path.of(a[1])));
        int samples = Integer.parseInt(a[2]);
        int threads = a.length > 3 ? Integer.parseInt(a[3]) : 1;
        int runs = a.length > 4 ? Integer.parseInt(a[4]) : 5;
        MonteCarlo.Options o = new MonteCarlo.Options(samples, MonteCarlo.DEFAULT_SEED, threads);
        List<String> outputs = List.of("total");
        MonteCarlo.run(c.newEvaluator(), outputs, o, () -> false);
        double[] millis = new double[runs];
        MonteCarlo.Result r = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r = MonteCarlo.run(c.newEvaluator(), outputs, o, () -> false);
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
        MonteCarlo.Spread total = r.outputs().get(0);
        StringBuilder ms = new StringBuilder();
        for (double m : millis) ms.append(ms.length() == 0 ? "" : ",").append(Math.round(m * 1000) / 1000.0);
        System.out.println("{\"samples\":" + samples + ",\"millis\":[" + ms + "],\"medianMillis\":" + Math.round(median * 1000) / 1000.0
                + ",\"mean\":" + total.mean() + ",\"p5\":" + total.p5() + ",\"p95\":" + total.p95() + ",\"runs\":" + runs
                + ",\"threads\":" + threads + "}");
    }
}
