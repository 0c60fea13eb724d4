package costscope.engine;

import costscope.files.ScenarioFiles;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline: paths, events, cash, runway, break-even and paybacks, each against hand arithmetic. */
class MonthsTest {
    /** API servers at $0.50 a user, a database at $1 a GB; a migration lever that cuts the database to 40%. */
    static final String MODEL = """
            {"format": "costscope-scenario", "version": 1, "name": "months", "currency": "USD",
             "drivers": [{"id": "mau", "label": "Users", "value": 1000},
                         {"id": "storage_gb", "label": "Storage", "unit": "GB", "value": 500}],
             "categories": [{"id": "compute", "label": "Compute"}, {"id": "db", "label": "Database"}],
             "items": [{"id": "api", "label": "API", "category": "compute", "quantity": "mau", "unitPrice": 0.5},
                       {"id": "rds", "label": "Database", "category": "db", "quantity": "storage_gb", "unitPrice": 1}],
             "levers": [{"id": "migration", "label": "DB migration", "effects": [{"item": "rds", "factor": 0.4}]}],
             "variants": [{"id": "cheap_db", "label": "Cheaper database", "prices": {"rds": "0.5"}}],
             %s
             "timeline": %s}
            """;

    static Months.Result run(String business, String timeline) throws ScenarioException {
        Scenario sc = ScenarioFiles.parse(MODEL.formatted(business, timeline), "months.json");
        CompiledScenario c = CompiledScenario.compile(sc);
        return Months.run(c.newEvaluator(sc));
    }

    static List<String> problems(String timeline) {
        try {
            return CompiledScenario.validate(ScenarioFiles.parse(MODEL.formatted("", timeline), "months.json"))
                    .stream().map(Problem::describe).toList();
        } catch (ScenarioException e) {
            return e.problems().stream().map(Problem::describe).toList();
        }
    }

    @Test
    void compoundGrowthPerMonthAndPerYear() throws Exception {
        Months.Result r = run("", """
                {"months": 25, "paths": [{"driver": "mau", "growth": 0.15}, {"driver": "storage_gb", "growth": "20%/year"}]}""");
        // month 12: 1,000 x 1.15^12 users at $0.50; 500 GB x 1.2 (a year at 20% a year)
        assertEquals(1000 * Math.pow(1.15, 12) * 0.5, r.months().get(12).categories()[0], 1e-9);
        assertEquals(600, r.months().get(12).categories()[1], 1e-9);
        assertEquals(720, r.months().get(24).categories()[1], 1e-9);
        assertEquals(3275.13, Math.round(r.months().get(12).total() * 100) / 100.0, 0.0);
        assertEquals(1000, r.months().get(0).total(), 0.0, "month 0 is the slider values");
        assertTrue(!r.funded());
        assertNull(r.runwayMonth(), "no funding, no runway: the cash is only the spend so far");
    }

    @Test
    void milestonesInterpolateLinearlyByLogarithmOrInSteps() throws Exception {
        String milestones = "[{\"month\": 0, \"value\": 100000}, {\"month\": 12, \"value\": 1000000}]";
        for (String how : List.of("linear", "log", "step")) {
            Months.Result r = run("", "{\"months\": 15, \"paths\": [{\"driver\": \"mau\", \"milestones\": " + milestones
                    + ", \"interpolate\": \"" + how + "\"}]}");
            double users6 = r.months().get(6).categories()[0] / 0.5;
            double expected = switch (how) {
                case "linear" -> 550_000;
                case "log" -> 100_000 * Math.sqrt(10);   // half way in the logarithm: 316,227.77
                default -> 100_000;
            };
            assertEquals(expected, users6, 1e-6, how);
            assertEquals(1_000_000, r.months().get(12).categories()[0] / 0.5, 1e-6, how + " at the milestone");
            assertEquals(1_000_000, r.months().get(14).categories()[0] / 0.5, 1e-6, how + ": held after the last");
        }
    }

    @Test
    void aFormulaOfTheMonth() throws Exception {
        Months.Result r = run("", """
                {"months": 4, "paths": [{"driver": "mau", "formula": "1000 + 250 * month"}]}""");
        // 1,000, 1,250, 1,500, 1,750 users at $0.50
        assertEquals(List.of(500.0, 625.0, 750.0, 875.0), r.months().stream().map(m -> m.categories()[0]).toList());
        // the documentation's logistic curve: half of 1e6 users at month 24
        Months.Result s = run("", """
                {"months": 30, "paths": [{"driver": "mau", "formula": "1e6 / (1 + exp(-(month - 24) / 4))"}]}""");
        assertEquals(500_000 * 0.5, s.months().get(24).categories()[0], 1e-6);
    }

    @Test
    void eventsActFromTheirMonthOn() throws Exception {
        Months.Result r = run("", """
                {"months": 8, "events": [
                  {"month": 3, "label": "Database migration", "cost": 2000},
                  {"month": 4, "label": "Migration done", "levers": {"migration": true}},
                  {"month": 5, "label": "Cheaper database", "variant": "cheap_db"},
                  {"month": 6, "label": "Seed round", "funding": 100000}]}""");
        double[] db = r.months().stream().mapToDouble(m -> m.categories()[1]).toArray();
        // 500 GB at $1; from month 4 x 0.4; from month 5 the variant's $0.50 a GB, still x 0.4
        assertEquals(List.of(500.0, 500.0, 500.0, 500.0, 200.0, 100.0, 100.0, 100.0), java.util.Arrays.stream(db).boxed().toList());
        assertEquals(2000, r.months().get(3).oneOff(), 0.0);
        assertEquals(0, r.months().get(4).oneOff(), 0.0);
        assertEquals(100_000, r.months().get(6).funding(), 0.0);
        assertEquals(List.of("Migration done"), r.months().get(4).events());
    }

    @Test
    void cashAndRunwayByHand() throws Exception {
        // no revenue; $1,000 a month, funding $3,500, a $200 one-off cost in month 1
        Months.Result r = run("\"business\": {\"funding\": 3500},", """
                {"months": 6, "events": [{"month": 1, "label": "Audit", "cost": 200}]}""");
        double[] cash = r.months().stream().mapToDouble(Months.Month::cash).toArray();
        // 3,500 - 1,000 = 2,500; - 1,000 - 200 = 1,300; 300; -700
        assertEquals(2500, cash[0], 0.0);
        assertEquals(1300, cash[1], 0.0);
        assertEquals(300, cash[2], 0.0);
        assertEquals(-700, cash[3], 0.0);
        assertEquals(3, r.runwayMonth());
        assertEquals(3500, r.startingCash(), 0.0);
        assertEquals(4200, r.months().get(3).cumulative(), 0.0, "4 months of $1,000 and the $200");
        assertNull(r.breakEvenMonth(), "nothing sold");
        assertTrue(!r.sells());
    }

    @Test
    void breakEvenIsTheFirstMonthWithProfit() throws Exception {
        // revenue: users x 50% x $2 = $1 a user; cost $0.50 a user + $500: profit from 1,000 x 1.15^m > 1,000
        Months.Result r = run("\"business\": {\"users\": {\"label\": \"users\", \"formula\": \"mau\"}, \"price\": 2, \"conversion\": 0.5},",
                """
                {"months": 12, "paths": [{"driver": "mau", "growth": 0.15}]}""");
        assertEquals(0, r.months().get(0).profit(), 1e-9, "1,000 - (500 + 500)");
        assertEquals(1, r.breakEvenMonth());
        assertEquals(1150 - (575 + 500), r.months().get(1).profit(), 1e-9);
    }

    @Test
    void aLeverEventPaysBackItsCost() throws Exception {
        // the migration saves 60% of $500 = $300 a month from month 2; its $1,000 is covered after 4 months (1,200)
        Months.Result r = run("", """
                {"months": 12, "events": [{"month": 2, "label": "Migration", "levers": {"migration": true}, "cost": 1000}]}""");
        Months.Payback p = r.paybacks().get(0);
        assertEquals("Migration", p.label());
        assertEquals(1000, p.cost(), 0.0);
        assertEquals(300, p.firstSaving(), 1e-9);
        assertEquals(5, p.paybackMonth());
        // a cost event before it is counted too; too short a horizon says so
        Months.Result late = run("", """
                {"months": 4, "events": [{"month": 0, "label": "Plan", "cost": 500},
                  {"month": 2, "label": "Migration", "levers": {"migration": true}, "cost": 1000}]}""");
        assertEquals(1500, late.paybacks().get(0).cost(), 0.0);
        assertNull(late.paybacks().get(0).paybackMonth());
    }

    @Test
    void withoutPathsOrEventsEachMonthIsTheCurrentEvaluation() throws Exception {
        for (String file : List.of("awsomebuilder2", "billion-users", "innerworld", "raptorflow", "beatsight")) {
            Scenario sc = ScenarioFiles.load(java.nio.file.Path.of("sample-scenarios", file + ".json"))
                    .withTimeline(costscope.model.TimelineBuilder.builder().months(60).build());
            CompiledScenario c = CompiledScenario.compile(sc);
            Results now = c.newEvaluator(sc).evaluate();
            Months.Result r = Months.run(c.newEvaluator(sc));
            assertEquals(60, r.months().size());
            for (Months.Month m : r.months()) {
                assertEquals(now.monthlyTotal(), m.total(), 0.0, file + " month " + m.month());
                for (int k = 0; k < r.categories().size(); k++) {
                    assertEquals(now.category(r.categories().get(k)).monthly(), m.categories()[k], 0.0, file);
                }
            }
            assertEquals(60 * now.monthlyTotal() + now.upfrontTotal(), r.months().get(59).cumulative(), 1e-6 * now.monthlyTotal() * 60, file);
        }
    }

    @Test
    void quartersSumFlowsAndKeepTheBalanceAtTheirEnd() throws Exception {
        Months.Result r = run("\"business\": {\"funding\": 10000},", """
                {"months": 7, "start": "2026-11", "paths": [{"driver": "mau", "formula": "1000 + 100 * month"}]}""");
        List<Months.Month> q = r.by(Months.Period.QUARTER);
        assertEquals(3, q.size());
        assertEquals(0, q.get(0).month());
        assertEquals(2, q.get(0).lastMonth());
        assertEquals(r.months().get(0).total() + r.months().get(1).total() + r.months().get(2).total(), q.get(0).total(), 1e-9);
        assertEquals(r.months().get(2).cash(), q.get(0).cash(), 0.0);
        assertEquals(6, q.get(2).month(), "the last quarter holds what is left");
        assertEquals("2026-11", q.get(0).date());
        assertEquals("2027-01", r.months().get(2).date());
    }

    @Test
    void aStatedFigureAtAMonthIsAuditedThere() throws Exception {
        // month 12: 1,000 x 1.15^12 users at $0.50 = $2,675.13, and the database's $500 after the migration of month 6
        Scenario sc = ScenarioFiles.parse(MODEL.formatted("""
                "statedFigures": [{"label": "Year 2 starts at $2,875.13", "month": 12, "of": "total", "value": 2875.13},
                                  {"label": "Month 3, unmigrated", "month": 3, "of": "rds", "value": 500},
                                  {"label": "Month 12 with the lever off", "month": 12, "levers": {"migration": false},
                                   "of": "rds", "value": 500}],""", """
                {"months": 24, "paths": [{"driver": "mau", "growth": 0.15}],
                 "events": [{"month": 6, "levers": {"migration": true}}]}"""), "months.json");
        List<Audit.Line> lines = Audit.run(CompiledScenario.compile(sc));
        assertEquals(2875.13, Math.round(lines.get(0).computed() * 100) / 100.0, 0.0);
        assertTrue(lines.get(0).agrees());
        assertEquals("month 12", lines.get(0).context());
        assertEquals(500, lines.get(1).computed(), 0.0);
        assertEquals(500, lines.get(2).computed(), 0.0, "the figure's own levers after the month's events");
        assertTrue(problems("{\"months\": 6}").isEmpty());
        ScenarioException bad = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(
                MODEL.formatted("\"statedFigures\": [{\"label\": \"x\", \"month\": 6, \"of\": \"total\", \"value\": 1}],",
                        "{\"months\": 6}"), "m.json"));
        assertTrue(bad.getMessage().contains("statedFigures[0] 'x', field month: month 6 is not within the timeline's months 0 to 5"),
                bad.getMessage());
    }

    @Test
    void problemsNameTheirPlace() {
        assertTrue(problems("{\"months\": 6, \"paths\": [{\"driver\": \"mauu\", \"growth\": 0.1}]}").stream()
                .anyMatch(p -> p.contains("timeline.paths[0].driver") && p.contains("'mauu' is not a driver") && p.contains("mau")),
                problems("{\"months\": 6, \"paths\": [{\"driver\": \"mauu\", \"growth\": 0.1}]}").toString());
        assertTrue(problems("{\"months\": 6, \"paths\": [{\"driver\": \"mau\", \"growth\": \"fast\"}]}").toString()
                .contains("'fast' is not a growth rate"));
        assertTrue(problems("{\"months\": 6, \"paths\": [{\"driver\": \"mau\", \"formula\": \"month * usrs\"}]}").toString()
                .contains("position 8"), problems("{\"months\": 6, \"paths\": [{\"driver\": \"mau\", \"formula\": \"month * usrs\"}]}").toString());
        assertTrue(problems("{\"months\": 6, \"paths\": [{\"driver\": \"mau\", \"milestones\": [{\"month\": 5, \"value\": 1},"
                + " {\"month\": 2, \"value\": 3}]}]}").toString().contains("milestones must be in order of month"));
        assertTrue(problems("{\"months\": 6, \"events\": [{\"month\": 6, \"cost\": 1}]}").toString()
                .contains("month 6 is not within the timeline's months 0 to 5"));
        assertTrue(problems("{\"months\": 6, \"events\": [{\"month\": 1, \"levers\": {\"migratoin\": true}}]}").toString()
                .contains("'migratoin' is not a lever"));
        assertTrue(problems("{\"months\": 6, \"paths\": [{\"driver\": \"mau\", \"growth\": 0.1, \"formula\": \"month\"}]}").toString()
                .contains("give exactly one of growth, milestones and formula"));
        assertTrue(problems("{\"months\": 0}").toString().contains("months must be from 1 to 1200"));
        assertTrue(problems("{\"months\": 6, \"start\": \"Jan 2026\"}").toString().contains("is not a month as YYYY-MM"));
    }
}
