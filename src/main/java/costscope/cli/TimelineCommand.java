package costscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costscope.engine.CompiledScenario;
import costscope.engine.Months;
import costscope.export.Reports;
import costscope.model.InputException;
import costscope.model.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;

import static costscope.cli.Json.put;

/** {@code timeline FILE}: the file's timeline month by month, with its runway, break-even and paybacks. */
@Command(name = "timeline", description = "The timeline month by month (or by quarter or year): total, categories, revenue,"
        + " profit, cash and cumulative spend; the month cash runs out, the first month with profit, each lever event's payback.")
@FormatChoices({"text", "csv", "json", "markdown"})
final class TimelineCommand extends FormattedCommand {
    @Option(names = "--months", paramLabel = "N", description = "the horizon (default: the file's timeline.months)")
    Integer months;
    @Option(names = "--by", paramLabel = "PERIOD", defaultValue = "month", description = "month, quarter or year (default ${DEFAULT-VALUE})")
    String by;
    @Mixin
    StateOptions state;

    @Override
    void check() {
        period();
        if (months != null && (months < 1 || months > Timeline.MAX_MONTHS)) {
            throw bad("--months " + months + ": expected 1 to " + Timeline.MAX_MONTHS);
        }
    }

    private Months.Period period() {
        return switch (by) {
            case "month" -> Months.Period.MONTH;
            case "quarter" -> Months.Period.QUARTER;
            case "year" -> Months.Period.YEAR;
            default -> throw bad("--by " + by + ": expected month, quarter or year");
        };
    }

    @Override
    void print(CompiledScenario c, PrintWriter out) throws Exception {
        if (c.scenario().timeline() == null) {
            throw bad(file + ": " + Months.NO_TIMELINE);
        }
        Months.Result r;
        try {
            var e = state.evaluator(file, c);
            r = months == null ? Months.run(e) : Months.run(e, months);
        } catch (InputException x) {
            throw bad(x.getMessage());
        }
        String currency = c.scenario().currency();
        switch (format()) {
            case "json" -> out.println(Json.text(json(r)));
            case "csv" -> out.print(Reports.timeline(r, period(), currency, true).toCsv());
            case "markdown" -> {
                out.print(Reports.timeline(r, period(), currency, false).toMarkdown());
                out.println();
                Reports.timelineSummary(r, currency).forEach(l -> out.println("- " + l));
            }
            default -> {
                out.println(c.scenario().name() + ": " + r.months().size() + " months" + (r.start() == null ? ""
                        : " from " + r.start()) + ", by " + by.toLowerCase(Locale.ROOT) + " (months numbered from 0;"
                        + " cash is the balance after each month)");
                out.println();
                out.print(Reports.timeline(r, period(), currency, false).toText());
                out.println();
                Reports.timelineSummary(r, currency).forEach(out::println);
            }
        }
    }

    private ObjectNode json(Months.Result r) {
        ObjectNode o = Json.object();
        o.put("by", by);
        if (r.start() != null) o.put("start", r.start());
        put(o, "startingCash", r.startingCash());
        ArrayNode ms = o.putArray("months");
        for (Months.Month m : r.by(period())) {
            ObjectNode j = ms.addObject();
            j.put("month", m.month());
            if (m.lastMonth() != m.month()) j.put("lastMonth", m.lastMonth());
            if (m.date() != null) j.put("date", m.date());
            put(j, "total", m.total());
            ObjectNode cats = j.putObject("categories");
            for (int k = 0; k < r.categories().size(); k++) put(cats, r.categories().get(k), m.categories()[k]);
            put(j, "revenue", m.revenue());
            put(j, "profit", m.profit());
            put(j, "oneOff", m.oneOff());
            put(j, "funding", m.funding());
            put(j, "upfront", m.upfront());
            put(j, "cash", m.cash());
            put(j, "cumulative", m.cumulative());
            ArrayNode ev = j.putArray("events");
            m.events().forEach(ev::add);
        }
        if (r.runwayMonth() == null) o.putNull("runwayMonth");
        else o.put("runwayMonth", r.runwayMonth());
        if (r.breakEvenMonth() == null) o.putNull("breakEvenMonth");
        else o.put("breakEvenMonth", r.breakEvenMonth());
        ArrayNode pb = o.putArray("paybacks");
        for (Months.Payback p : r.paybacks()) {
            ObjectNode j = pb.addObject();
            j.put("label", p.label());
            j.put("month", p.month());
            put(j, "cost", p.cost());
            put(j, "firstSaving", p.firstSaving());
            if (p.paybackMonth() == null) j.putNull("paybackMonth");
            else j.put("paybackMonth", p.paybackMonth());
        }
        return o;
    }
}
