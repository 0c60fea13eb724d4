package costscope.cli;

import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.engine.ScaleTable;
import costscope.export.Reports;
import costscope.export.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code export-table FILE --table breakdown|scale-points|audit --format csv|markdown [--out PATH]}: the tables the
 * app exports, headless. CSV has plain numbers (no thousands separators) and a header row; Markdown is formatted
 * for reading. Without --out the table goes to standard output; with it, the file is written atomically.
 */
@Command(name = "export-table", description = "Export the breakdown, the scale-point table or the audit as CSV or Markdown.")
final class ExportTable implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;
    @Option(names = "--table", required = true, description = "breakdown, scale-points or audit")
    String table;
    @Option(names = "--format", defaultValue = "csv", description = "csv or markdown (default ${DEFAULT-VALUE})")
    String format;
    @Option(names = "--out", paramLabel = "PATH", description = "write to a file (atomically) instead of standard output")
    Path out;
    @CommandLine.Mixin
    Cli.ContextMixin ctx;

    @Override
    public Integer call() throws Exception {
        Cli.checkFormat(file, format, "csv", "markdown");
        if (!List.of("breakdown", "scale-points", "audit").contains(table)) {
            throw new Cli.BadInput(file + ": --table " + table + ": expected one of breakdown, scale-points, audit");
        }
        CompiledScenario c = Cli.load(file);
        Evaluator e = ctx.apply(file, c);
        boolean csv = format.equals("csv");
        String currency = c.scenario().currency();
        Table t = switch (table) {
            case "breakdown" -> Reports.breakdown(e.evaluateWithSavings());
            case "scale-points" -> {
                List<ScaleTable.Column> cols = ScaleTable.build(e);
                yield csv ? Reports.scalePointsPlain(cols) : Reports.scalePoints(cols);
            }
            default -> {
                List<Audit.Line> lines = Audit.run(e);
                yield csv ? Reports.auditPlain(lines) : Reports.audit(lines, currency);
            }
        };
        String text = csv ? t.toCsv() : t.toMarkdown();
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
        } else {
            write(out, text);
            spec.commandLine().getOut().println("wrote " + out);
        }
        return 0;
    }

    static void write(Path out, String text) throws java.io.IOException {
        Path abs = out.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

}
