package costscope.export;

import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.engine.Results;
import costscope.files.ScenarioFiles;
import costscope.model.FigureFormat;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A value that is not finite (0/0, 1/0, a NaN input) stays what it is through every rule of the engine and is shown
 * as such in every output: never $0.00, never a dropped row, never an empty CSV cell, never "agrees".
 */
class NonFiniteTest {
    /** A model whose variable {@code bad} is given by {@code formula}, and one item per pricing path on it. */
    private static Scenario model(String formula) throws Exception {
        String items = String.join(",\n", List.of(
                item("flat", "\"unitPrice\": 2"),
                item("allowance", "\"unitPrice\": 2, \"freeAllowance\": 5"),
                item("graduated", "\"tiers\": [{\"upTo\": 10, \"unitPrice\": 1}, {\"unitPrice\": 0.5}]"),
                item("volume", "\"tiers\": [{\"upTo\": 10, \"unitPrice\": 1}, {\"unitPrice\": 0.5}], \"tierMode\": \"volume\""),
                item("hourly", "\"unitPrice\": 0.1, \"billing\": \"hourly\""),
                item("stepped", "\"unitPrice\": \"step(bad, 0, 1, 10, 2)\""),
                item("interpolated", "\"unitPrice\": \"interp(bad, 0, 1, 10, 2)\""),
                item("chosen", "\"unitPrice\": \"if(bad > 5, 1, 2)\"")));
        String json = """
                {"format": "costscope-scenario", "version": 1, "name": "non-finite", "currency": "USD",
                 "drivers": [{"id": "x", "label": "X", "value": 0, "min": 0, "max": 10}],
                 "variables": [{"id": "bad", "label": "Bad", "formula": "%s"}],
                 "categories": [{"id": "c", "label": "C"}],
                 "items": [%s,
                   {"id": "fine", "label": "fine", "category": "c", "quantity": 1, "unitPrice": 10}],
                 "business": {"users": {"formula": "1000"}, "price": 5, "conversion": 0.1, "funding": 100000},
                 "statedFigures": [{"label": "Total", "of": "total", "value": 100}]}
                """.formatted(formula, items);
        return ScenarioFiles.parse(json, "nf.json");
    }

    private static String item(String id, String pricing) {
        return "{\"id\": \"" + id + "\", \"label\": \"" + id + "\", \"category\": \"c\", \"quantity\": \"bad\", " + pricing + "}";
    }

    private static Results results(String formula) throws Exception {
        return CompiledScenario.compile(model(formula)).newEvaluator().evaluateWithSavings();
    }

    @Test
    void notANumberGoesThroughEveryPricingRuleAsNotANumber() throws Exception {
        for (String nan : List.of("x / x", "sqrt(-1 - x)", "log(-1) + x")) {
            Results r = results(nan);
            for (String id : List.of("flat", "allowance", "graduated", "volume", "hourly", "stepped", "interpolated", "chosen")) {
                assertTrue(Double.isNaN(r.item(id).monthly()), id + " with quantity " + nan + ": " + r.item(id).monthly());
                assertTrue(Double.isNaN(r.item(id).share()), id + " share");
            }
            assertEquals(10.0, r.item("fine").monthly());
            assertTrue(Double.isNaN(r.item("fine").share()), "a share of a total that is not a number");
            assertTrue(Double.isNaN(r.monthlyTotal()));
            assertTrue(Double.isNaN(r.category("c").share()));
            assertTrue(Double.isNaN(r.metrics().get("profit")));
            assertTrue(Double.isNaN(r.metrics().get("runwayMonths")), "no runway can be given: " + r.metrics().get("runwayMonths"));
        }
    }

    @Test
    void infiniteCostIsInfiniteAndLeavesNoRunway() throws Exception {
        Results r = results("1 / x");
        assertEquals(Double.POSITIVE_INFINITY, r.item("flat").monthly());
        assertEquals(Double.POSITIVE_INFINITY, r.item("graduated").monthly());
        assertEquals(Double.POSITIVE_INFINITY, r.monthlyTotal());
        assertEquals(0.0, r.metrics().get("runwayMonths"), "an infinite burn spends any funding at once");
        assertEquals("0.0 months", Formats.figure(r.metrics().get("runwayMonths"), FigureFormat.MONTHS, "USD"));
        assertTrue(Double.isNaN(r.item("flat").share()), "infinity's share of infinity");
    }

    @Test
    void comparisonsConditionsAndTablesOnNotANumberHaveNoAnswer() throws Exception {
        for (String f : List.of("x/x > 5", "x/x < 5", "x/x == x/x", "x/x != 1", "if(x/x, 1, 2)", "if(x/x > 1, 1, 2)",
                "and(1, x/x)", "or(0, x/x)", "not(x/x)", "step(x/x, 0, 1)", "interp(x/x, 0, 1, 10, 2)", "round(x/x)", "max(0, x/x)")) {
            Results r = results(f);
            assertTrue(Double.isNaN(r.value("bad")), f + " = " + r.value("bad"));
        }
        assertEquals(1.0, results("if(1/x > 5, 1, 2)").value("bad"), "infinity compares as a number");
        assertEquals(2.0, results("if(x > 5, 1, 2)").value("bad"));
    }

    @Test
    void everyDisplayFormatShowsWhatTheValueIs() {
        for (FigureFormat f : FigureFormat.values()) {
            assertEquals("not a number", Formats.figure(Double.NaN, f, "USD"), f.toString());
            assertEquals("-∞", Formats.figure(Double.NEGATIVE_INFINITY, f, "USD"), f.toString());
            assertEquals(f == FigureFormat.MONTHS ? "unlimited" : "∞", Formats.figure(Double.POSITIVE_INFINITY, f, "USD"), f.toString());
        }
        assertEquals("NaN", Formats.plain(Double.NaN));
        assertEquals("Infinity", Formats.plain(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", Formats.plain(Double.NEGATIVE_INFINITY));
    }

    @Test
    void everyTableShowsItInEveryFormatAndDropsNoRow() throws Exception {
        Results r = results("x / x");
        Table breakdown = Reports.breakdown(r);
        String text = breakdown.toText();
        assertEquals(9, text.lines().filter(l -> l.contains("not a number")).count(), text);
        String csv = breakdown.toCsv();
        assertTrue(csv.contains("\nC,flat,NaN,,2,,NaN,NaN\nC,allowance,NaN,,2,,NaN,NaN\nC,graduated,NaN,,NaN,,NaN,NaN\n"), csv);
        assertTrue(breakdown.toMarkdown().contains("| C | graduated | not a number |"), breakdown.toMarkdown());

        Table categories = Reports.categories(r);
        assertTrue(categories.toText().lines().anyMatch(l -> l.startsWith("Total") && l.endsWith("not a number  not a number")),
                categories.toText());
        assertTrue(categories.toCsv().endsWith("Total,NaN,NaN\n"), categories.toCsv());

        String metrics = Reports.metrics(r).toText();
        for (String label : List.of("Revenue", "Profit", "Margin", "Runway (months)")) {
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith(label)), label + " is listed:\n" + metrics);
        }
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("Profit") && l.endsWith("not a number")), metrics);
    }

    @Test
    void aFigureThatIsNotFiniteNeverAgreesWithAStatedOne() throws Exception {
        for (String f : List.of("x / x", "1 / x")) {
            List<Audit.Line> lines = Audit.run(CompiledScenario.compile(model(f)));
            assertEquals(1, lines.size());
            assertFalse(lines.get(0).agrees(), f);
            String csv = Reports.auditPlain(lines).toCsv();
            assertTrue(csv.lines().skip(1).allMatch(l -> l.endsWith(",false")), csv);
            assertTrue(csv.contains(f.equals("x / x") ? ",NaN,NaN," : ",Infinity,Infinity,"), csv);
        }
    }

    @Test
    void aTotalOfZeroGivesSharesOfZeroAndNoShareForTheTotal() throws Exception {
        Scenario sc = ScenarioFiles.parse("""
                {"format": "costscope-scenario", "version": 1, "name": "zero", "currency": "USD",
                 "drivers": [{"id": "x", "label": "X", "value": 0}],
                 "categories": [{"id": "c", "label": "C"}],
                 "items": [{"id": "a", "label": "A", "category": "c", "quantity": "x", "unitPrice": 2}]}
                """, "zero.json");
        Results r = CompiledScenario.compile(sc).newEvaluator().evaluate();
        assertEquals(0.0, r.item("a").share());
        assertEquals("Category,Monthly,Share\nC,0,0\nTotal,0,\n", Reports.categories(r).toCsv());
    }
}
