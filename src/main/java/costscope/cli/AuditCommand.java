package costscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.export.Reports;
import costscope.model.JsonNames;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

import static costscope.cli.Json.put;

/** {@code audit FILE}: the report's stated figures beside the model's. */
@Command(name = "audit", description = "Every figure the report states beside what the model computes.")
@FormatChoices({"text", "json", "csv", "markdown"})
final class AuditCommand extends FormattedCommand {
    @Override
    void print(CompiledScenario c, PrintWriter out) {
        List<Audit.Line> lines = Audit.run(c);
        long differs = lines.stream().filter(l -> !l.agrees()).count();
        switch (format()) {
            case "json" -> {
                ArrayNode a = Json.MAPPER.createArrayNode();
                for (Audit.Line l : lines) {
                    ObjectNode o = a.addObject();
                    o.put("label", l.label());
                    if (l.at() != null) o.put("at", l.at());
                    else o.putNull("at");
                    if (l.month() != null) o.put("month", l.month());
                    o.put("of", l.of());
                    put(o, "stated", l.stated());
                    if (l.low() != null) {
                        put(o, "low", l.low());
                        put(o, "high", l.high());
                    }
                    put(o, "computed", l.computed());
                    put(o, "difference", l.difference());
                    o.put("agrees", l.agrees());
                    o.put("rounding", l.rounding());
                    o.put("format", JsonNames.of(l.format()));
                    if (l.note() != null) o.put("note", l.note());
                }
                out.println(Json.text(a));
            }
            case "csv" -> out.print(Reports.auditPlain(lines).toCsv());
            case "markdown" -> out.print(Reports.audit(lines, c.scenario().currency()).toMarkdown());
            default -> {
                out.print(Reports.audit(lines, c.scenario().currency()).toText());
                out.println();
                out.println((lines.size() - differs) + " of " + lines.size() + " stated figures agree; " + differs + " differ.");
            }
        }
    }
}
