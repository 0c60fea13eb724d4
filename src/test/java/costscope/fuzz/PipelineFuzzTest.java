package costscope.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline fuzzer: mutants of every sample scenario ({@link Mutator}: bytes, tokens, structure, generated
 * formulas) through the real pipeline ({@link Pipeline}: load, then a rejection whose every problem has a place, or
 * compile, evaluate and every report; for some cases the CLI in-process). Each case runs under a time limit on a
 * thread of its own, so a hang fails the test instead of the build.
 *
 * <p>Every case is drawn from one master seed; a failure prints the seed, the case and the mutation, writes the input
 * to {@code target/fuzz-failures/}, and says how to run that case alone. System properties:
 * <ul>
 * <li>{@code fuzz.cases}: how many cases (default {@value #DEFAULT_CASES}; the {@code fuzz} profile: 100,000)</li>
 * <li>{@code fuzz.seed}: the master seed (default {@value #DEFAULT_SEED}; {@code random} for a new one, printed)</li>
 * <li>{@code fuzz.case}: run only this case of the seed (reproducing a failure)</li>
 * <li>{@code fuzz.timeout}: seconds one case may take (default {@value #DEFAULT_TIMEOUT})</li>
 * </ul>
 */
class PipelineFuzzTest {
    static final int DEFAULT_CASES = 2500;
    static final long DEFAULT_SEED = 20_250_601L;
    static final int DEFAULT_TIMEOUT = 20;
    /** One case in this many also runs the CLI. */
    static final int CLI_EVERY = 8;
    /** Distinct failures shown in full. */
    private static final int SHOWN = 8;

    @Test
    void mutantsAreRejectedWithAPlaceOrRunThroughEveryReport(@TempDir Path dir) throws Exception {
        int cases = Integer.getInteger("fuzz.cases", DEFAULT_CASES);
        String seedText = System.getProperty("fuzz.seed", String.valueOf(DEFAULT_SEED)).trim();
        long master = seedText.equals("random") ? System.nanoTime() : Long.parseLong(seedText);
        String only = System.getProperty("fuzz.case", "").trim();
        int timeout = Integer.getInteger("fuzz.timeout", DEFAULT_TIMEOUT);
        int first = only.isEmpty() ? 0 : Integer.parseInt(only);
        int last = only.isEmpty() ? cases : first + 1;

        Run run = fuzz(master, first, last, timeout, dir);
        if (run.hang != null) fail(run.hang);
        if (!run.bySignature.isEmpty()) fail(run.failures());
        if (only.isEmpty() && run.ran >= 500) {
            // a fuzzer whose cases all load, or all fail to, tests little
            assertTrue(run.accepted >= run.ran / 20, "only " + run.accepted + " of " + run.ran + " cases were accepted");
            assertTrue(run.accepted <= run.ran - run.ran / 20,
                    run.accepted + " of " + run.ran + " cases were accepted: the mutations change little");
        }
    }

    /** The place checks can fail: a place without a where, an element the file does not have, a position past the formula. */
    @Test
    void thePlaceChecksCanFail() throws Exception {
        com.fasterxml.jackson.databind.JsonNode tree = Mutator.JSON.readTree(
                "{\"variables\": [{\"id\": \"a\", \"formula\": \"b + 1\"}]}");
        costscope.model.Place at = costscope.model.Place.element("variables", 0, "a").field("formula");
        assertTrue(Pipeline.wrongPlace(at.at(4), tree) == null);
        assertTrue(Pipeline.wrongPlace(at.at(6), tree) != null, "past the end of the formula");
        assertTrue(Pipeline.wrongPlace(costscope.model.Place.element("variables", 1, "a"), tree) != null, "no such element");
        assertTrue(Pipeline.wrongPlace(costscope.model.Place.element("variables", 0, "b"), tree) != null, "another id");
        assertTrue(Pipeline.hasPlace(at));
        assertTrue(!Pipeline.hasPlace(costscope.model.Place.file()));
        assertTrue(Pipeline.hasPlace(costscope.model.Place.file().atLine(3, 1)));
    }

    /** What a run found: cases run and accepted, failures by signature (the first of each in full), a hang. */
    static final class Run {
        final long master;
        int ran;
        int accepted;
        int failing;
        String hang;
        final Map<String, List<String>> bySignature = new LinkedHashMap<>();
        final Map<String, Integer> known = new LinkedHashMap<>();

        Run(long master) {
            this.master = master;
        }

        String failures() {
            StringBuilder b = new StringBuilder(failing + " of " + ran + " cases failed, " + bySignature.size()
                    + " distinct failures (master seed " + master + "):\n");
            int shown = 0;
            for (Map.Entry<String, List<String>> e : bySignature.entrySet()) {
                b.append("\n* ").append(e.getKey()).append(" (").append(e.getValue().size()).append(" cases)\n");
                if (shown++ < SHOWN) b.append(e.getValue().get(0)).append('\n');
            }
            return b.toString();
        }
    }

    /** Runs cases {@code first} to {@code last - 1} of the master seed, each on a thread of its own under a time limit. */
    static Run fuzz(long master, int first, int last, int timeout, Path dir) throws Exception {
        List<Mutator.Sample> samples = Mutator.samples();
        System.out.println("fuzz: master seed " + master + ", cases " + first + ".." + (last - 1) + ", " + samples.size()
                + " samples, " + timeout + " s per case");
        long start = System.nanoTime();
        Run run = new Run(master);
        ExecutorService exec = executor();
        Path caseDir = Files.createDirectories(dir.resolve("case"));
        try {
            for (int i = first; i < last; i++) {
                long seed = caseSeed(master, i);
                Random r = new Random(seed);
                Mutator.Sample sample = samples.get(r.nextInt(samples.size()));
                Mutator.Mutant m = new Mutator(r, sample).mutant();
                boolean cli = r.nextInt(CLI_EVERY) == 0;
                Future<Pipeline.Outcome> f = exec.submit(() -> Pipeline.run(m, caseDir, cli, r));
                Pipeline.Outcome o;
                try {
                    o = f.get(timeout, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    exec.shutdownNow();
                    run.hang = report(master, i, seed, m, cli, List.of("hang: the case ran longer than " + timeout + " s"));
                    break;
                } catch (ExecutionException e) {
                    o = new Pipeline.Outcome(false, List.of(new Pipeline.Failure("fuzzer", "the case threw " + e.getCause(), e.getCause())));
                }
                run.ran++;
                if (o.accepted()) run.accepted++;
                List<Pipeline.Failure> real = new ArrayList<>();
                for (Pipeline.Failure x : o.failures()) {
                    KnownBugs.Known k = KnownBugs.of(x);
                    if (k != null) run.known.merge(k.name(), 1, Integer::sum);
                    else real.add(x);
                }
                if (!real.isEmpty()) {
                    run.failing++;
                    List<String> seen = run.bySignature.computeIfAbsent(real.get(0).signature(), k -> new ArrayList<>());
                    if (seen.isEmpty() && run.bySignature.size() <= SHOWN) {
                        seen.add(report(master, i, seed, m, cli, real.stream().map(Pipeline.Failure::describe).toList()));
                    } else {
                        seen.add("case " + i);
                    }
                }
            }
        } finally {
            exec.shutdownNow();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("fuzz: " + run.ran + " cases in " + millis + " ms, " + run.accepted + " accepted, "
                + run.failing + " failing" + (run.hang != null ? ", stopped at a hang" : ""));
        run.known.forEach((k, n) -> System.out.println("fuzz: known bug " + k + " (allowed until fixed): " + n + " cases"));
        return run;
    }

    private static ExecutorService executor() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
    }

    /** The seed of case {@code i}: the master seed and the index, mixed (SplitMix64), so each case stands alone. */
    static long caseSeed(long master, int i) {
        long z = master + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The failure's report: seeds, the mutation, where the input was written, how to run the case alone. */
    private static String report(long master, int i, long seed, Mutator.Mutant m, boolean cli, List<String> failures) {
        Path out = Path.of("target", "fuzz-failures", master + "-" + i + ".json");
        String written;
        try {
            Files.createDirectories(out.getParent());
            Files.write(out, m.content());
            written = out.toString();
        } catch (IOException e) {
            written = "(not written: " + e + ")";
        }
        StringBuilder b = new StringBuilder();
        b.append("  case ").append(i).append(" of master seed ").append(master).append(" (case seed ").append(seed)
                .append("): ").append(m.kind()).append(" mutant of ").append(m.sample().name()).append(cli ? ", with the CLI" : "").append('\n');
        for (String c : m.changes()) b.append("    change: ").append(c).append('\n');
        b.append("    input: ").append(written);
        byte[] content = m.content();
        if (content.length < 2000) b.append(":\n").append(new String(content, StandardCharsets.UTF_8));
        else b.append("\n    where it differs, ").append(m.excerpt().replace("\n", "\n      "));
        b.append('\n');
        b.append("    rerun: mvn -B -o verify -Dtest=PipelineFuzzTest -Dfuzz.seed=").append(master).append(" -Dfuzz.case=").append(i).append('\n');
        for (String f : failures) b.append("    ").append(f.replace("\n", "\n    ")).append('\n');
        return b.toString();
    }
}
