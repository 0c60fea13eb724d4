package costscope.cli;

import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.engine.ScaleTable;
import costscope.export.Reports;
import costscope.export.Table;
import costscope.files.AtomicFiles;
import costscope.files.Outputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code export-table FILE --table breakdown|scale-points|audit|timeline --format csv|markdown [--out PATH]}: the tables the
 * app exports, headless. CSV has plain numbers (no thousands separators) and a header row; Markdown is formatted
 * for reading. Without --out the table goes to standard output; with it, the file is written atomically.
 */
@Command(name = "export-table", description = "Export the breakdown, the scale-point table, the audit or the timeline as CSV or Markdown.")
@FormatChoices({"csv", "markdown"})
final class ExportTable extends FormattedCommand {
    @Option(names = "--table", required = true, description = "breakdown, scale-points, audit or timeline")
    String table;
    @Option(names = "--out", paramLabel = "PATH", description = "write to a file (atomically) instead of standard output")
    Path out;
    @Mixin
    StateOptions state;

    @Override
    void check() {
        if (!List.of("breakdown", "scale-points", "audit", "timeline").contains(table)) {
            throw bad("--table " + table + ": expected one of breakdown, scale-points, audit, timeline");
        }
    }

    @Override
    void print(CompiledScenario c, PrintWriter w) throws Exception {
        // before any work: the output must be writable, and not the scenario itself
        if (out != null) Outputs.check(out, file);
        Evaluator e = state.evaluator(file, c);
        boolean csv = format().equals("csv");
        String currency = c.scenario().currency();
        Table t = switch (table) {
            case "breakdown" -> Reports.breakdown(e.evaluateWithSavings());
            case "timeline" -> {
                if (c.scenario().timeline() == null) {
                    throw bad(file + ": " + costscope.engine.Months.NO_TIMELINE);
                }
                // month by month, a column per category (the timeline command groups by quarter or year)
                yield Reports.timeline(costscope.engine.Months.run(e), costscope.engine.Months.Period.MONTH, currency, true);
            }
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
            w.print(text);
        } else {
            write(out, text);
            w.println("wrote " + out);
        }
    }

    static void write(Path out, String text) throws java.io.IOException {
        AtomicFiles.write(out, text);
    }
}
