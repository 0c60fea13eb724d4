package costscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costscope.engine.CompiledScenario;
import costscope.export.SquiggleModel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Squiggle on the same model, for {@code bench --squiggle}: the scenario's {@link SquiggleModel} program run by
 * {@code bench/squiggle/run.mjs} (one warm-up, median of 5 runs, in one node process). When it cannot run, the figure
 * is {@code {"skipped": why}}: no node on the PATH, no bench/squiggle/node_modules, a model Squiggle cannot express, or
 * Squiggle's own error.
 */
final class SquiggleRun {
    static final Path DIR = Path.of("bench", "squiggle");
    private static final long TIMEOUT_MINUTES = 10;

    private SquiggleRun() {
    }

    static ObjectNode measure(CompiledScenario c, int samples) throws Exception {
        ObjectNode j = Json.object();
        Path node = onPath("node");
        if (node == null) return skipped(j, "node is not on the PATH");
        if (!Files.isDirectory(DIR.resolve("node_modules").resolve("@quri").resolve("squiggle-lang"))) {
            return skipped(j, "no " + DIR.resolve("node_modules") + ": run npm ci in " + DIR);
        }
        String program;
        try {
            program = SquiggleModel.of(c);
        } catch (UnsupportedOperationException e) {
            return skipped(j, "Squiggle cannot express " + e.getMessage());
        }
        Path sq = Files.createTempFile("costscope-", ".sq");
        Path err = Files.createTempFile("costscope-", ".err");
        try {
            Files.writeString(sq, program);
            Process p = new ProcessBuilder(node.toString(), DIR.resolve("run.mjs").toString(), sq.toString(),
                    Integer.toString(samples))
                    .redirectError(err.toFile()).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return skipped(j, "Squiggle took more than " + TIMEOUT_MINUTES + " minutes");
            }
            if (p.exitValue() != 0) return skipped(j, "Squiggle failed: " + Files.readString(err).strip());
            JsonNode r = Json.MAPPER.readTree(out);
            for (String k : new String[]{"squiggle", "samples", "medianMillis", "millis", "mean", "p5", "p95"}) j.set(k, r.get(k));
            return j;
        } finally {
            Files.deleteIfExists(sq);
            Files.deleteIfExists(err);
        }
    }

    private static ObjectNode skipped(ObjectNode j, String why) {
        j.put("skipped", why);
        return j;
    }

    /** An executable of that name in a folder of the PATH, or null. */
    static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path f = Path.of(dir, name);
            if (Files.isRegularFile(f) && Files.isExecutable(f)) return f;
        }
        return null;
    }
}
