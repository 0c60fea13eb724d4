package costscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costscope.engine.CompiledScenario;
import costscope.engine.ScaleTable;
import costscope.export.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/** {@code table FILE}: every scale point side by side. */
@Command(name = "table", description = "Every scale point side by side, like the report.")
@FormatChoices({"text", "csv", "markdown", "json"})
final class TableCommand extends FormattedCommand {
    @Override
    void print(CompiledScenario c, PrintWriter out) {
        List<ScaleTable.Column> cols = ScaleTable.build(c);
        switch (format()) {
            case "csv" -> out.print(Reports.scalePointsPlain(cols).toCsv());
            case "markdown" -> out.print(Reports.scalePoints(cols).toMarkdown());
            case "json" -> {
                ArrayNode a = Json.MAPPER.createArrayNode();
                for (ScaleTable.Column col : cols) {
                    ObjectNode o = EvaluateCommand.json(col.results(), col.id());
                    o.put("label", col.label());
                    a.add(o);
                }
                out.println(Json.text(a));
            }
            default -> out.print(Reports.scalePoints(cols).toText());
        }
    }
}
