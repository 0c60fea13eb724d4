package costscope.ui.tables;

import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.engine.Results;
import costscope.engine.ScaleTable;
import costscope.export.Reports;
import costscope.files.ScenarioFiles;
import costscope.model.LineItem;
import costscope.model.Scenario;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The views' models without a window: the same figures, formatted the same way, as the CLI's reports. */
class TableModelsTest {
    static Scenario load(String name) throws Exception {
        return ScenarioFiles.load(Path.of("sample-scenarios", name + ".json"));
    }

    /** Markdown body rows of a report table, as cells. */
    static List<List<String>> markdownRows(String md) {
        List<List<String>> out = new ArrayList<>();
        String[] lines = md.split("\n");
        for (int i = 2; i < lines.length; i++) {
            String l = lines[i];
            List<String> cells = new ArrayList<>();
            for (String c : l.substring(2, l.length() - 2).split(" \\| ", -1)) cells.add(c.replace("\\|", "|"));
            out.add(cells);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"innerworld", "billion-users", "raptorflow", "beatsight", "awsomebuilder2"})
    void auditRowsShowWhatTheAuditReportShows(String name) throws Exception {
        Scenario s = load(name);
        List<Audit.Line> lines = Audit.run(CompiledScenario.compile(s));
        List<AuditRow> rows = AuditRow.of(lines, s.currency());
        List<List<String>> report = markdownRows(Reports.audit(lines, s.currency()).toMarkdown());
        assertEquals(report.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = report.get(i);
            AuditRow a = rows.get(i);
            assertEquals(r.get(0).equals("ok"), a.agrees(), a.label());
            assertEquals(r.get(1), a.label());
            assertEquals(r.get(3), a.stated(), a.label());
            assertEquals(r.get(4), a.computed(), a.label());
            // both sign positive differences ("+$500.00")
            assertEquals(r.get(5), a.difference(), a.label());
        }
        long agree = lines.stream().filter(Audit.Line::agrees).count();
        assertTrue(AuditRow.summary(lines).startsWith(agree + " of " + lines.size() + " agree"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"innerworld", "billion-users", "raptorflow", "beatsight", "awsomebuilder2"})
    void scaleRowsAreTheScalePointReport(String name) throws Exception {
        List<ScaleTable.Column> cols = ScaleTable.build(CompiledScenario.compile(load(name)));
        List<ScaleRow> rows = ScaleRow.of(cols);
        List<List<String>> report = markdownRows(Reports.scalePoints(cols).toMarkdown());
        assertEquals(report.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ScaleRow row = rows.get(i);
            String label = row.kind() == ScaleRow.Kind.CATEGORY ? row.label() + " (category)" : row.label();
            assertEquals(report.get(i).get(0), label);
            assertEquals(report.get(i).subList(1, report.get(i).size()), row.cells(), row.key());
        }
    }

    @Test
    void theCurrentColumnIsTheScalePointTheDriversAreAt() throws Exception {
        Scenario s = load("innerworld");
        List<ScaleTable.Column> cols = ScaleTable.build(CompiledScenario.compile(s));
        assertEquals(1, ScaleRow.currentColumn(s, cols), "1K: 1,000 users and $50,000 funding");
        assertEquals(3, ScaleRow.currentColumn(s.atScalePoint("50K"), cols));
        assertEquals(-1, ScaleRow.currentColumn(s.withDriverValue("concurrent_users", 1001), cols));
        // 10K sets funding too: 10,000 users with the 1K funding is not the 10K column
        assertEquals(-1, ScaleRow.currentColumn(s.withDriverValue("concurrent_users", 10000), cols));
    }

    @Test
    void theBreakdownTreeIsRebuiltOnlyWhenItsStructureChanges() throws Exception {
        Scenario s = load("innerworld");
        BreakdownTree tree = new BreakdownTree();
        assertTrue(tree.update(eval(s)));
        TreeItem<BreakdownRow> sonnet = tree.find("item:sonnet_input");
        BreakdownRow row = sonnet.getValue();
        assertEquals("$450.00", row.monthlyProperty().get().text());
        assertEquals("150,000,000 tokens", row.quantityProperty().get().text());
        assertEquals("$3.00 / 1M tokens", row.unitPriceProperty().get().text());
        assertEquals("19.5%", row.shareProperty().get().text());
        tree.find("category:database").setExpanded(false);

        assertFalse(tree.update(eval(s.withDriverValue("concurrent_users", 10000))));
        assertSame(sonnet, tree.find("item:sonnet_input"));
        assertEquals("$4,500.00", row.monthlyProperty().get().text());
        assertEquals("1,500,000,000 tokens", row.quantityProperty().get().text());

        // a new item in the LLM category: rebuilt, collapsed categories stay collapsed
        LineItem extra = costscope.model.LineItemBuilder.builder().id("extra").label("Extra").category("llm").quantity("1").unitPrice("5").build();
        List<LineItem> items = new ArrayList<>(s.items());
        items.add(extra);
        assertTrue(tree.update(eval(s.withItems(items))));
        assertNotSame(sonnet, tree.find("item:sonnet_input"));
        assertFalse(tree.find("category:database").isExpanded());
        assertTrue(tree.find("category:llm").isExpanded());
        assertEquals(4, tree.find("category:llm").getChildren().size());
        assertEquals("$5.00", tree.row("item:extra").monthlyProperty().get().text());
        assertEquals("Total", tree.rows().get(tree.rows().size() - 1).labelProperty().get());
    }

    @Test
    void tieredUnitPricesAreAveragesAndSayWhatTheyArePer() throws Exception {
        Scenario s = load("awsomebuilder2").withDriverValue("mau", 1_000_000);
        BreakdownTree tree = new BreakdownTree();
        tree.update(eval(s));
        // $930 for 1,000,000,000 requests: $0.93 per 1M on average
        assertEquals("$0.93 / 1M requests (avg)", tree.row("item:http_api_requests").unitPriceProperty().get().text());
        assertEquals("$930.00", tree.row("item:http_api_requests").monthlyProperty().get().text());
    }

    @Test
    void auditFilter() {
        AuditRow a = new AuditRow(0, true, "agrees", "Neptune cluster, 1K table", "1K", "neptune", "$516", "$516.00", "", "");
        AuditRow b = new AuditRow(1, false, "differs", "Cost per active user, 1K", "1K", "costPerUser", "$1.93", "$1.54", "-$0.39", "1,196 active users");
        assertTrue(AuditViewController.predicate("", false).test(a));
        assertFalse(AuditViewController.predicate("", true).test(a));
        assertTrue(AuditViewController.predicate("", true).test(b));
        assertTrue(AuditViewController.predicate("NEPTUNE", false).test(a));
        assertFalse(AuditViewController.predicate("neptune", false).test(b));
        assertTrue(AuditViewController.predicate("1,196", true).test(b));
    }

    static Results eval(Scenario s) throws Exception {
        return CompiledScenario.compile(s).newEvaluator().evaluateWithSavings();
    }
}
